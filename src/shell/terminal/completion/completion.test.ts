import { beforeAll, describe, expect, test } from 'vitest';
import { preloadCommands } from '../../session/preload';
import type { Command, CompletionRequest } from '../../types';
import { terminalHarness, type Harness } from '../testing/harness';
import { formatColumns } from './columns';
import { completionContext } from './context';
import { quoteWord } from './quote';

// Completion and some builtins (read) load lazily in the page; tests load them up front.
beforeAll(() => preloadCommands());

const P = '[node1 ~]$ ';

const RESOURCES = ['pods', 'deployments', 'services', 'nodes', 'namespaces'];
const requests: CompletionRequest[] = [];

/** A kubectl-like command whose completion knows verbs and resource kinds, nothing for -f. */
const kubectl: Command = {
  name: 'kubectl',
  summary: 'kubectl controls the Kubernetes cluster manager',
  run: () => 0,
  complete(req) {
    requests.push(req);
    if (req.words.length === 1) return ['apply', 'create', 'delete', 'describe', 'get', 'logs'];
    if (req.words[req.words.length - 1] === '-f') return [];
    if (req.words[1] === 'get' || req.words[1] === 'describe') return RESOURCES;
    return [];
  },
};
const named = (name: string): Command => ({ name, summary: name, run: () => 0 });

function harness(extra: Command[] = []): Harness {
  const t = terminalHarness({ commands: [kubectl, named('kubeadm'), named('kubelet'), ...extra] });
  const fs = t.shell.host.fs;
  fs.mkdir('/root/dockercoins/webui', { parents: true });
  fs.mkdir('/root/.kube');
  fs.writeFile('/root/deploy.yaml', 'kind: Deployment\n');
  fs.writeFile('/root/my file.txt', 'x\n');
  fs.writeFile('/root/dockercoins/docker-compose.yml', 'version: "2"\n');
  return t;
}

function line(t: Harness): string {
  expect(t.transcript()).toBe(t.screenText());
  return t.screenText().split('\n').pop()!;
}

describe('tab completion at the prompt', () => {
  test('command names: unique completes with a space; ambiguous completes the common prefix', () => {
    const t = harness();
    t.type('kubea\t');
    expect(line(t)).toBe(`${P}kubeadm`);
    expect(t.screen.cursor.col).toBe(`${P}kubeadm `.length);
    t.type('\x15ku\t');
    expect(line(t)).toBe(`${P}kube`);
  });

  test('a second Tab lists the candidates in columns below, then redraws the prompt and the line', () => {
    const t = harness();
    t.type('kube\t');
    expect(t.bytes.join('')).toContain('\x07');
    t.type('\t');
    expect(t.screenText().split('\n').slice(-3)).toEqual([`${P}kube`, 'kubeadm  kubectl  kubelet', `${P}kube`]);
    t.type('c\t');
    expect(line(t)).toBe(`${P}kubectl`);
  });

  test("a command's own completion for its arguments", () => {
    const t = harness();
    t.type('kubectl g\t');
    expect(line(t)).toBe(`${P}kubectl get`);
    t.type('po\t');
    expect(line(t)).toBe(`${P}kubectl get pods`);
    t.type('\x15kubectl describe n\t\t');
    expect(t.screenText().split('\n').slice(-2)).toEqual(['namespaces  nodes', `${P}kubectl describe n`]);
    const last = requests[requests.length - 1]!;
    expect(last.words).toEqual(['kubectl', 'describe']);
    expect(last.current).toBe('n');
    expect(last.cwd).toBe('/root');
  });

  test('with nothing from the command, file names (kubectl is registered with -o default)', () => {
    const t = harness();
    t.type('kubectl apply -f dep\t');
    expect(line(t)).toBe(`${P}kubectl apply -f deploy.yaml`);
  });

  test('paths: relative, absolute, under ~, directories get "/" and no space, dot files only when asked', () => {
    const t = harness();
    t.type('cd dock\t');
    expect(line(t)).toBe(`${P}cd dockercoins/`);
    t.type('w\t');
    expect(line(t)).toBe(`${P}cd dockercoins/webui/`);
    t.type('\x15ls /etc/kub\t');
    expect(line(t)).toBe(`${P}ls /etc/kubernetes/`);
    t.type('\x15cat ~/dockercoins/do\t');
    expect(line(t)).toBe(`${P}cat ~/dockercoins/docker-compose.yml`);
    t.type('\x15ls .k\t');
    expect(line(t)).toBe(`${P}ls .kube/`);
    t.type('\x15ls \t\t');
    expect(t.screenText().split('\n').slice(-2)).toEqual(['deploy.yaml   dockercoins/  my file.txt', `${P}ls`]);
    t.type('\x15cd ..\t');
    expect(line(t)).toBe(`${P}cd ../`);
  });

  test('quotes: completion stays inside an open quote and closes it; unquoted names are escaped', () => {
    const t = harness();
    t.type('cat "my\t');
    expect(line(t)).toBe(`${P}cat "my file.txt"`);
    t.type("\x15cat 'dep\t");
    expect(line(t)).toBe(`${P}cat 'deploy.yaml'`);
    t.type('\x15cat my\t');
    expect(line(t)).toBe(`${P}cat my\\ file.txt`);
    t.type('\x15cat "dockercoins/\t');
    expect(line(t)).toBe(`${P}cat "dockercoins/`);
  });

  test('$(...), pipes, redirections and variables', () => {
    const t = harness();
    t.type('echo $(kubec\t');
    expect(line(t)).toBe(`${P}echo $(kubectl`);
    t.type('version | ku\t');
    expect(line(t)).toBe(`${P}echo $(kubectl version | kube`);
    t.type('\x15echo hi > dep\t');
    expect(line(t)).toBe(`${P}echo hi > deploy.yaml`);
    t.type('\x15echo $HO\t\t');
    expect(t.screenText().split('\n').slice(-2)).toEqual(['$HOME      $HOSTNAME', `${P}echo $HO`]);
    t.type('M\t');
    expect(line(t)).toBe(`${P}echo $HOME`);
    t.type('\x15sudo kubea\t');
    expect(line(t)).toBe(`${P}sudo kubeadm`);
    t.type('\x15KUBECONFIG=/etc/kub\t');
    expect(line(t)).toBe(`${P}KUBECONFIG=/etc/kubernetes/`);
  });

  test('completing in the middle of a line keeps what follows the cursor', () => {
    const t = harness();
    t.type('kubectl g pods');
    t.type('\x1b[D'.repeat(5));
    t.type('\t');
    expect(line(t)).toBe(`${P}kubectl get pods`);
    expect(t.screen.cursor.col).toBe(`${P}kubectl get `.length);
  });

  test('nothing to complete rings the bell and changes nothing', () => {
    const t = harness();
    t.type('cat nosuch\t');
    expect(line(t)).toBe(`${P}cat nosuch`);
    expect(t.takeBytes().endsWith('\x07')).toBe(true);
  });

  test('a command whose completion throws does not break the line', () => {
    const broken: Command = { name: 'broken', summary: '', run: () => 0, complete: () => { throw new Error('bug'); } };
    const t = harness([broken]);
    t.type('broken dep\t');
    expect(line(t)).toBe(`${P}broken deploy.yaml`);
  });

  test('100 candidates or more: "Display all N possibilities? (y or n)"', () => {
    const many = Array.from({ length: 120 }, (_, i) => named(`cmd${String(i).padStart(3, '0')}`));
    const t = harness(many);
    t.type('cmd\t\t');
    expect(t.screenText().split('\n').slice(-2)).toEqual([`${P}cmd`, 'Display all 120 possibilities? (y or n)']);
    t.type('n');
    expect(t.screenText().split('\n').slice(-3)).toEqual([`${P}cmd`, 'Display all 120 possibilities? (y or n)', `${P}cmd`]);
    t.type('\t\ty');
    const screen = t.screenText().split('\n');
    expect(screen[screen.length - 1]).toBe(`${P}cmd`);
    expect(screen[screen.length - 2]).toMatch(/^cmd\d{3}( +cmd\d{3})*$/);
    expect(t.transcript()).toBe(t.screenText());
  });
});

