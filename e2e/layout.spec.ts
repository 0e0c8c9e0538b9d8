// The page on a phone (390 px: one panel at a time, tap-to-run blocks) and with the keyboard only
// (Escape leaves the terminal, Tab moves on).
import { test, expect } from './fixtures';
import { Playground } from './pages/Playground';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('panels switch, and tapping a block runs it in the right terminal', async ({ page }) => {
    const kp = new Playground(page);
    await kp.open('#/en/start-the-cluster');
    await expect(page.getByTestId('lesson')).toBeVisible();
    await expect(page.getByTestId('terminal-node1')).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await kp.lesson.runBlock('nodes', 1);
    await expect(page.getByTestId('terminal-node2')).toBeVisible();
    await expect(page.getByTestId('lesson')).toBeHidden();
    await kp.node2.expectScreen(/\[node2 ~\]\$ hostname -i\n192\.168\.0\.\d+\n\[node2 ~\]\$ ?$/);

    await page.getByTestId('panel-diagram').click();
    await expect(page.getByTestId('diagram')).toBeVisible();
    await expect(page.getByTestId('terminal-node2')).toBeHidden();
    await page.getByTestId('panel-lesson').click();
    await expect(page.getByTestId('lesson')).toBeVisible();
  });
});

test('keyboard only: Escape leaves the terminal and Tab moves on', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open();
  await kp.node1.focus();
  await page.keyboard.type('echo typed-by-keyboard');
  await page.keyboard.press('Enter');
  await kp.node1.expectScreen('typed-by-keyboard\n');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('terminal-node1-exit')).toBeFocused();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.closest('[data-testid="terminal-node1"]') !== null);
  expect(focused).toBe(false);
});

test('keyboard only: in vi, Escape is the editor\'s and Shift+Escape still leaves the terminal', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open();
  await kp.node1.focus();
  await page.keyboard.type('vi notes.txt');
  await page.keyboard.press('Enter');
  await kp.node1.expectScreen('"notes.txt" [New File]');
  await page.keyboard.type('ihello from vi');
  await kp.node1.expectScreen('-- INSERT --');
  await expect(page.getByTestId('terminal-node1-announce')).toHaveText('line 1: hello from vi');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('terminal-node1-announce')).toHaveText(/^normal mode/);
  await expect(page.getByTestId('terminal-node1-exit')).not.toBeFocused();
  await page.keyboard.type(':wq');
  await page.keyboard.press('Enter');
  await kp.node1.waitForPrompt();
  expect(await kp.node1.run('cat notes.txt')).toBe('hello from vi\n');

  await page.keyboard.type('vi notes.txt');
  await page.keyboard.press('Enter');
  await kp.node1.expectScreen('"notes.txt" 1L, 14C');
  await page.keyboard.press('Shift+Escape');
  await expect(page.getByTestId('terminal-node1-exit')).toBeFocused();
  // Back in the terminal, vi is still there to quit.
  await kp.node1.focus();
  await page.keyboard.type(':q');
  await page.keyboard.press('Enter');
  await kp.node1.waitForPrompt();
});

test('the diagram refits when its panel changes size, unless the learner has zoomed', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/en/start-the-cluster');
  await kp.node1.run('kubeadm init', { advanceMs: 1_000, timeout: 60_000 });
  await kp.diagram.expectNode('pod/kube-system/etcd-node1');
  /** How far the picture's nodes reach outside the canvas, in pixels (0: all of it is in view). */
  const overflow = () => page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="diagram"] .react-flow')!.getBoundingClientRect();
    let out = 0;
    for (const node of document.querySelectorAll('[data-testid="diagram"] .react-flow__node')) {
      const r = node.getBoundingClientRect();
      out = Math.max(out, canvas.top - r.top, r.bottom - canvas.bottom, canvas.left - r.left, r.right - canvas.right);
    }
    return Math.round(out);
  });
  await expect.poll(overflow).toBeLessThanOrEqual(1);
  // A shorter window: the canvas shrinks, and the whole picture is still in view.
  await page.setViewportSize({ width: 1280, height: 620 });
  await expect.poll(overflow).toBeLessThanOrEqual(1);
  // Zoomed in by the learner, a resize keeps their view.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(overflow).toBeGreaterThan(1);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await overflow()).toBeGreaterThan(1);
});
