import { beforeAll, describe, expect, test } from 'vitest';
import { World } from '../../engine';
import { createShellSession } from '../session/session';
import { preloadCommands } from '../session/preload';
import { createDeferredShell } from './deferredShell';
import { createTerminalSession } from './terminalSession';
import { loadCompletion } from './completion/load';
import type { TerminalShell } from './shellPort';

beforeAll(() => Promise.all([preloadCommands(), loadCompletion()]));

/** Lets the promise callbacks that follow the shell's arrival run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

function deferred(hurry?: () => void) {
  const world = new World({ seed: 'deferred' });
  let arrive: (shell: TerminalShell) => void = () => {};
  const load = new Promise<TerminalShell>((resolve) => {
    arrive = resolve;
  });
  const shell = createDeferredShell({ world, host: 'node1', load: () => load, ...(hurry ? { hurry } : {}) });
  const terminal = createTerminalSession(shell);
  terminal.start();
  return { world, terminal, arrive: async () => {
    arrive(createShellSession({ world, host: 'node1' }));
    await load;
    await Promise.resolve();
  } };
}

describe('a login shell whose interpreter is still loading', () => {
  test('shows its prompt at once, from the login environment', () => {
    const { terminal } = deferred();
    expect(terminal.transcript()).toBe('[node1 ~]$ ');
  });

  test('runs a line typed before it arrived, then behaves as the real shell', async () => {
    const { terminal, arrive } = deferred();
    terminal.input('echo early\r');
    expect(terminal.busy).toBe(true);
    expect(terminal.transcript()).toBe('[node1 ~]$ echo early\n');
    await arrive();
    expect(terminal.transcript()).toBe('[node1 ~]$ echo early\nearly\n[node1 ~]$ ');
    const r = await terminal.run('cd /tmp; pwd');
    expect(r).toEqual({ output: '/tmp\n', exitCode: 0 });
    expect(terminal.transcript().endsWith('[node1 tmp]$ ')).toBe(true);
  });

  test('keeps what is typed meanwhile, in order, and ^C drops the waiting line', async () => {
    const { terminal, arrive } = deferred();
    terminal.input('sleep 1\r');
    terminal.input('\x03');
    terminal.input('echo second\r');
    await arrive();
    expect(terminal.transcript()).toBe('[node1 ~]$ sleep 1\n^C\n[node1 ~]$ echo second\nsecond\n[node1 ~]$ ');
  });

  test('a line entered asks for the interpreter at once; keys and empty lines do not', () => {
    let asked = 0;
    const { terminal } = deferred(() => { asked++; });
    terminal.input('\r');
    terminal.input('echo hi');
    expect(asked).toBe(0);
    terminal.input('\r');
    expect(asked).toBe(1);
  });

  test('a Tab pressed before it arrived completes once it is there, and the keys after it follow in order', async () => {
    let asked = 0;
    const { terminal, arrive } = deferred(() => { asked++; });
    terminal.input('hostn');
    terminal.input('\t');
    terminal.input('-i\r');
    // The Tab asked for the interpreter; nothing after it is typed yet, as a tty holds input for a shell still starting.
    expect(asked).toBe(1);
    expect(terminal.transcript()).toBe('[node1 ~]$ hostn');
    await arrive();
    await settle();
    expect(terminal.transcript()).toMatch(/^\[node1 ~\]\$ hostname -i\n192\.168\.\d+\.\d+\n\[node1 ~\]\$ $/);
  });
});
