import { describe, expect, it } from 'vitest';
import { shellOn, testWorld } from '../../testing/harness';

/** The walkthrough's first lesson, typed as written, with the real kubeadm, kubelets and controllers. */
describe('kubectl with kubeadm, the kubelets and Weave', () => {
  it('init, join, Weave one-liner: two Ready nodes and the kube-system pods Running', async () => {
    const w = testWorld({ seed: 'walkthrough' });
    const node1 = shellOn(w, 'node1');
    const node2 = shellOn(w, 'node2');
    const init = await node1.run('kubeadm init --apiserver-advertise-address $(hostname -i)');
    expect(init.exitCode).toBe(0);
    const join = init.stdout.match(/kubeadm join .*\\\n\t--discovery-token-ca-cert-hash \S+/)![0].replace('\\\n\t', '');
    await node1.run('export KUBECONFIG=/etc/kubernetes/admin.conf');
    expect((await node1.run('kubectl get nodes')).stdout).toMatch(/^NAME {4}STATUS {5}ROLES {11}AGE +VERSION\nnode1 {3}NotReady {3}control-plane {3}\S+ +v1\.27\.2\n$/);
    expect((await node2.run(join)).exitCode).toBe(0);
    w.advance(20_000);
    const weave = await node1.run(`kubectl apply -n kube-system -f "https://cloud.weave.works/k8s/net?k8s-version=$(kubectl version | base64 |tr -d '\\n')"`);
    expect(weave.stdout).toBe([
      'serviceaccount/weave-net created', 'clusterrole.rbac.authorization.k8s.io/weave-net created',
      'clusterrolebinding.rbac.authorization.k8s.io/weave-net created', 'role.rbac.authorization.k8s.io/weave-net created',
      'rolebinding.rbac.authorization.k8s.io/weave-net created', 'daemonset.apps/weave-net created', '',
    ].join('\n'));
    w.advance(60_000);
    const nodes = (await node1.run('kubectl get nodes --no-headers')).stdout;
    expect(nodes).toMatch(/^node1 +Ready +control-plane .*\nnode2 +Ready +<none> /);
    const pods = (await node1.run('kubectl get pods -n kube-system --no-headers')).stdout.trim().split('\n');
    expect(pods).toHaveLength(10);
    for (const line of pods) expect(line).toMatch(/^\S+ +(1\/1|2\/2) +Running /);
    expect((await node1.run('kubectl describe node node1')).stdout).toMatch(/NetworkUnavailable +False .* WeaveIsUp +Weave pod has set this/);
  });
});
