// The terminal as a learner feels it, in the production build (see probe.mjs for what is measured
// in the page and how):
// - keystroke to echo: a capture-phase keydown to the xterm render that shows the typed letter (P6);
// - long tasks (> 50 ms) after the first prompt while lesson 1 is typed as a learner types it (P8);
// - Enter to output painted for `kubectl get pods -A` at 1,000 pods (P7), on that cluster.
/* global window -- the functions handed to page.evaluate run in the page */
import { probe } from './probe.mjs';

export const PROMPT = (/** @type {string} */ node) => `[${node} ~]$`;
const WEAVE = `kubectl apply -n kube-system -f "https://cloud.weave.works/k8s/net?k8s-version=$(kubectl version | base64 |tr -d '\\n')"`;

/**
 * A fresh context and page on the app, with the probe installed, once node1's prompt is painted.
 * @param {import('@playwright/test').Browser} browser @param {string} url
 */
export async function openApp(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(probe);
  const page = await context.newPage();
  const errors = /** @type {string[]} */ ([]);
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  const promptReady = /** @type {number} */ (await page.waitForFunction(() => performance.getEntriesByName('prompt-ready')[0]?.startTime, null, { timeout: 30_000 }).then((h) => h.jsonValue()));
  return { context, page, promptReady, errors };
}

/** @param {import('@playwright/test').Page} page @param {string} node */
async function focus(page, node) {
  // Where terminals are tabs, show this node's first (as e2e/pages/Playground.ts does).
  const tab = page.getByTestId(`tab-${node}`);
  if (await tab.isVisible()) await tab.click();
  await page.locator(`[data-testid="terminal-${node}"] .xterm-screen`).click();
}

/**
 * Waits until `node`'s screen ends with its prompt (the command typed last has finished).
 * @param {import('@playwright/test').Page} page @param {string} node @param {number} [timeout]
 */
async function waitForPrompt(page, node, timeout = 60_000) {
  await page.waitForFunction(({ node, prompt }) => /** @type {any} */ (window).kubeplay.screen(node).trimEnd().endsWith(prompt), { node, prompt: PROMPT(node) }, { timeout, polling: 50 });
}

/**
 * Types `command` into `node`'s terminal and presses Enter, as a learner; waits for the prompt.
 * @param {import('@playwright/test').Page} page @param {string} node @param {string} command
 */
async function typeCommand(page, node, command) {
  await focus(page, node);
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  await waitForPrompt(page, node);
}

/**
 * Keystroke to echo, `rounds` lines of `perRound` letters typed one key at a time into node1.
 * @param {import('@playwright/test').Page} page
 * @returns {Promise<number[]>} ms from keydown to the render that shows the letter
 */
export async function keystrokeEcho(page, rounds = 10, perRound = 20) {
  await page.evaluate(() => /** @type {any} */ (window).kubeplay.run('node1', 'true'));
  await focus(page, 'node1');
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    await page.keyboard.type('echo ');
    let typed = '';
    for (let i = 0; i < perRound; i++) {
      const key = String.fromCharCode(97 + ((r * 7 + i) % 26));
      typed += key;
      await page.evaluate((want) => { const w = /** @type {any} */ (window); w.__benchPending = w.__benchWatch('terminal-node1', want); }, { lastRowEndsWith: `echo ${typed}` });
      await page.keyboard.press(key);
      samples.push((await page.evaluate(() => /** @type {any} */ (window).__benchPending)).render);
    }
    await page.keyboard.press('Enter');
    await waitForPrompt(page, 'node1');
  }
  return samples;
}

/**
 * Lesson 1 typed as a learner types it (each command waits for its prompt), the clock running at
 * `speed` times real time (`?speed=`, so kubeadm's waits take seconds, not minutes).
 * @param {import('@playwright/test').Page} page
 */
export async function lessonOne(page) {
  await typeCommand(page, 'node1', 'hostname -i');
  await typeCommand(page, 'node2', 'hostname -i');
  await typeCommand(page, 'node1', 'kubeadm init --apiserver-advertise-address $(hostname -i)');
  await typeCommand(page, 'node1', 'mkdir -p $HOME/.kube; cp /etc/kubernetes/admin.conf $HOME/.kube/config');
  const join = await page.evaluate(async () => (await /** @type {any} */ (window).kubeplay.run('node1', 'kubeadm token create --print-join-command')).output.trim());
  await typeCommand(page, 'node2', join);
  await typeCommand(page, 'node1', 'kubectl get nodes');
  await typeCommand(page, 'node1', 'kubectl get pods -n kube-system');
  await typeCommand(page, 'node1', WEAVE);
  for (let i = 0; i < 120; i++) {
    const out = await page.evaluate(async () => (await /** @type {any} */ (window).kubeplay.run('node1', 'kubectl get nodes')).output);
    if (/node2\s+Ready/.test(out) && /node1\s+Ready/.test(out)) return;
    await page.waitForTimeout(250);
  }
  throw new Error('lesson 1: the nodes never became Ready');
}

/** @param {import('@playwright/test').Page} page @param {number} after ms: only tasks that start after it */
export async function longTasksSince(page, after) {
  /** @type {{ start: number, duration: number }[]} */
  const tasks = await page.evaluate(() => /** @type {any} */ (window).__benchLongTasks);
  return tasks.filter((t) => t.start >= after);
}

/**
 * `count` pods of a Deployment (through window.kubeplay, with the clock advanced until the API
 * holds them all), then `reps` times: type `kubectl get pods -A`, press Enter, and time the
 * render that shows the prompt back under the last line of output.
 * @param {import('@playwright/test').Page} page
 * @returns {Promise<{ pods: number, render: number[], painted: number[] }>}
 */
export async function enterToOutput(page, count = 1000, reps = 30) {
  await page.evaluate(async (count) => {
    const kp = /** @type {any} */ (window).kubeplay;
    await kp.run('node1', 'kubectl taint nodes node1 node-role.kubernetes.io/control-plane- ; true');
    await kp.run('node1', `kubectl create deployment web --image=nginx --replicas=${count}`);
  }, count);
  let pods = 0;
  for (let i = 0; i < 120 && pods < count; i++) {
    pods = await page.evaluate(() => {
      const kp = /** @type {any} */ (window).kubeplay;
      kp.advance(5_000);
      return kp.snapshot().clusters[0].pods.filter((/** @type {any} */ p) => p.metadata.name.startsWith('web-')).length;
    });
  }
  if (pods < count) throw new Error(`only ${pods} of ${count} pods after 10 simulated minutes`);
  const total = await page.evaluate(() => /** @type {any} */ (window).kubeplay.snapshot().clusters[0].pods.length);
  await focus(page, 'node1');
  const render = [];
  const painted = [];
  for (let r = 0; r < reps + 2; r++) {
    await page.keyboard.type('kubectl get pods -A');
    await page.evaluate((want) => { const w = /** @type {any} */ (window); w.__benchPending = w.__benchWatch('terminal-node1', want); }, { lastRowIs: PROMPT('node1'), noRowContains: 'kubectl get pods -A' });
    await page.keyboard.press('Enter');
    const t = await page.evaluate(() => /** @type {any} */ (window).__benchPending);
    // The first two warm kubectl's chunk and the JIT, as a learner's first command does.
    if (r >= 2) { render.push(t.render); painted.push(t.painted); }
    await waitForPrompt(page, 'node1');
  }
  return { pods: total, render, painted };
}
