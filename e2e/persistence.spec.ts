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
  ['a version from the future', JSON.stringify({ v: 99, savedAt: 1, data: { seed: 'x' } })],
  ['JSON that is not an object', 'null'],
  ['5 MB of junk', `{"v":1,"data":"${'\u2603'.repeat(2_400_000)}`],
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
    // The fresh session is saved over the bad one (and the junk is gone, whatever its size).
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('kubeplay:v1') ?? '{}').v)).toBe(1);
  });
}

test('a full storage (setItem throws QuotaExceededError) keeps the session running and says work is not saved', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const kp = new Playground(page);
  await kp.open();
  expect(await kp.node1.run('echo still here')).toBe('still here\n');
  await expect(page.getByTestId('notices')).toContainText('storage is full');
  expect(await kp.node2.run('hostname')).toBe('node2\n');
});

test('inside a sandboxed iframe (no storage at all) the page reaches its prompt and warns', async ({ page, baseURL }) => {
  // A sandbox without allow-same-origin gives the frame an opaque origin: touching localStorage
  // throws SecurityError, and its module scripts are fetched with CORS, which the preview server
  // answers here for the test.
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/embed-test.html') {
      await route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>embed</title><iframe id="kp" sandbox="allow-scripts" src="${baseURL}/#/en/start-the-cluster" style="width:1200px;height:760px"></iframe>` });
      return;
    }
    // The frame's own document comes from the server itself: answered by this handler, it had no
    // address, and Chromium's Local Network Access then now and then refused the frame's later
    // requests to the loopback server (about one load in three when this test ran alone).
    if (route.request().resourceType() === 'document') {
      await route.continue();
      return;
    }
    try {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
    } catch {
      // The page closed at the end of the test while the frame was still fetching its pieces.
    }
  });
  await page.goto('/embed-test.html');
  const frame = page.frameLocator('#kp');
  await expect(frame.getByTestId('notices')).toContainText('blocks storage', { timeout: 30_000 });
  const kp = page.frames().find((f) => f !== page.mainFrame())!;
  await kp.waitForFunction(() => performance.getEntriesByName('prompt-ready').length > 0);
  expect(await kp.evaluate(() => window.kubeplay!.run('node1', 'echo framed').then((r) => r.output))).toBe('framed\n');
  // The frame goes on loading its pieces after the prompt, each through the route above: closing
  // the page ends that here (unrouting would let the rest go out without CORS headers, and a
  // fetch left in flight would fail in the handler once the test is over).
  await page.close();
});

test('blocked storage still reaches the prompt and warns that nothing is kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const kp = new Playground(page);
  await kp.open();
  await expect(page.getByTestId('notices')).toContainText('blocks storage');
  expect(await kp.node1.run('hostname')).toBe('node1\n');
});
