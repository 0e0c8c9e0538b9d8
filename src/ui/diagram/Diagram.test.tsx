import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import Diagram from './Diagram';
import DiagramTable from './DiagramTable';
import { afterInit, afterWeave, beforeInit } from './testing/fixtures';

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
});
