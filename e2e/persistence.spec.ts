// Reloading keeps the cluster, each terminal's history and the lesson progress; corrupt saved
// state never stops the page; Start over gives a fresh world.
import { test, expect } from './fixtures';
import { Playground } from './pages/Playground';

test('a reload keeps the cluster, the terminals and the progress', async ({ page }) => {
  test.setTimeout(90_000);
  const kp = new Playground(page);
  await kp.open('#/en/start-the-cluster');
  await kp.node1.run('kubeadm init --apiserver-advertise-address $(hostname -i)', { advanceMs: 2_000, timeout: 30_000 });
  await kp.node1.run('export KUBECONFIG=/etc/kubernetes/admin.conf');
  await kp.node2.run('echo only-on-node2 > /tmp/marker');
  await kp.lesson.expectStepDone('init');
  await page.evaluate(() => window.kubeplay!.run('node1', 'true'));
  const before = await kp.node1.screen();

  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('prompt-ready').length > 0);
  await kp.lesson.expectStepDone('init');
  await kp.node1.expectScreen('Your Kubernetes control-plane has initialized successfully!');
  expect((await kp.node1.screen()).trim()).toBe(before.trim());

  // The environment and the cluster came back: kubectl works through the exported KUBECONFIG.
  expect(await kp.node1.run('kubectl get nodes')).toMatch(/node1\s+NotReady\s+control-plane/);
  // Each node keeps its own files and history.
  expect(await kp.node2.run('cat /tmp/marker')).toBe('only-on-node2\n');
  expect(await kp.node1.run('history')).toMatch(/kubeadm init --apiserver-advertise-address \$\(hostname -i\)/);
  expect(await kp.node1.run('cat /tmp/marker')).toContain('No such file or directory');

  // Start over: a new world, a fresh prompt, no progress.
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByTestId('reset').click();
  await kp.node1.expectScreen(/^kubeplay · node1[^\n]*\n(?:[^\n]*\n){2,3}\[node1 ~\]\$ ?$/);
  await kp.lesson.expectStepNotDone('init');
  expect(await kp.node1.run('kubectl get nodes')).toContain('localhost:8080 was refused');
});

for (const [label, saved] of [
  ['truncated JSON', '{"v":1,"savedAt":1,"data":{"seed":"abc","epo'],
  ['junk', '\u0000\u0001 definitely not json'],
  ['an old schema version', JSON.stringify({ v: 0, savedAt: 1, data: {} })],
  ['a journal that cannot replay', JSON.stringify({ v: 1, savedAt: 1, data: { seed: 'x', epochMs: 1, now: 5, journal: [{ host: 'node9', t: 1, kind: 'line', text: 'rm -rf /' }], progress: {} } })],
] as const) {
  test(`corrupt saved state (${label}) gives a fresh start and says so`, async ({ page }) => {
    await page.addInitScript((value) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('kubeplay:v1', value);
        sessionStorage.setItem('seeded', '1');
      }
    }, saved);
    const kp = new Playground(page);
    await kp.open();
    expect(await kp.node1.run('echo alive')).toBe('alive\n');
    if (label !== 'a journal that cannot replay') await expect(page.getByTestId('notices')).toContainText('started a fresh one');
  });
}

test('blocked storage still reaches the prompt and warns that nothing is kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const kp = new Playground(page);
  await kp.open();
  await expect(page.getByTestId('notices')).toContainText('blocks storage');
  expect(await kp.node1.run('hostname')).toBe('node1\n');
});
