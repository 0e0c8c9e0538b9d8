/**
 * The terminal over the real shell session (src/shell/session): the pieces meet as in the app.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { World } from '../../engine';
import { createShellSession, preloadCommands, sleep, type Command } from '../index';
import { createTerminalSession } from './terminalSession';
import type { TerminalShell } from './shellPort';
import { VirtualScreen } from './testing/screen';
import { trimLines } from './testing/harness';

// Completion and some builtins (read) load lazily in the page; tests load them up front.
beforeAll(() => preloadCommands());

const P = '[node1 ~]$ ';
const p = P.trimEnd();

/** Test programs with the same contract as the real ones: a timed job, and one that echoes stdin. */
const nap: Command = {
  name: 'nap',
  summary: 'sleeps N virtual seconds',
  *run(ctx) {
    yield sleep(Number(ctx.argv[1] ?? '1') * 1000);
    return 0;
  },
};
const echoStdin: Command = {
  name: 'echostdin',
  summary: 'copies its input to its output',
  *run(ctx) {
    for (;;) {
      const chunk = yield* ctx.stdin.read();
      if (chunk === null) return 0;
      ctx.stdout.write(chunk);
    }
  },
};

function open(seed = 'terminal-with-shell') {
  const world = new World({ seed });
  const newSession = (): TerminalShell => createShellSession({ world, host: 'node1', columns: 80, commands: [nap, echoStdin] });
  const term = createTerminalSession(newSession(), { newSession, columns: 80, rows: 24 });
  const screen = new VirtualScreen(80, 24);
  term.onWrite((data) => screen.write(data));
  const journal: Parameters<typeof term.replay>[0][] = [];
  term.onJournal((e) => journal.push(e));
  term.start();
  const text = () => {
    const shown = trimLines(screen.text());
    expect(trimLines(term.transcript())).toBe(shown);
    return shown;
  };
  return { world, term, screen, journal, text, type: (s: string) => term.input(s) };
}

describe('terminal + ShellSession', () => {
  test('the PWK prompt, a pipeline, and a command that is not there', () => {
    const t = open();
    t.type('echo hello | echostdin\r');
    t.type('kubctl get nodes\r');
    expect(t.text()).toBe([`${P}echo hello | echostdin`, 'hello', `${P}kubctl get nodes`, 'bash: kubctl: command not found', p].join('\n'));
  });

  test('a line continued with "\\" shows the "> " prompt and runs as one command', () => {
    const t = open();
    t.type('echo one \\\r');
    t.type('two\r');
    expect(t.text()).toBe([`${P}echo one \\`, '> two', 'one two', p].join('\n'));
  });

  test('answering a question in cooked mode (read -p, as cp -i asks)', () => {
    const t = open();
    t.type("read -p 'overwrite? ' answer; echo \"got $answer\"\r");
    expect(t.text().split('\n').pop()).toBe('overwrite?');
    t.type('y\r');
    expect(t.text().split('\n').slice(-3)).toEqual(['overwrite? y', 'got y', p]);
  });

  test('a line typed while the job does not read waits for bash, as typeahead', () => {
    const t = open();
    t.type('nap 5\r');
    t.type('echo next\r');
    t.world.advance(5000);
    expect(t.text()).toBe([`${P}nap 5`, 'echo next', `${P}echo next`, 'next', p].join('\n'));
  });

  test('sleep runs on the virtual clock; Ctrl+C interrupts it with status 130', async () => {
    const t = open();
    t.type('nap 30\r');
    expect(t.term.busy).toBe(true);
    t.world.advance(10_000);
    t.type('\x03');
    expect(t.term.busy).toBe(false);
    await expect(t.term.run('echo $?')).resolves.toEqual({ output: '130\n', exitCode: 0 });
  });

  test('Tab completes command names and paths from the host', () => {
    const t = open();
    t.type('histo\t');
    expect(t.text()).toBe(`${P}history`);
    t.type('\x15cd /etc/kubernetes/man\t');
    expect(t.text()).toBe(`${P}cd /etc/kubernetes/manifests/`);
  });

  test('exit: logout, and a fresh login shell', () => {
    const t = open();
    t.type('cd /tmp\r');
    t.type('exit\r');
    expect(t.text()).toBe([`${P}cd /tmp`, '[node1 tmp]$ exit', 'logout', p].join('\n'));
  });

  test('a multi-line paste runs line by line; the journal replays to the same screen', () => {
    const original = open('replay-real');
    original.type('\x1b[200~nap 2\necho after\n\x1b[201~');
    original.world.advance(2000);
    original.type('echostdin\r');
    original.type('typed into it\r');
    original.type('\x04');
    original.type('half\x03');
    expect(original.text()).toBe([
      `${P}nap 2`, `${P}echo after`, 'after', `${P}echostdin`, 'typed into it', 'typed into it', `${P}half^C`, p,
    ].join('\n'));

    const copy = open('replay-real');
    for (const entry of original.journal) {
      copy.world.advance(entry.t - copy.world.now());
      copy.term.replay(entry);
    }
    expect(copy.text()).toBe(original.text());
  });
});
