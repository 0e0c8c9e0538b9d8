import { beforeAll, describe, expect, it } from 'vitest';
import { base64Encode } from '../../engine';
import { shellOn, testWorld } from '../testing/harness';
import type { Command } from '../types';
import { createShellSession } from './session';
import { preloadCommands } from './preload';

// Coreutils load lazily; these tests drive the session synchronously.
beforeAll(() => preloadCommands());

const VERSION_TEXT = 'Client Version: version.Info{Major:"1", Minor:"27", GitVersion:"v1.27.2"}\nKustomize Version: v5.0.1\n';

/** Fakes that record what they were called with, standing in for kubectl and kubeadm. */
function fakes() {
  const calls: { argv: readonly string[]; kubeconfig: string | undefined }[] = [];
  const record = (name: string): Command => ({
    name,
    summary: `fake ${name}`,
    run(ctx) {
      calls.push({ argv: ctx.argv, kubeconfig: ctx.env.get('KUBECONFIG') });
      if (name === 'kubectl' && ctx.argv[1] === 'version') ctx.stdout.write(VERSION_TEXT);
      return 0;
    },
  });
  return { calls, commands: [record('kubectl'), record('kubeadm')] };
}

describe('the lesson, line by line', () => {
  it('runs every line of the seed lesson as written', async () => {
    const world = testWorld({ seed: 'lesson' });
    const { calls, commands } = fakes();
    const node1 = shellOn(world, 'node1', { commands });
    const ip = world.host('node1')!.ip;

    await node1.run('kubeadm init --apiserver-advertise-address $(hostname -i)');
    expect(calls.at(-1)!.argv).toEqual(['kubeadm', 'init', '--apiserver-advertise-address', ip]);

    // What kubeadm init leaves behind (the real one is another task's): an admin.conf.
    node1.writeFile('/etc/kubernetes/admin.conf', 'apiVersion: v1\nkind: Config\n');
    expect((await node1.run('mkdir -p $HOME/.kube')).exitCode).toBe(0);
    expect((await node1.run('sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config')).exitCode).toBe(0);
    expect(node1.readFile('/root/.kube/config')).toBe('apiVersion: v1\nkind: Config\n');

    // Copying again asks first, reading the answer from the terminal.
    node1.writeFile('/etc/kubernetes/admin.conf', 'apiVersion: v1\nkind: Config\n# new cluster\n');
    const pending = node1.run('sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config');
    node1.type('y\n');
    const asked = await pending;
    expect(asked.stderr).toBe("cp: overwrite '/root/.kube/config'? ");
    expect(node1.readFile('/root/.kube/config')).toContain('# new cluster');

    expect((await node1.run('sudo chown $(id -u):$(id -g) $HOME/.kube/config')).output).toBe('');
    await node1.run('export KUBECONFIG=/etc/kubernetes/admin.conf');

    await node1.run(`kubectl apply -n kube-system -f "https://cloud.weave.works/k8s/net?k8s-version=$(kubectl version | base64 |tr -d '\\n')"`);
    const apply = calls.at(-1)!;
    const url = `https://cloud.weave.works/k8s/net?k8s-version=${base64Encode(VERSION_TEXT)}`;
    expect(apply.argv).toEqual(['kubectl', 'apply', '-n', 'kube-system', '-f', url]);
    expect(apply.argv[5]).not.toContain('\n');
    expect(apply.kubeconfig).toBe('/etc/kubernetes/admin.conf');

    await node1.run(`kubectl apply -n kube-system -f \\\n"https://cloud.weave.works/k8s/net?k8s-version=$(kubectl version | base64 |tr -d '\\n')"`);
    expect(calls.at(-1)!.argv).toEqual(apply.argv);
    expect(node1.session.history.at(-1)).toBe(`kubectl apply -n kube-system -f "https://cloud.weave.works/k8s/net?k8s-version=$(kubectl version | base64 |tr -d '\\n')"`);
  });

  it('declining cp -i keeps the old file; EOF counts as no', async () => {
    const sh = shellOn(testWorld(), 'node1');
    await sh.run('echo old > /tmp/b; echo new > /tmp/a');
    expect((await sh.run('cp -i /tmp/a /tmp/b', { input: 'n\n' })).exitCode).toBe(0);
    expect(sh.readFile('/tmp/b')).toBe('old\n');
    const job = sh.start('cp /tmp/a /tmp/b');
    sh.eof();
    await job.done();
    expect(sh.readFile('/tmp/b')).toBe('old\n');
  });
});

