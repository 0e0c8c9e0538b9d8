// Lesson 1's cluster, typed as a learner types it: the control plane on node1, the kubeconfig,
// node2 joined, Weave Net, both nodes Ready. For specs about what comes after the first lesson.
import { expect } from '@playwright/test';
import type { Playground } from './Playground';

export const WEAVE = `kubectl apply -n kube-system -f "https://cloud.weave.works/k8s/net?k8s-version=$(kubectl version | base64 |tr -d '\\n')"`;

export async function buildCluster(kp: Playground): Promise<void> {
  await kp.node1.run('kubeadm init --apiserver-advertise-address $(hostname -i)', { advanceMs: 2_000, timeout: 30_000 });
  await kp.node1.run('mkdir -p $HOME/.kube; cp /etc/kubernetes/admin.conf $HOME/.kube/config');
  const join = (await kp.node1.run('kubeadm token create --print-join-command')).trim();
  await kp.node2.run(join, { advanceMs: 2_000, timeout: 30_000 });
  await kp.node1.run(WEAVE, { advanceMs: 500, timeout: 30_000 });
  await expect.poll(async () => {
    await kp.advance(5_000);
    return kp.node1.run('kubectl get nodes');
  }, { timeout: 60_000 }).toMatch(/node2\s+Ready/);
}
