// The workshop's Kubernetes part (concepts, architecture, resources, declarative vs imperative,
// the network model) followed in the page as a learner does: on the cluster lesson 1 built, open
// each lesson, click every block in order in the terminal it names, press Ctrl+C where the lesson
// says to, and see each step tick off from the cluster's state. Once in English, once in Spanish.
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import { Playground, type NodeName } from './pages/Playground';
import { buildCluster } from './pages/cluster';

test.describe.configure({ mode: 'parallel', timeout: 300_000 });

const LESSONS = ['kubernetes-concepts', 'kubernetes-architecture', 'kubernetes-resources', 'declarative-vs-imperative', 'network-model'];

/** Clicks a block, lets the command run (Ctrl+C after the time the lesson gives it), waits for the prompt. */
async function runBlock(kp: Playground, block: Locator): Promise<void> {
  const node = (await block.getAttribute('data-node')) as NodeName;
  const interruptAfter = await block.getAttribute('data-interrupt-after');
  const terminal = kp.terminal(node);
  const before = (await terminal.screen()).length;
  await block.locator('.kp-block-run').click();
  await expect.poll(async () => (await terminal.screen()).length, { timeout: 10_000 }).toBeGreaterThan(before);
  if (interruptAfter !== null) {
    await kp.advance(Number(interruptAfter));
    await terminal.focus();
    await kp.page.keyboard.press('Control+C');
  }
  await terminal.waitForPrompt({ advanceMs: 1_000, timeout: 60_000 });
}

for (const lang of ['en', 'es'] as const) {
  test(`lessons 6 to 10 in ${lang === 'en' ? 'English' : 'Spanish'}: every block runs and every step ticks off`, async ({ page }) => {
    const kp = new Playground(page);
    await kp.open(`#/${lang}/start-the-cluster`);
    await buildCluster(kp);
    for (const id of LESSONS) {
      await page.evaluate((hash) => { location.hash = hash; }, `#/${lang}/${id}`);
      const steps = kp.lesson.root.locator('section.kp-step');
      await expect(steps.first()).toBeVisible();
      for (const step of await steps.all()) {
        const stepId = (await step.getAttribute('data-testid'))!.replace(/^step-/, '');
        for (const block of await step.locator('.kp-block').all()) await runBlock(kp, block);
        // A reading step has no checks: the learner says when they have read it.
        const markDone = step.locator('.kp-mark-done');
        if (await markDone.isVisible()) await markDone.click();
        await kp.lesson.expectStepDone(stepId, { advanceMs: 1_000, timeout: 60_000 });
      }
      const progress = await kp.lesson.progress();
      expect(progress, `progress of ${id}`).toMatchObject({ lang, lessonId: id });
      expect(progress!.done, `steps done in ${id}`).toBe(progress!.total);
    }
  });
}
