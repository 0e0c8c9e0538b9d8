import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import Diagram from './Diagram';
import DiagramTable from './DiagramTable';
import { afterInit, afterWeave, beforeInit } from './testing/fixtures';
import { WEB_RS, webHundred, webPods, webRollout, webSix } from './testing/web';

// Server rendering is enough to check what a learner (or a screen reader) is given: the test ids,
// node ids, aria-labels and text. Layout, fitView and motion are the e2e suite's job.
describe('Diagram (React Flow)', () => {
  it('renders every node under its contract id, each with an aria-label stating its status', () => {
    const html = renderToStaticMarkup(<Diagram snapshot={afterInit()} reducedMotion={false} />);
    expect(html).toContain('data-testid="diagram"');
    expect(html).toContain('data-id="node/node1"');
    expect(html).toContain('data-id="pod/kube-system/coredns-5d78c9869d-4xjkl"');
    expect(html).toContain('aria-label="pod coredns-5d78c9869d-4xjkl of the coredns deployment, Pending, not scheduled"');
    expect(html).toContain('aria-label="node node2, 192.168.0.7, not in a cluster"');
    expect(html).toContain('Pending — not scheduled');
  });

  it('shows the status as text and a glyph, not only as a colour', () => {
    const html = renderToStaticMarkup(<Diagram snapshot={afterWeave()} reducedMotion />);
    expect(html).toMatch(/kp-dg-badge kp-dg-cat-ready"><span class="kp-dg-glyph" aria-hidden="true">●<\/span>Running/);
    expect(html).toContain('API server');
    expect(html).toContain('10.44.0.1');
  });

  it('carries a legend naming every status colour', () => {
    const html = renderToStaticMarkup(<Diagram snapshot={beforeInit()} reducedMotion={false} />);
    for (const words of ['Pending', 'Starting (ContainerCreating, Init)', 'Running, not ready', 'Running, ready', 'Terminating', 'Failed / CrashLoopBackOff']) {
      expect(html).toContain(words);
    }
  });
});

describe('DiagramTable (the text view)', () => {
  it('lists each node with its status and each pod with status, READY and IP', () => {
    const html = renderToStaticMarkup(<DiagramTable snapshot={afterWeave()} />);
    expect(html).toContain('2 nodes (2 Ready), 10 pods.');
    expect(html).toMatch(/<tr data-id="pod\/kube-system\/coredns-5d78c9869d-9wrtm"><th scope="row">.*coredns-5d78c9869d-9wrtm.*Running.*<td>1\/1<\/td><td>10\.44\.0\.1<\/td><\/tr>/);
    expect(html).toContain('Running (1 restart)');
    expect(html).toContain('weave-net overlay (10.32.0.0/12): node1 ↔ node2');
  });

  it('says which machines are not in a cluster, and which pods wait for a node', () => {
    expect(renderToStaticMarkup(<DiagramTable snapshot={beforeInit()} />)).toContain('2 machines, no cluster yet.');
    const html = renderToStaticMarkup(<DiagramTable snapshot={afterInit()} />);
    expect(html).toContain('1 node (0 Ready), 7 pods, 2 not scheduled.');
    expect(html).toContain('not in a cluster');
    expect(html).toMatch(/Pending — not scheduled<\/h3>/);
    expect(html).toMatch(/data-id="pod\/kube-system\/coredns-5d78c9869d-4xjkl".*Pending.*<td>0\/1<\/td><td>—<\/td>/);
  });

  it('lists the Services with kubectl get svc\'s columns and the pods behind each', () => {
    const html = renderToStaticMarkup(<DiagramTable snapshot={webSix()} lang="en" />);
    expect(html).toMatch(/<tr data-id="svc\/default\/web"><th scope="row"><span class="kp-dgt-pod">web<\/span><span class="kp-dgt-ns">default<\/span><\/th><td>ClusterIP<\/td><td>10\.96\.142\.7<\/td><td>80\/TCP<\/td>/);
    const first = webPods(1, WEB_RS.v1)[0]!;
    expect(html).toContain(`<ul class="kp-dgt-endpoints" aria-label="6 endpoints"><li>${first.ip}:80 → ${first.name}</li>`);
    expect(html).toContain('<li>192.168.0.8:6443 → kube-apiserver-node1</li>');
    expect(html).toMatch(/data-id="svc\/kube-system\/kube-dns">.*<td>53\/UDP,53\/TCP,9153\/TCP<\/td>/);
  });

  it('cuts a long endpoint list short, as kubectl describe does', () => {
    const html = renderToStaticMarkup(<DiagramTable snapshot={webHundred()} lang="en" />);
    expect(html).toContain('<li>+ 92 more</li>');
  });

  it('lists the workloads, and both ReplicaSets during a rollout', () => {
    const six = renderToStaticMarkup(<DiagramTable snapshot={webSix()} lang="en" />);
    expect(six).toMatch(/<tr data-id="workload\/default\/deployment\/web"><th scope="row"><span class="kp-dgt-pod">web deployment<\/span><span class="kp-dgt-ns">default<\/span><\/th><td>6 pods \(6 ready\)<\/td><td>rev 1<\/td><\/tr>/);
    expect(six).toContain('<span class="kp-dgt-ns">default · web deployment</span>');
    const rollout = renderToStaticMarkup(<DiagramTable snapshot={webRollout()} lang="en" />);
    expect(rollout).toContain(`<td>8 pods (6 ready)</td><td>rolling update: new ${WEB_RS.v2} (rev 2): 3, old ${WEB_RS.v1} (rev 1): 5</td>`);
  });
});

describe('Diagram: Services, workloads and rollouts on the picture', () => {
  it('renders Services and node agents under their contract ids, and explains them in the legend', () => {
    const html = renderToStaticMarkup(<Diagram snapshot={webRollout()} reducedMotion={false} />);
    expect(html).toContain('data-id="svc/default/web"');
    expect(html).toContain('data-id="kubelet/node2"');
    expect(html).toContain('data-id="workload/node2/default/deployment/web"');
    expect(html).toContain('web deployment: 8 pods (3 new, 5 old)');
    expect(html).toContain('<span class="kp-dg-rev kp-dg-rev-new">▲ new · rev 2</span>');
    expect(html).toContain('<span class="kp-dg-rev kp-dg-rev-old">▽ old · rev 1</span>');
    expect(html).toContain('Service → its endpoint pods');
    expect(html).toContain('ReplicaSet during a rolling update');
  });

  it('keeps the legend short before there is anything to explain', () => {
    const html = renderToStaticMarkup(<Diagram snapshot={beforeInit()} reducedMotion={false} />);
    expect(html).not.toContain('Service → its endpoint pods');
    expect(html).not.toContain('ReplicaSet during a rolling update');
  });
});
