// Screenshot tests (issue 5): the first page and a lesson with the diagram, at a phone's size
// (390 × 844) and a desktop's (1280 × 800), against baselines in e2e/screenshots.spec.ts-snapshots/.
// Made stable: a saved session with a fixed seed and epoch (the world: IPs, tokens, pod names),
// reduced motion (no moving edges, a steady cursor), animations disabled and the
// caret hidden by Playwright, and the terminal's cursor masked.
// Update the baselines on purpose with `npx playwright test e2e/screenshots.spec.ts --update-snapshots`
// and review the PNGs before committing them.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { Playground } from './pages/Playground';

test.describe.configure({ timeout: 60_000 });

const SIZES = {
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  desktop: { viewport: { width: 1280, height: 800 }, hasTouch: false, isMobile: false },
} as const;

// A saved session with a fixed seed and epoch, nothing typed yet: the world (IPs, tokens, pod names,
// log times) is the same on every load, whatever else in the page calls Math.random or Date.now.
const SAVED = JSON.stringify({ v: 1, savedAt: 1, data: { seed: 'screenshots', epochMs: Date.parse('2026-01-05T09:00:00Z'), now: 0, journal: [], progress: {} } });

const SEEDED_BANNER = 'kubeplay · node1 · 192.168.0.20\n';

async function steady(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.addInitScript((saved) => {
    if (sessionStorage.getItem('kp-screenshots') === null) {
      localStorage.setItem('kubeplay:v1', saved);
      sessionStorage.setItem('kp-screenshots', '1');
    }
  }, SAVED);
}

/** The saved session was taken (not reset): node1 has the seed's address and no notice shows. */
async function expectSeededWorld(kp: Playground, page: Page): Promise<void> {
  await expect(page.getByTestId('notices')).toBeEmpty();
  await kp.node1.expectScreen(SEEDED_BANNER);
}

async function shot(page: Page, name: string): Promise<void> {
  // Fonts and lazily loaded panels settle before the picture.
  await page.evaluate(() => document.fonts.ready);
  await expect(page).toHaveScreenshot(name, {
    animations: 'disabled',
    caret: 'hide',
    mask: [page.locator('.xterm-cursor'), page.locator('.xterm-helper-textarea')],
    maxDiffPixelRatio: 0.002,
  });
}

/** kubeadm init through the automation API, the cluster given a minute, then `clear` (its log has times). */
async function controlPlane(kp: Playground, page: Page): Promise<void> {
  await page.evaluate(async () => {
    const api = window.kubeplay!;
    let done = false;
    const run = api.run('node1', 'kubeadm init --apiserver-advertise-address $(hostname -i)').finally(() => { done = true; });
    for (let i = 0; i < 120 && !done; i++) {
      api.advance(1_000);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await run;
    api.advance(60_000);
    await api.run('node1', 'clear');
  });
  await kp.node1.waitForPrompt();
}

for (const [size, device] of Object.entries(SIZES)) {
  test.describe(size, () => {
    test.use(device);

    test('the first page', async ({ page }) => {
      await steady(page);
      const kp = new Playground(page);
      await kp.open('#/en/start-the-cluster');
      await expectSeededWorld(kp, page);
      await expect(page.locator('.kp-lesson-body h1')).toHaveText('Start the cluster');
      if (size === 'desktop') await expect(page.getByTestId('diagram')).toBeVisible();
      await shot(page, `first-page-${size}.png`);
    });

    test('a lesson with the diagram', async ({ page }) => {
      await steady(page);
      const kp = new Playground(page);
      await kp.open('#/en/start-the-cluster');
      await expectSeededWorld(kp, page);
      await controlPlane(kp, page);
      await kp.lesson.expectStepDone('init');
      if (size === 'phone') await page.getByTestId('panel-diagram').tap();
      await kp.diagram.expectNode('pod/kube-system/etcd-node1');
      await page.getByTestId('lesson').evaluate((lesson) => lesson.scrollTo(0, 0));
      await shot(page, `lesson-diagram-${size}.png`);
    });
  });
}
