import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { World } from '../../engine';
import { testWorld } from '../testing/harness';
import { createShellSession } from './session';
import { preloadCommands } from './preload';

// Coreutils load lazily; these tests drive the session synchronously.
beforeAll(() => preloadCommands());

/** Words a learner (or a cat on the keyboard) might type, shell syntax included. */
const TOKENS = [
  'echo', 'ls', '-l', '-la', 'cat', 'grep', 'x', '-v', 'tr', 'a-z', 'A-Z', '-d', 'cut', '-f1', '-d:', 'sort', '-n', 'uniq', '-c', 'wc',
  'base64', 'head', '-1', 'tail', 'cd', '/tmp', '..', '~', 'export', 'A=1', 'read', 'sleep', '1', '0.1', 'seq', '3', 'printf', '%s',
  '%d', 'test', '[', ']', '-f', 'mkdir', '-p', 'rm', '-rf', 'cp', 'mv', 'ln', '-s', 'chmod', '755', 'chown', 'root:root', 'touch',
  'stat', 'date', '+%F', 'hostname', '-i', 'id', '-u', 'uname', '-a', 'sudo', 'env', 'which', 'type', 'alias', 'history', 'set',
  'eval', 'source', 'true', 'false', 'kubctl', 'for', 'i', 'in', 'do', 'done', 'if', 'then', 'else', 'fi', 'while', 'until', '{', '}',
  '|', '||', '&&', ';', '&', '(', ')', '>', '>>', '<', '2>&1', '<<', 'EOF', '"', "'", '`', '$', '$(', '${', '}', '$?', '$((', '))',
  '*', '?', '\\', '\n', '#', '!', '=', '/etc/hosts', '/nosuch', 'f', 'yes', 'tee', 'du', 'df', 'free', 'less', 'tac', 'exit', 'shift',
];

const line = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 12 })
  .chain((parts) => fc.array(fc.constantFrom(' ', '', ' '), { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + seps[i]).join('')));

/** Types the text, then plays the impatient user: Ctrl+D when asked for input, Ctrl+C after a while. */
function play(world: World, text: string): string {
  const s = createShellSession({ world, host: 'node1' });
  let out = '';
  s.onOutput((t) => {
    if (out.length < 100_000) out += t;
  });
  for (const l of text.split('\n')) s.acceptLine(l);
  const deadline = world.now() + 200;
  for (let guard = 0; s.busy && guard < 1000; guard++) {
    if (s.waitingForInput) {
      s.closeStdin();
      continue;
    }
    const next = world.clock.nextDue();
    if (next === undefined || next > deadline) {
      s.interrupt();
      if (s.busy && next !== undefined) world.advance(Math.max(1, next - world.now()));
      continue;
    }
    world.advance(Math.max(0, next - world.now()));
  }
  if (s.busy) s.interrupt();
  s.interrupt();
  return out;
}

describe('random input', () => {
  it('never makes parsing or running throw, and no command crashes', () => {
    let world = testWorld({ seed: 'fuzz' });
    let runs = 0;
    fc.assert(
      fc.property(line, (text) => {
        // A fresh world now and then: the fuzz happily runs rm -rf on it.
        if (++runs % 100 === 0) world = testWorld({ seed: `fuzz-${runs}` });
        const out = play(world, text);
        expect(out).not.toContain('internal error');
      }),
      { numRuns: 2000, seed: 20230601 },
    );
  }, 60_000);
});
