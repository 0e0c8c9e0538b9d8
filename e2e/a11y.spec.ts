// Automated accessibility (issue 5, A1): axe-core finds no serious or critical violation of
// WCAG 2.0/2.1 A and AA or WCAG 2.2 AA, on every lesson route in both languages and in each state
// of the page's panels: terminals in use, the diagram with pods and its table view, the web UI,
// screen-reader mode, a notice, and the phone layout's panels. Axe only sees part of WCAG; the
// keyboard-only and screen-reader specs (a11y-keyboard.spec.ts) cover more.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { Playground } from './pages/Playground';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LESSONS = [
  'start-the-cluster', 'the-application', 'get-the-source', 'run-the-application', 'cleanup',
  'kubernetes-concepts', 'kubernetes-architecture', 'kubernetes-resources', 'declarative-vs-imperative', 'network-model',
];

// axe-core as @axe-core/playwright ships it. AxeBuilder injects its 560 KB into the page on every
// analyze(), which made 30 scans cost a minute; here it is injected once per page and run in place,
// with the same tags and the same result.
const requireFromAxePlaywright = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const AXE_SOURCE = readFileSync(requireFromAxePlaywright.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact?: string | null; nodes: { target: string[]; failureSummary?: string }[] }

/** Serious and critical violations as readable lines (rule, element, why), `[]` when clean. */
async function severe(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async ({ tags, include }) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(include ? { include: [include] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, { tags: TAGS, include });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
}

async function expectClean(page: Page, state: string, include?: string): Promise<void> {
  expect(await severe(page, include), `axe: ${state}`).toEqual([]);
}

/** kubeadm init on node1 (through the automation API: quicker than typing), so the diagram has pods. */
async function initControlPlane(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const kp = window.kubeplay!;
    let done = false;
    const run = kp.run('node1', 'kubeadm init --apiserver-advertise-address $(hostname -i)').finally(() => { done = true; });
    for (let i = 0; i < 120 && !done; i++) {
      kp.advance(1_000);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await run;
    kp.advance(30_000);
  });
}

test('every lesson route, in English and in Spanish', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/en/start-the-cluster');
  await expect(page.getByTestId('diagram')).toBeVisible({ timeout: 15_000 });
  await expectClean(page, 'the whole page, first lesson');
  // The rest of the page does not change with the route: each lesson's panel is checked on its own.
  for (const lang of ['en', 'es'] as const) {
    for (const id of LESSONS) {
      await page.evaluate((hash) => { window.location.hash = hash; }, `#/${lang}/${id}`);
      await expect(page.locator('.kp-lesson-body')).toHaveAttribute('lang', lang);
      await expect(page.locator(`[data-testid^="step-"]`).first()).toBeVisible();
      await expectClean(page, `lesson ${lang}/${id}`, '[data-testid="lesson"]');
    }
  }
});

test('each panel state, on a desktop then at a phone\'s width', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/en/start-the-cluster');
  await initControlPlane(page);
  await kp.node1.run('kubectl get pods -A');
  await kp.diagram.expectNode('pod/kube-system/etcd-node1');
  await expectClean(page, 'terminal focused, diagram with the control plane');

  await page.getByTestId('diagram-view-toggle').click();
  await expect(page.getByTestId('diagram-table')).toBeVisible();
  await expectClean(page, 'diagram as a table', '.kp-diagram');
  await page.getByTestId('diagram-view-toggle').click();

  await page.getByRole('checkbox', { name: 'Screen reader mode' }).check();
  await expect(page.locator('[data-testid="terminal-node1"] .xterm-accessibility')).toBeAttached();
  await expectClean(page, 'screen-reader mode on', '#kp-terminals');

  await page.getByTestId('webui-open').click();
  await expect(page.getByTestId('webui')).toBeVisible();
  await expect(page.getByTestId('webui-error')).toBeVisible({ timeout: 10_000 });
  await expectClean(page, 'web UI panel (nothing answering yet)', '[data-testid="webui"]');
  await page.getByTestId('webui-close').click();
  await page.getByRole('checkbox', { name: 'Screen reader mode' }).uncheck();

  // The same page at a phone's width (the layout is CSS media queries): one panel at a time.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('panel-lesson').click();
  await expect(page.getByTestId('lesson')).toBeVisible();
  await expectClean(page, 'phone: lesson');
  await page.getByTestId('panel-terminal').click();
  await expect(page.getByTestId('terminal-node1')).toBeVisible();
  await expectClean(page, 'phone: terminal', '.kp-work');
  await page.getByTestId('panel-diagram').click();
  await expect(page.getByTestId('diagram-table')).toBeHidden();
  await kp.diagram.expectNode('pod/kube-system/etcd-node1');
  await expectClean(page, 'phone: diagram', '.kp-work');
  await page.getByTestId('diagram-view-toggle').click();
  await expect(page.getByTestId('diagram-table')).toBeVisible();
  await expectClean(page, 'phone: diagram as a table', '.kp-work');
  await page.getByTestId('webui-open').click();
  await expect(page.getByTestId('webui')).toBeVisible();
  await expectClean(page, 'phone: web UI', '.kp-work');
});

test('the web UI while DockerCoins mines (chart, speed, text alternative)', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/en/run-the-application');
  await page.evaluate(async () => {
    const api = window.kubeplay!;
    for (const line of ['git clone https://github.com/jpetazzo/container.training', 'cd container.training/dockercoins && docker-compose up -d']) {
      let done = false;
      const run = api.run('node1', line).finally(() => { done = true; });
      for (let i = 0; i < 300 && !done; i++) {
        api.advance(1_000);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await run;
    }
  });
  await page.getByTestId('webui-open').click();
  await expect.poll(async () => {
    await kp.advance(1_000);
    return page.getByTestId('webui-speed').textContent();
  }, { timeout: 15_000 }).toMatch(/hashes\/second/);
  await expectClean(page, 'web UI with data', '[data-testid="webui"]');
});

test('a notice is shown (Spanish, light theme)', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('kubeplay:v1', '{"v":1,"savedAt":1,"data":{"seed":"abc"');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const kp = new Playground(page);
  await kp.open('#/es/start-the-cluster', '?theme=light');
  await expect(page.getByTestId('notices')).not.toBeEmpty();
  await expectClean(page, 'a notice, Spanish, light theme');
});
