// Reduced motion (issue 5, A4): with DockerCoins running the diagram's data-flow edges move; under
// prefers-reduced-motion nothing moves — no running Web Animation in the diagram (CSS animations
// and transitions are Web Animations), no SVG SMIL animation element, no running animation
// anywhere else on the page, and the terminal's cursor stops blinking. The same page is checked both ways, so the test proves it looked at
// edges that do move.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { Playground } from './pages/Playground';

test.describe.configure({ timeout: 90_000 });

/** Runs a command through the automation API, advancing virtual time until it ends. */
async function runToEnd(page: Page, command: string): Promise<void> {
  await page.evaluate(async (line) => {
    const kp = window.kubeplay!;
    let done = false;
    const run = kp.run('node1', line).finally(() => { done = true; });
    for (let i = 0; i < 300 && !done; i++) {
      kp.advance(1_000);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await run;
  }, command);
}

/** Running animations: in the diagram, elsewhere, and SVG <animate*> elements in the diagram. */
async function motion(page: Page): Promise<{ diagram: number; page: number; smil: number }> {
  return page.evaluate(() => {
    const diagram = document.querySelector('[data-testid="diagram"]');
    const running = document.getAnimations().filter((a) => a.playState === 'running');
    const inDiagram = running.filter((a) => {
      const target = (a.effect as KeyframeEffect | null)?.target;
      return target instanceof Element && diagram?.contains(target) === true;
    });
    return {
      diagram: inDiagram.length,
      page: running.length - inDiagram.length,
      smil: diagram?.querySelectorAll('animate, animateMotion, animateTransform, set').length ?? 0,
    };
  });
}

test('under prefers-reduced-motion nothing moves: no edge animation, no CSS or SVG animation', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/en/run-the-application');
  await runToEnd(page, 'git clone https://github.com/jpetazzo/container.training');
  await runToEnd(page, 'cd container.training/dockercoins && docker-compose up -d');
  await kp.advance(5_000);
  const edges = page.getByTestId('diagram').locator('.kp-dg-edge.kp-dg-animated');

  const blinking = page.locator('[data-testid="terminal-node1"] .xterm-cursor-blink');

  // Normal motion: DockerCoins' flows move and the cursor blinks (else this test would prove nothing).
  await expect(edges.first()).toBeAttached({ timeout: 15_000 });
  await expect.poll(async () => (await motion(page)).diagram).toBeGreaterThan(0);
  await kp.node1.focus();
  await expect(blinking).not.toHaveCount(0);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(edges).toHaveCount(0);
  await expect(blinking).toHaveCount(0);
  await kp.advance(3_000);
  expect(await motion(page)).toEqual({ diagram: 0, page: 0, smil: 0 });
  // Still none a while later, with traffic going on.
  await kp.advance(3_000);
  expect(await motion(page)).toEqual({ diagram: 0, page: 0, smil: 0 });
});
