// Found by the in-page fuzz (issue 5, R3): a bracketed paste that never closes ("ESC [200~" typed
// through automation) swallowed every later key, Ctrl+C included, and the terminal never came back.
import { beforeAll, expect, it } from 'vitest';
import { World } from '../../engine';
import { createShellSession, createTerminalSession, preloadCommands, type TerminalShell } from '../index';
import { KeyDecoder } from './keys';

beforeAll(() => preloadCommands());

it('Ctrl+C ends a paste that never closed, and is Ctrl+C', () => {
  const d = new KeyDecoder();
  expect(d.decode('ab\x1b[200~cd')).toEqual([{ kind: 'text', text: 'ab' }, { kind: 'paste', text: 'cd' }]);
  expect(d.decode('ef\x03gh')).toEqual([{ kind: 'paste', text: 'ef' }, { kind: 'key', name: 'ctrl-c' }, { kind: 'text', text: 'gh' }]);
  // A paste that closes in the same chunk keeps ^C as literal text, as before.
  expect(d.decode('\x1b[200~x\x03\x1b[201~')).toEqual([{ kind: 'paste', text: 'x\x03' }]);
});

it('the terminal answers again after a stray paste start and Ctrl+C', () => {
  const world = new World({ seed: 'paste' });
  const newSession = (): TerminalShell => createShellSession({ world, host: 'node1' });
  const term = createTerminalSession(newSession(), { newSession, columns: 80, rows: 24 });
  term.start();
  term.input('apt-get \x1b[200~port-forward\r');
  world.advance(500);
  term.input('\x03');
  term.input('echo back-$((40+2))\r');
  world.advance(500);
  expect(term.transcript()).toMatch(/back-42\n\[node1 ~\]\$ $/);
});
