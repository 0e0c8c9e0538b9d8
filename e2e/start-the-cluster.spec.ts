// The first lesson, followed as a learner: by typing in English, by clicking the lesson's blocks in
// Spanish. Virtual time is advanced where a real cluster would make the learner wait.
import { test, expect } from './fixtures';
import { Playground } from './pages/Playground';

// A whole lesson is a long test: each one gets two minutes instead of Playwright's thirty seconds.
test.describe.configure({ timeout: 120_000 });

const WEAVE = `kubectl apply -n kube-system -f "https://cloud.weave.works/k8s/net?k8s-version=$(kubectl version | base64 |tr -d '\\n')"`;

test('a learner builds the two-node cluster by typing (English)', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/en/start-the-cluster');
  await expect(kp.lesson.root.getByRole('heading', { level: 1 })).toHaveText('Start the cluster');

  // Two hosts, each with its own address.
  const ip1 = (await kp.node1.run('hostname -i')).trim();
  const ip2 = (await kp.node2.run('hostname -i')).trim();
  expect(ip1).toMatch(/^192\.168\.0\.\d+$/);
  expect(ip2).toMatch(/^192\.168\.0\.\d+$/);
  expect(ip1).not.toBe(ip2);
  // A reading step: the learner who typed instead of clicking says when it is done.
  await kp.lesson.expectStepNotDone('nodes');
  await kp.lesson.step('nodes').getByRole('button', { name: 'Done' }).click();
  await kp.lesson.expectStepDone('nodes');

  // A typo is bash's problem, not the page's.
  expect(await kp.node1.run('kubctl get nodes')).toContain('bash: kubctl: command not found');

  // kubectl before any cluster: no server.
  expect(await kp.node1.run('kubectl get nodes')).toContain('The connection to the server localhost:8080 was refused - did you specify the right host or port?');

  await kp.lesson.expectStepNotDone('init');
  await kp.diagram.expectNode('node/node1');
  const init = await kp.node1.run('kubeadm init --apiserver-advertise-address $(hostname -i)', { advanceMs: 2_000, timeout: 30_000 });
  expect(init).toContain('Your Kubernetes control-plane has initialized successfully!');
  expect(init).toMatch(new RegExp(`kubeadm join ${ip1.replace(/\./g, '\\.')}:6443 --token [a-z0-9]{6}\\.[a-z0-9]{16}`));
  await kp.lesson.expectStepDone('init');
  await kp.diagram.expectNode('pod/kube-system/kube-apiserver-node1');

  await kp.node1.run('mkdir -p $HOME/.kube');
  await kp.node1.run('sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config');
  await kp.node1.run('sudo chown $(id -u):$(id -g) $HOME/.kube/config');
  await kp.lesson.expectStepDone('kubeconfig');

  // A wrong token changes nothing.
  const bad = await kp.node2.run(`kubeadm join ${ip1}:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:${'0'.repeat(64)}`, { advanceMs: 20_000, timeout: 30_000 });
  expect(bad).toContain('error execution phase preflight');
  await kp.lesson.expectStepNotDone('join');

  // The real join command, printed again by kubeadm, typed on node2.
  const join = (await kp.node1.run('kubeadm token create --print-join-command')).trim();
  expect(join).toMatch(/^kubeadm join /);
  const joined = await kp.node2.run(join, { advanceMs: 2_000, timeout: 30_000 });
  expect(joined).toContain('This node has joined the cluster');
  await kp.lesson.expectStepDone('join', { advanceMs: 1_000 });

  const nodes = await kp.node1.run('kubectl get nodes');
  expect(nodes).toMatch(/node1\s+NotReady\s+control-plane/);
  expect(nodes).toMatch(/node2\s+NotReady\s+<none>/);
  const pods = await kp.node1.run('kubectl get pods -n kube-system');
  expect(pods).toMatch(/coredns-5d78c9869d-\w{5}\s+0\/1\s+Pending/);
  await kp.diagram.expectNode('node/node2');

  const applied = await kp.node1.run(WEAVE, { advanceMs: 500, timeout: 30_000 });
  expect(applied).toContain('daemonset.apps/weave-net created');
  expect(applied).toContain('serviceaccount/weave-net created');

  await kp.lesson.expectStepDone('ready', { advanceMs: 5_000, timeout: 30_000 });
  const ready = await kp.node1.run('kubectl get nodes');
  expect(ready).toMatch(/node1\s+Ready\s+control-plane/);
  expect(ready).toMatch(/node2\s+Ready\s+<none>/);
  const system = await kp.node1.run('kubectl get pods -n kube-system -o wide');
  expect(system).toMatch(/weave-net-\w{5}\s+2\/2\s+Running/);
  expect(system).toMatch(/coredns-5d78c9869d-\w{5}\s+1\/1\s+Running\s+\d+\s+\S+\s+10\.\d+\.\d+\.\d+/);
  await expect(kp.diagram.edge('overlay/weave-net/node1/node2')).toHaveCount(1);
});

test('a learner follows the lesson in Spanish by clicking its blocks', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/es/start-the-cluster');
  await expect(kp.lesson.root.getByRole('heading', { level: 1 })).toHaveText('Arrancar el clúster');

  await kp.lesson.runBlock('nodes', 0);
  await kp.node1.waitForPrompt();
  await kp.lesson.runBlock('nodes', 1);
  await kp.node2.waitForPrompt();
  await kp.lesson.expectStepDone('nodes');

  await kp.lesson.runBlock('init');
  await kp.lesson.expectStepDone('init', { advanceMs: 2_000, timeout: 30_000 });
  await kp.node1.waitForPrompt({ advanceMs: 1_000 });

  // One block of three lines: each line runs in turn, as a multi-line paste would.
  await kp.lesson.runBlock('kubeconfig', 0);
  await kp.lesson.expectStepDone('kubeconfig', { advanceMs: 200 });
  await kp.node1.expectScreen(/sudo chown \$\(id -u\):\$\(id -g\) \$HOME\/\.kube\/config\n\[node1 ~\]\$ ?$/);

  await kp.lesson.runBlock('join');
  await kp.lesson.expectStepDone('join', { advanceMs: 2_000, timeout: 30_000 });

  await kp.lesson.runBlock('weave');
  await kp.lesson.expectStepDone('weave', { advanceMs: 1_000, timeout: 30_000 });
  await kp.lesson.expectStepDone('ready', { advanceMs: 5_000, timeout: 30_000 });

  const progress = await kp.lesson.progress();
  expect(progress?.lang).toBe('es');
  expect(progress?.steps.filter((s) => s.done).map((s) => s.id)).toEqual(['nodes', 'init', 'kubeconfig', 'join', 'weave', 'ready']);
});