describe('completion pieces', () => {
  test('context: words of the current simple command, the partial word, its quote and start', () => {
    expect(completionContext('kubectl get po', 14)).toMatchObject({ words: ['kubectl', 'get'], current: 'po', start: 12, position: 'argument' });
    expect(completionContext('ls | gr', 7)).toMatchObject({ words: [], current: 'gr', position: 'command' });
    expect(completionContext('cat "my fi', 10)).toMatchObject({ words: ['cat'], current: 'my fi', quote: '"', start: 4 });
    expect(completionContext('cat my\\ fi', 10)).toMatchObject({ current: 'my fi', quote: '', quoted: true });
    expect(completionContext('echo "$(kubectl ver', 19)).toMatchObject({ words: ['kubectl'], current: 'ver' });
    expect(completionContext('kubectl version 2>&1 > out', 26)).toMatchObject({ position: 'redirect', current: 'out' });
    expect(completionContext('A=1 sudo kube', 13)).toMatchObject({ position: 'command', current: 'kube' });
    expect(completionContext('echo `hostn', 11)).toMatchObject({ position: 'command', current: 'hostn' });
    expect(completionContext('kubectl get ', 12)).toMatchObject({ words: ['kubectl', 'get'], current: '', start: 12 });
  });

  test('quoting for insertion', () => {
    expect(quoteWord('my file', '', true)).toBe('my\\ file');
    expect(quoteWord('~/a b', '', true)).toBe('~/a\\ b');
    expect(quoteWord('a"b$c', '"', true)).toBe('"a\\"b\\$c"');
    expect(quoteWord('abc', "'", false)).toBe("'abc");
  });

  test('columns: as wide as the longest item plus two, sorted down the columns', () => {
    const items = ['apply', 'create', 'delete', 'describe', 'get', 'logs', 'run'];
    expect(formatColumns(items, 41)).toEqual([
      'apply     delete    get       run',
      'create    describe  logs',
    ]);
    // Four columns of 10 would fill 40 exactly: readline keeps one fewer.
    expect(formatColumns(items, 40)).toEqual(['apply     describe  run', 'create    get', 'delete    logs']);
    expect(formatColumns(['a-very-long-name-that-does-not-fit'], 10)).toEqual(['a-very-long-name-that-does-not-fit']);
  });
});
