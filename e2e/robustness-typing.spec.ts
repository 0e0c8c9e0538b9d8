// In-browser robustness (issue 5, R3): 2,000 seeded random command lines (the generator of the
// unit fuzz, src/shell/testing/fuzzLines.ts) typed into both terminals of the real page, without
// a page error or a console error (the fixture fails the test on either), and both terminals
// still answer afterwards.
//
// Typing goes through window.kubeplay.type (the same path as xterm's onData: the line discipline,
// then the shell), 50 lines per page.evaluate: typing each key with page.keyboard would cost
// minutes. After each line the virtual clock moves on a little, then the keys an impatient learner
// presses: Ctrl+C, vi's Escape :q!, nano's Ctrl+X n, and Ctrl+U to clear whatever is left.
import { test, expect } from './fixtures';
import { Playground } from './pages/Playground';
import { sampleLines } from '../src/shell/testing/fuzzLines';

const LINES = 2_000;
const BATCH = 50;
const SEED = 20261128;

test('2,000 random lines typed into both terminals break nothing', async ({ page }) => {
  test.setTimeout(90_000);
  const kp = new Playground(page);
  await kp.open();
  const lines = sampleLines(SEED, LINES).map((line) => line.replace(/\n/g, '\r'));
  for (let from = 0; from < lines.length; from += BATCH) {
    await page.evaluate(({ batch, from }) => {
      const kubeplay = window.kubeplay!;
      batch.forEach((line, i) => {
        const node = (from + i) % 2 === 0 ? 'node1' : 'node2';
        kubeplay.type(node, `${line}\r`);
        kubeplay.advance(500);
        kubeplay.type(node, '\x03\x1b:q!\r\x18n\x03\x15');
      });
    }, { batch: lines.slice(from, from + BATCH), from });
  }
  // Both terminals still answer, with a clean prompt.
  for (const node of ['node1', 'node2'] as const) {
    await page.evaluate((n) => window.kubeplay!.type(n, '\x03\x15'), node);
    const r = await page.evaluate((n) => window.kubeplay!.run(n, 'echo alive-$((6*7))', { timeoutMs: 10_000 }), node);
    expect(r.output).toContain('alive-42');
  }
  await kp.node1.expectScreen(/alive-42/);
});
