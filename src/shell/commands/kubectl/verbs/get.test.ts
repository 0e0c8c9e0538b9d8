import { describe, expect, it } from 'vitest';
import { Playground } from '../testing/playground';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

describe('kubectl get nodes', () => {
  it('shows node1 NotReady as control-plane right after kubeadm init', async () => {
    const p = new Playground().init().advance(50_000);
    const r = p.kubectl('get nodes');
    expect(r.exitCode).toBe(0);
    await golden('get-nodes-after-init', r.stdout);
  });

  it('adds node2 with no role after the join, then both Ready with -o wide after Weave', async () => {
    const p = new Playground().init().join();
    await golden('get-nodes-after-join', p.kubectl('get nodes').stdout);
    p.weave().advance(60_000);
    await golden('get-nodes-wide-after-weave', p.kubectl('get nodes -o wide').stdout);
    expect(p.kubectl(['get', 'no']).stdout).toBe(p.kubectl('get nodes').stdout);
  });
});

describe('kubectl get pods -n kube-system', () => {
  it('after init: control plane and kube-proxy Running, coredns Pending', async () => {
    const p = new Playground().init().advance(40_000);
    await golden('get-pods-kube-system-after-init', p.kubectl('get pods -n kube-system').stdout);
  });

  it('after join: a second kube-proxy', async () => {
    const p = new Playground().init().join().advance(10_000);
    await golden('get-pods-kube-system-after-join', p.kubectl('get pods -n kube-system').stdout);
  });

  it('while weave starts: Init:0/1, then PodInitializing', () => {
    const p = new Playground().init().join().advance(20_000);
    const pod = p.weavePod('node1');
    p.advance(3_000);
    expect(p.kubectl(`get pod ${pod.metadata.name} -n kube-system --no-headers`).stdout).toMatch(/0\/2\s+Init:0\/1\s+0\s+3s\n$/);
    p.status('pods', 'kube-system', pod.metadata.name, {
      ...pod.status,
      initContainerStatuses: pod.status!.initContainerStatuses!.map((c) => ({ ...c, state: { terminated: { exitCode: 0, reason: 'Completed' } } })),
    });
    expect(p.kubectl(`get pod ${pod.metadata.name} -n kube-system --no-headers`).stdout).toMatch(/0\/2\s+PodInitializing\s+0\s+3s\n$/);
  });

  it('after weave: everything Running, weave-net 2/2 and one restart shown with its age', async () => {
    const p = new Playground().init().join().weave().advance(60_000);
    await golden('get-pods-kube-system-after-weave', p.kubectl('get pods -n kube-system').stdout);
    await golden('get-pods-all-namespaces-wide', p.kubectl('get pods -A -o wide').stdout);
  });
});

describe('kubectl get output formats', () => {
  const p = new Playground().init().join().weave().advance(30_000);

  it('-o yaml and -o json of one pod', async () => {
    await golden('get-pod-etcd-yaml', p.kubectl('get pod etcd-node1 -n kube-system -o yaml').stdout);
    await golden('get-pod-etcd-json', p.kubectl('get pod etcd-node1 -n kube-system -o json').stdout);
  });

  it('-o yaml of a list and -o name', async () => {
    await golden('get-services-all-yaml', p.kubectl('get svc -A -o yaml').stdout);
    await golden('get-pods-name', p.kubectl('get pods -n kube-system -o name').stdout);
  });

  it('several types at once, labels, selectors and TYPE/NAME', async () => {
    await golden('get-pods-svc-kube-system', p.kubectl('get pods,svc -n kube-system -l k8s-app=kube-dns --show-labels').stdout);
    const r = p.kubectl('get svc/kubernetes ns/default');
    expect(r.stdout).toBe(
      'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   2m20s\n\n' +
      'NAME                STATUS   AGE\nnamespace/default   Active   2m20s\n');
  });

  it('jsonpath', () => {
    expect(p.kubectl(['get', 'nodes', '-o', 'jsonpath={.items[*].metadata.name}']).stdout).toBe('node1 node2');
    expect(p.kubectl(['get', 'svc', 'kubernetes', '-o', 'jsonpath={.spec.ports[0].port}']).stdout).toBe('443');
    expect(p.kubectl(['get', 'nodes', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}']).stdout)
      .toBe('node1\tTrue\nnode2\tTrue\n');
  });
});

describe('kubectl get messages', () => {
  const p = new Playground().init().advance(10_000);

  it('says when nothing is found, on stderr', () => {
    const r = p.kubectl('get pods');
    expect(r).toMatchObject({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(p.kubectl('get deployments -A').stderr).toBe('No resources found\n');
  });

  it('reports a missing object, an unknown type and a missing type', async () => {
    expect(p.kubectl('get pod nginx')).toMatchObject({ stderr: 'Error from server (NotFound): pods "nginx" not found\n', exitCode: 1 });
    expect(p.kubectl('get deploy web')).toMatchObject({ stderr: 'Error from server (NotFound): deployments.apps "web" not found\n', exitCode: 1 });
    expect(p.kubectl('get foo')).toMatchObject({ stderr: 'error: the server doesn\'t have a resource type "foo"\n', exitCode: 1 });
    await golden('get-no-type', p.kubectl('get').stderr);
    expect(p.kubectl('get pods -o foo').stderr).toMatch(/^error: unable to match a printer suitable for the output format "foo", allowed formats are: /);
  });

  it('prints what it found and the errors for what it did not', () => {
    const r = p.kubectl('get nodes node1 node3');
    expect(r.stdout).toMatch(/^NAME {4}STATUS {5}ROLES {11}AGE {3}VERSION\nnode1 {3}NotReady/);
    expect(r.stderr).toBe('Error from server (NotFound): nodes "node3" not found\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('kubectl get -w', () => {
  it('prints a row per change until interrupted', () => {
    const p = new Playground().init().join().advance(10_000);
    p.world.clock.schedule(2_000, () => { p.weavePod('node2'); });
    const r = p.kubectl('get pods -n kube-system -l name=weave-net -w', { interruptAfterMs: 5_000 });
    expect(r.exitCode).toBe(130);
    // The pod is added (Pending), then its status moves to Init:0/1: one row each, widths only grow.
    expect(r.stdout).toMatch(/^NAME {14}READY {3}STATUS {4}RESTARTS {3}AGE\nweave-net-\w{5} {3}0\/2 {5}Pending {3}0 {10}0s\nweave-net-\w{5} {3}0\/2 {5}Init:0\/1 {3}0 {10}0s\n$/);
  });
});