describe('session', () => {
  it('prompt from the login environment: [node1 ~]$ , following cd', async () => {
    const sh = shellOn(testWorld(), 'node1');
    expect(sh.session.prompt()).toBe('[node1 ~]$ ');
    await sh.run('cd /etc/kubernetes');
    expect(sh.session.prompt()).toBe('[node1 kubernetes]$ ');
    await sh.run('cd /');
    expect(sh.session.prompt()).toBe('[node1 /]$ ');
    expect(sh.session.continuationPrompt()).toBe('> ');
  });

  it('startup files run at login; what they print reaches the first listener', () => {
    const world = testWorld();
    world.host('node1')!.fs.writeFile('/root/.bashrc', "alias ll='ls -l'\necho welcome to $HOSTNAME\n");
    const s = createShellSession({ world, host: 'node1' });
    const out: string[] = [];
    s.onOutput((t) => out.push(t));
    expect(out.join('')).toBe('welcome to node1\n');
    s.acceptLine('alias ll');
    expect(out.join('')).toBe("welcome to node1\nalias ll='ls -l'\n");
  });

  it('each host has its own shell: cwd, variables, history', async () => {
    const world = testWorld();
    const a = shellOn(world, 'node1');
    const b = shellOn(world, 'node2');
    await a.run('cd /tmp; X=1');
    expect(b.session.cwd).toBe('/root');
    expect((await b.run('echo "[$X]"; hostname')).stdout).toBe('[]\nnode2\n');
    expect(a.session.history).toEqual(['cd /tmp; X=1']);
    expect(b.session.prompt()).toBe('[node2 ~]$ ');
  });

  it('acceptLine: incomplete lines wait for more, empty lines do nothing', () => {
    const s = createShellSession({ world: testWorld(), host: 'node1' });
    const out: string[] = [];
    s.onOutput((t) => out.push(t));
    expect(s.acceptLine('   ')).toBe('empty');
    expect(s.acceptLine('echo "one')).toBe('incomplete');
    expect(s.acceptLine('two"')).toBe('ran');
    expect(out.join('')).toBe('one\ntwo\n');
    expect(s.acceptLine('# just a comment')).toBe('empty');
  });

  it('Ctrl+C drops a pending incomplete line', () => {
    const s = createShellSession({ world: testWorld(), host: 'node1' });
    expect(s.acceptLine('for i in 1 2; do')).toBe('incomplete');
    s.interrupt();
    expect(s.acceptLine('echo fresh')).toBe('ran');
    expect(s.history).toEqual(['echo fresh']);
  });

  it('history: multi-line commands joined as bash does, no repeats, no lines starting with a space', () => {
    const s = createShellSession({ world: testWorld(), host: 'node1' });
    for (const l of ['for i in 1 2', 'do', 'echo $i', 'done']) s.acceptLine(l);
    for (const l of ['echo a |', 'tr a b']) s.acceptLine(l);
    for (const l of ['echo "x', 'y"']) s.acceptLine(l);
    s.acceptLine('ls');
    s.acceptLine('ls');
    s.acceptLine(' secret');
    expect(s.history).toEqual(['for i in 1 2; do echo $i; done', 'echo a | tr a b', 'echo "x\ny"', 'ls']);
  });

  it('syntax errors are reported, recorded and leave $? = 2', async () => {
    const sh = shellOn(testWorld(), 'node1');
    const r = await sh.run('echo a | | b');
    expect(r.stderr).toBe("bash: syntax error near unexpected token `|'\n");
    expect(r.exitCode).toBe(2);
    expect(sh.session.history).toEqual(['echo a | | b']);
  });

  it('aliases come from ~/.bashrc; sudo does not expand them', async () => {
    const sh = shellOn(testWorld(), 'node1');
    expect((await sh.run('alias')).stdout).toBe("alias cp='cp -i'\nalias mv='mv -i'\nalias rm='rm -i'\n");
    await sh.run('touch /tmp/a');
    const asked = await sh.run('rm /tmp/a', { input: 'y\n' });
    expect(asked.stderr).toBe("rm: remove regular empty file '/tmp/a'? ");
    await sh.run('touch /tmp/a');
    expect((await sh.run('sudo rm /tmp/a')).output).toBe('');
    expect(sh.readFile('/tmp/a')).toBeUndefined();
  });

  it('command not found is 127 with bash\'s message', async () => {
    const r = await shellOn(testWorld(), 'node1').run('kubctl get nodes');
    expect(r.stderr).toBe('bash: kubctl: command not found\n');
    expect(r.exitCode).toBe(127);
  });

  it('programs are files in /usr/bin: ls, which and $PATH agree with what runs', async () => {
    const { commands } = fakes();
    const sh = shellOn(testWorld(), 'node1', { commands });
    expect((await sh.run('which ls kubectl kubeadm')).stdout).toBe('/usr/bin/ls\n/usr/bin/kubectl\n/usr/local/bin/kubeadm\n');
    expect((await sh.run('ls /usr/bin | grep -c "^grep$"')).stdout).toBe('1\n');
    expect((await sh.run('/usr/bin/echo direct; type -t cd ls')).stdout).toBe('direct\nbuiltin\nfile\n');
    await sh.run('rm -f /usr/bin/uname');
    expect((await sh.run('uname')).stderr).toBe('bash: uname: command not found\n');
    expect((await sh.run('PATH=/nowhere; ls')).stderr).toBe('bash: ls: command not found\n');
  });

  it('exit ends the session with its code; the shell takes no more lines', async () => {
    const s = createShellSession({ world: testWorld(), host: 'node1' });
    const codes: number[] = [];
    s.onExit((c) => codes.push(c));
    s.acceptLine('(exit 4); echo $?');
    expect(s.ended).toBe(false);
    s.acceptLine('exit 3');
    expect(codes).toEqual([3]);
    expect(s.ended).toBe(true);
    expect(s.acceptLine('echo nope')).toBe('empty');
  });

  it('stdin while a job runs: lines go to the job, Ctrl+D ends its input', async () => {
    const s = createShellSession({ world: testWorld(), host: 'node1' });
    const out: string[] = [];
    const ends: number[] = [];
    s.onOutput((t) => out.push(t));
    s.onJobEnd((c) => ends.push(c));
    expect(s.acceptLine('cat | tr a-z A-Z')).toBe('ran');
    expect(s.busy).toBe(true);
    expect(s.waitingForInput).toBe(true);
    s.writeStdin('hello\n');
    expect(out.join('')).toBe('HELLO\n');
    s.closeStdin();
    expect(s.busy).toBe(false);
    expect(ends).toEqual([0]);
  });

  it('lines typed during a job that it never reads are kept for the prompt (typeahead)', () => {
    const world = testWorld();
    const s = createShellSession({ world, host: 'node1' });
    s.acceptLine('sleep 1');
    s.writeStdin('echo typed\n');
    world.advance(1000);
    expect(s.busy).toBe(false);
    expect(s.takeUnreadInput()).toBe('echo typed\n');
    expect(s.takeUnreadInput()).toBe('');
    s.acceptLine('read x; echo "got $x"');
    s.writeStdin('first\nsecond\n');
    expect(s.busy).toBe(false);
    expect(s.takeUnreadInput()).toBe('second\n');
  });

  it('clear asks the terminal to clear; resize changes what commands see', async () => {
    const sh = shellOn(testWorld(), 'node1');
    let cleared = 0;
    sh.session.onClearScreen(() => cleared++);
    await sh.run('clear');
    expect(cleared).toBe(1);
    sh.session.resize(120);
    expect((await sh.run('echo $COLUMNS')).stdout).toBe('120\n');
  });

  it('commandNames for completion: builtins, programs and aliases', () => {
    const s = createShellSession({ world: testWorld(), host: 'node1' });
    const names = s.commandNames();
    for (const n of ['cd', 'export', 'ls', 'grep', 'base64', 'sudo', 'kubectl', 'cp', 'history']) expect(names).toContain(n);
    expect(s.commandFor('ls')?.name).toBe('ls');
    expect(s.commandFor('cd')?.name).toBe('cd');
    expect(s.commandFor('nosuch')).toBeUndefined();
  });
});
