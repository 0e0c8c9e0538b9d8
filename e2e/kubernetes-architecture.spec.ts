// The architecture lesson as a learner follows it: on a cluster built as lesson 1 builds it, each
// step's component is highlighted on the diagram while that step is the current one, and the
// highlight moves on as the learner runs the step's block.
import { test, expect } from './fixtures';
import { Playground } from './pages/Playground';
import { buildCluster } from './pages/cluster';

test.describe.configure({ timeout: 180_000 });

const HIGHLIGHTED = /kp-highlight/;

/** Clicks the step's only block, waits for it to finish, and for the step to count as done. */
async function runStep(kp: Playground, stepId: string): Promise<void> {
  await kp.lesson.runBlock(stepId);
  await kp.node1.waitForPrompt({ advanceMs: 500 });
  await kp.lesson.expectStepDone(stepId);
}

test('the diagram points at each component while its step is the current one', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/en/kubernetes-architecture');
  await expect(kp.lesson.root.getByRole('heading', { level: 1 })).toHaveText('Kubernetes architecture');
  await buildCluster(kp);

  // Step 1: the control plane's box on node1.
  await kp.diagram.expectNode('controlplane/node1');
  await expect(kp.diagram.node('controlplane/node1')).toHaveClass(HIGHLIGHTED);
  await expect(kp.diagram.node('pod/kube-system/kube-apiserver-node1')).not.toHaveClass(HIGHLIGHTED);

  // Step 2: the API server, and nothing else.
  await runStep(kp, 'control-plane');
  await expect(kp.diagram.node('pod/kube-system/kube-apiserver-node1')).toHaveClass(HIGHLIGHTED);
  await expect(kp.diagram.node('controlplane/node1')).not.toHaveClass(HIGHLIGHTED);

  // Step 3: etcd.
  await runStep(kp, 'api-server');
  await expect(kp.diagram.node('pod/kube-system/etcd-node1')).toHaveClass(HIGHLIGHTED);
  await expect(kp.diagram.node('pod/kube-system/kube-apiserver-node1')).not.toHaveClass(HIGHLIGHTED);

  // Steps 4 and 5: the scheduler and the controller manager, then with etcd for componentstatuses.
  await runStep(kp, 'etcd');
  await expect(kp.diagram.node('pod/kube-system/kube-scheduler-node1')).toHaveClass(HIGHLIGHTED);
  await expect(kp.diagram.node('pod/kube-system/kube-controller-manager-node1')).toHaveClass(HIGHLIGHTED);
  await expect(kp.diagram.node('pod/kube-system/etcd-node1')).not.toHaveClass(HIGHLIGHTED);
  await runStep(kp, 'scheduler-controllers');
  await expect(kp.diagram.node('pod/kube-system/etcd-node1')).toHaveClass(HIGHLIGHTED);

  // Step 6: the kubelet and containerd chips of both nodes (not pods: parts of the machines).
  await runStep(kp, 'componentstatuses');
  for (const id of ['kubelet/node1', 'kubelet/node2', 'runtime/node1', 'runtime/node2']) await expect(kp.diagram.node(id)).toHaveClass(HIGHLIGHTED);

  // Step 7: kube-proxy, whatever its generated pod names are, on both nodes.
  await runStep(kp, 'kubelet');
  const proxies = page.getByTestId('diagram').locator('.react-flow__node[data-id^="pod/kube-system/kube-proxy-"]');
  await expect(proxies).toHaveCount(2);
  for (const proxy of await proxies.all()) await expect(proxy).toHaveClass(HIGHLIGHTED);
  await expect(kp.diagram.node('kubelet/node1')).not.toHaveClass(HIGHLIGHTED);

  // A step without highlights clears them.
  await runStep(kp, 'kube-proxy');
  await expect(page.getByTestId('diagram').locator('.react-flow__node.kp-highlight')).toHaveCount(0);
});
