// Keyboard only (issue 5, A2) and screen-reader mode (A3). The first lesson, done from start to
// finish with Tab, Shift+Tab, Enter, Space and Escape: every block is reached and run from the
// keyboard, and the way out of a terminal is the documented one (Escape, then Tab reaches "Back
// to the lesson", Enter returns to the block that was run). Virtual time is advanced through the
// automation API where a real cluster would make the learner wait; nothing is clicked.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { Playground, type NodeName } from './pages/Playground';

test.describe.configure({ timeout: 120_000 });

/** What has the focus, as a short description ("run-block-3", "terminal-node1", "BUTTON Done"). */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const terminal = el.closest('[data-testid^="terminal-"]');
    if (terminal && el.classList.contains('xterm-helper-textarea')) return terminal.getAttribute('data-testid')!;
    return el.getAttribute('data-testid') ?? `${el.tagName} ${el.textContent?.trim().slice(0, 40) ?? ''}`;
  });
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. Returns the count. */
async function tabTo(page: Page, target: string | RegExp, { max = 40, back = false } = {}): Promise<number> {
  const matches = (f: string) => (typeof target === 'string' ? f === target : target.test(f));
  const seen: string[] = [];
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    seen.push(now);
    if (matches(now)) return presses;
  }
  throw new Error(`${String(target)} not reached in ${max} ${back ? 'Shift+Tab' : 'Tab'} presses; focus went through: ${seen.join(' → ')}`);
}

test('the first lesson, from start to finish, with the keyboard only', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/en/start-the-cluster');
  await expect(page.locator('.kp-block-run').first()).toBeVisible();
  const blocks = await page.locator('[data-testid="lesson"] .kp-block-run').evaluateAll((buttons) => buttons.map((b) => ({
    id: b.getAttribute('data-testid')!,
    node: b.closest('.kp-block')!.getAttribute('data-node') as NodeName,
    interruptAfter: b.closest('.kp-block')!.getAttribute('data-interrupt-after'),
  })));
  expect(blocks.length).toBeGreaterThanOrEqual(8);

  // From the top of the page the first block is a few Tabs away (skip link, toolbar, lesson menu).
  expect(await tabTo(page, blocks[0]!.id)).toBeLessThanOrEqual(15);
  for (const [i, block] of blocks.entries()) {
    if (i > 0) await tabTo(page, block.id, { max: 6 });
    await page.keyboard.press('Enter');
    // The command is typed into its node's terminal, which now has the focus.
    await expect.poll(() => focused(page)).toBe(`terminal-${block.node}`);
    if (block.interruptAfter !== null) {
      await kp.advance(Number(block.interruptAfter));
      await page.keyboard.press('Control+C');
    }
    await kp.terminal(block.node).waitForPrompt({ advanceMs: 1_000, timeout: 30_000 });
    // The way out: Escape, Tab to "Back to the lesson", Enter: focus is on the block just run.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId(`terminal-${block.node}-exit`)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId(`back-to-lesson-${block.node}`)).toBeFocused();
    await expect(page.getByTestId(`back-to-lesson-${block.node}`)).toBeVisible();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe(block.id);
  }

  // Steps with nothing to check are done when their blocks ran; the rest as the cluster comes up.
  await expect.poll(async () => {
    await kp.advance(5_000);
    return (await kp.lesson.progress())?.steps.filter((s) => !s.done).map((s) => s.id);
  }, { timeout: 60_000 }).toEqual(await manualSteps(page));
  // A step only the learner can tick: its "Done" button, reached with Tab, pressed with Space.
  for (const id of await manualSteps(page)) {
    await tabTo(page, /^BUTTON Done$/, { max: 60 });
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid^="step-"]')?.getAttribute('data-testid'))).toBe(`step-${id}`);
    await page.keyboard.press('Space');
  }
  const progress = await kp.lesson.progress();
  expect(progress?.done).toBe(progress?.total);
});

/** Steps that show a "Done" button (no checks, no blocks): only the learner can say they are read. */
async function manualSteps(page: Page): Promise<string[]> {
  return page.locator('[data-testid="lesson"] .kp-mark-done').evaluateAll((buttons) => buttons
    .map((b) => b.closest('[data-testid^="step-"]')!.getAttribute('data-testid')!.slice('step-'.length)));
}

test('an Escape pressed before the next frame is not undone by the block that was run', async ({ page }) => {
  // On a busy machine the frame after a block's Enter can come after the learner's Escape: whatever
  // the block schedules for that frame must not pull the focus back into the terminal.
  const kp = new Playground(page);
  await kp.open('#/en/start-the-cluster');
  await expect(page.getByTestId('run-block-0')).toBeVisible();
  await tabTo(page, 'run-block-0');
  await page.evaluate(() => {
    const held: FrameRequestCallback[] = [];
    const real = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => held.push(callback);
    (window as unknown as { releaseFrames: () => void }).releaseFrames = () => {
      window.requestAnimationFrame = real;
      for (const callback of held) real(callback);
    };
  });
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('terminal-node1');
  await page.keyboard.press('Escape');
  await page.evaluate(() => (window as unknown as { releaseFrames: () => void }).releaseFrames());
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(page.getByTestId('terminal-node1-exit')).toBeFocused();
});

test('Shift+Tab from the spot Escape leaves on goes back into the terminal', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open();
  await tabTo(page, 'terminal-node1');
  await page.keyboard.type('echo still here');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('terminal-node1-exit')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toBe('terminal-node1');
  await page.keyboard.press('Enter');
  await kp.node1.expectScreen('still here\n[node1 ~]$');
});

test('screen-reader mode announces each command\'s result, politely, in the page\'s language', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/en/start-the-cluster');
  const announce = page.getByTestId('terminal-node1-announce');
  await expect(announce).toHaveAttribute('aria-live', 'polite');

  // Off: nothing is announced.
  await kp.node1.run('hostname');
  await expect(announce).toHaveText('');

  await page.getByRole('checkbox', { name: 'Screen reader mode' }).check();
  await kp.node1.run('hostname');
  await expect(announce).toHaveText('node1');
  await kp.node1.run('kubectll get nodes');
  await expect(announce).toHaveText('bash: kubectll: command not found exit status 127');
  await kp.node1.run('kubectl get nodes');
  await expect(announce).toHaveText(/more lines\s+The connection to the server localhost:8080 was refused - did you specify the right host or port\?\s+exit status 1$/);
  // A long listing: its first lines, then how many more.
  await kp.node1.run('seq 1 50');
  await expect(announce).toHaveText('1 2 3 4 5 6 7 8 9 and 40 more lines 50');

  await page.getByRole('button', { name: 'ES', exact: true }).click();
  await kp.node1.run('false');
  await expect(announce).toHaveText('código de salida 1');
});
