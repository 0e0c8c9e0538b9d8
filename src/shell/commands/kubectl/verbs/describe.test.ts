import { describe, expect, it } from 'vitest';
import { Playground } from '../testing/playground';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

describe('kubectl describe', () => {
  it('node before the pod network: Ready False with KubeletNotReady, the not-ready taint', async () => {
    const p = new Playground().init().advance(30_000);
    const r = p.kubectl('describe node node1');
    expect(r.exitCode).toBe(0);
    await golden('describe-node-after-init', r.stdout);
  });

  it('node after Weave: NetworkUnavailable/WeaveIsUp, non-terminated pods, allocated resources, events', async () => {
    const p = new Playground().init().join().weave().advance(60_000);
    await golden('describe-node-after-weave', p.kubectl('describe nodes node1').stdout);
  });

  it('pod: pending coredns with its FailedScheduling event', async () => {
    const p = new Playground().init().advance(30_000);
    await golden('describe-pod-coredns-pending', p.kubectl('describe pod -n kube-system coredns-5d78c9869d-jl5gg').stdout);
  });

  it('pod: running weave-net with init container, a restart, env from the downward API', async () => {
    const p = new Playground().init().join().weave().advance(60_000);
    const name = p.kubectl('get pods -n kube-system -o name').stdout.split('\n').filter((l) => l.includes('weave-net'))[1]!;
    await golden('describe-pod-weave-net', p.kubectl(`describe ${name} -n kube-system`).stdout);
  });

  it('finds objects by name prefix and separates them with blank lines', () => {
    const p = new Playground().init().join().weave();
    const r = p.kubectl('describe pods coredns -n kube-system');
    expect(r.stdout.match(/^Name: {9}/gm)).toHaveLength(2);
    expect(r.stdout).toMatch(/Normal +Started +\d+s +kubelet +Started container coredns/);
    expect(r.stdout.split('\n\n\nName:')).toHaveLength(2);
    expect(p.kubectl('describe pod nosuch -n kube-system')).toMatchObject({ stderr: 'Error from server (NotFound): pods "nosuch" not found\n', exitCode: 1 });
  });

  it('services and deployments with their own layouts', async () => {
    const p = new Playground().init().advance(5_000);
    await golden('describe-service-kube-dns', p.kubectl('describe svc kube-dns -n kube-system').stdout);
    p.kubectl('create deployment web --image=nginx --port=80');
    await golden('describe-deployment-web', p.kubectl('describe deploy web').stdout);
  });

  it('other kinds with the generic layout', async () => {
    const p = new Playground().init();
    await golden('describe-lease-generic', p.kubectl('describe lease node1 -n kube-node-lease').stdout);
  });
});
