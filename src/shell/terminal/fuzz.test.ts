import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Command } from '../types';
import { terminalHarness } from './testing/harness';

const kubectl: Command = {
  name: 'kubectl', summary: '', run: () => 0,
  complete: (req) => (req.words.length === 1 ? ['apply', 'get', 'describe'] : ['pods', 'nodes']),
};

/** Pieces of input a learner (or a cat on the keyboard) might produce. */
const piece = fc.oneof(
  fc.constantFrom(
    '\r', '\x7f', '\t', '\x03', '\x04', '\x0c', '\x01', '\x05', '\x02', '\x06', '\x0b', '\x15', '\x17', '\x19', '\x12', '\x07',
    '\x14', '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[H', '\x1b[F', '\x1b[3~', '\x1bb', '\x1bf', '\x1bd', '\x1b\x7f', '\x1b.',
    '\x1b', '\x1b[15~', 'echo hi', 'sleep 1', 'ask', 'cat', 'kubectl g', ' ', "'", '"', '$(', '\\', '日本', 'e\u0301', '~/',
    '\x1b[200~one\ntwo\x1b[201~', '\x1b[200~\x1b[A\x03\x1b[201~', 'printf x', 'clear', 'exit',
  ),
  fc.string({ maxLength: 6 }),
);

test('property: any input never throws, and the transcript matches what the terminal shows', () => {
  fc.assert(
    fc.property(fc.integer({ min: 10, max: 50 }), fc.array(fc.tuple(piece, fc.nat({ max: 1500 })), { maxLength: 30 }), (columns, steps) => {
      const t = terminalHarness({ columns, rows: 500, commands: [kubectl], announcesReads: true, exitEvent: true });
      for (const [data, wait] of steps) {
        t.type(data);
        t.advance(wait);
      }
      expect(t.transcript()).toBe(t.screenText());
    }),
    { seed: 4242, numRuns: 300 },
  );
});
