// kubeplay on a phone (issue 5): 390 × 844, touch. Panels switch instead of squeezing, a tap on a
// lesson block runs it and shows its terminal without opening the on-screen keyboard, and a key
// bar under the terminal gives the keys a phone's keyboard lacks (Tab, Ctrl+C, ↑, ↓, Esc) without
// taking the focus from the terminal.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { Playground } from './pages/Playground';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const terminalHasFocus = (page: Page) => page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea') === true
  && document.activeElement.closest('[data-testid="terminal-node1"]') !== null);

test('panels switch instead of squeezing, each one the full width', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/en/start-the-cluster');
  const panels = { lesson: page.getByTestId('lesson'), terminal: page.locator('#kp-terminals'), diagram: page.locator('.kp-diagram') };
  for (const shown of ['lesson', 'terminal', 'diagram'] as const) {
    await page.getByTestId(`panel-${shown}`).tap();
    await expect(page.getByTestId(`panel-${shown}`)).toHaveAttribute('aria-pressed', 'true');
    for (const [name, panel] of Object.entries(panels)) {
      if (name === shown) {
        await expect(panel).toBeVisible();
        expect((await panel.boundingBox())!.width).toBeGreaterThanOrEqual(388);
      } else {
        await expect(panel).toBeHidden();
      }
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
});

test('a tap on a block runs it and shows its terminal, without popping the keyboard up', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/en/start-the-cluster');
  await kp.lesson.step('nodes').locator('.kp-block-run').first().tap();
  await expect(page.getByTestId('terminal-node1')).toBeVisible();
  await expect(page.getByTestId('lesson')).toBeHidden();
  await kp.node1.expectScreen(/\[node1 ~\]\$ hostname -i\n192\.168\.0\.\d+\n\[node1 ~\]\$ ?$/);
  expect(await page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea'))).toBe(false);
});

test('the key bar sends Tab, Ctrl+C, ↑, ↓ and Esc to the terminal, which keeps the focus', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/en/start-the-cluster');
  await page.getByTestId('panel-terminal').tap();
  const bar = page.getByRole('group', { name: 'Terminal keys' });
  await expect(bar).toBeVisible();
  // Under the terminal, within the screen, thumb-sized.
  const barBox = (await bar.boundingBox())!;
  const termBox = (await page.getByTestId('terminal-node1').boundingBox())!;
  expect(barBox.y).toBeGreaterThanOrEqual(termBox.y + termBox.height - 1);
  expect(barBox.x + barBox.width).toBeLessThanOrEqual(390);
  for (const name of ['Tab (complete)', 'Control C (interrupt)', 'Up arrow (previous command)', 'Down arrow (next command)', 'Escape']) {
    const box = (await bar.getByRole('button', { name }).boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
  }

  await page.getByTestId('terminal-node1').locator('.xterm-screen').tap();
  expect(await terminalHasFocus(page)).toBe(true);

  // Tab completes, as the Tab key does.
  await page.keyboard.type('hostn');
  await bar.getByRole('button', { name: 'Tab (complete)' }).tap();
  await kp.node1.expectScreen(/\[node1 ~\]\$ hostname$/);
  expect(await terminalHasFocus(page)).toBe(true);
  await page.keyboard.press('Enter');
  await kp.node1.expectScreen(/\$ hostname\nnode1\n\[node1 ~\]\$ ?$/);

  // ↑ brings the last command back, ↓ goes forward to the empty line.
  await bar.getByRole('button', { name: 'Up arrow (previous command)' }).tap();
  await kp.node1.expectScreen(/\[node1 ~\]\$ hostname$/);
  await bar.getByRole('button', { name: 'Down arrow (next command)' }).tap();
  await kp.node1.expectScreen(/node1\n\[node1 ~\]\$ ?$/);

  // Ctrl+C stops a running command.
  await page.keyboard.type('sleep 600');
  await page.keyboard.press('Enter');
  await bar.getByRole('button', { name: 'Control C (interrupt)' }).tap();
  await kp.node1.expectScreen(/\$ sleep 600\n\^C\n\[node1 ~\]\$ ?$/);

  // Esc is the editor's Escape (vi leaves insert mode); the terminal still has the focus.
  await page.keyboard.type('vi notes.txt');
  await page.keyboard.press('Enter');
  await kp.node1.expectScreen('"notes.txt" [New File]');
  await page.keyboard.type('ifrom a phone');
  await bar.getByRole('button', { name: 'Escape' }).tap();
  await expect(page.getByTestId('terminal-node1-announce')).toHaveText(/^normal mode/);
  expect(await terminalHasFocus(page)).toBe(true);
  await page.keyboard.type(':wq');
  await page.keyboard.press('Enter');
  expect(await kp.node1.run('cat notes.txt')).toBe('from a phone\n');
});

test.describe('on a desktop with a mouse', () => {
  test.use({ viewport: { width: 1280, height: 800 }, hasTouch: false, isMobile: false });

  test('there is no key bar', async ({ page }) => {
    const kp = new Playground(page);
    await kp.open();
    await expect(page.getByTestId('terminal-node1')).toBeVisible();
    await expect(page.getByTestId('keybar-node1')).toHaveCount(0);
  });
});
