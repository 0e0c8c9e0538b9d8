import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import Diagram from './Diagram';
import DiagramTable from './DiagramTable';
import { highlightMatcher } from './highlight';
import { toFlow } from './toFlow';
import type { Flow } from './types';
import { afterWeave, KUBE_PROXY } from './testing/fixtures';
import { flowText } from './testing/flowText';
import { webSix } from './testing/web';

const marked = (flow: Flow) => flow.nodes.filter((n) => n.data.highlighted).map((n) => n.id);

describe('highlights: what a lesson step points at', () => {
  it('matches exact ids and patterns whose * stays within one segment', () => {
    const m = highlightMatcher(['node/node2', 'pod/kube-system/kube-proxy-*', 'kubelet/*']);
    expect(['node/node2', 'pod/kube-system/kube-proxy-7gjbv', 'kubelet/node1'].every(m.has)).toBe(true);
    expect(['node/node1', 'pod/default/kube-proxy-x', 'kubelet/node1/extra', 'pod/kube-system/coredns-1'].some(m.has)).toBe(false);
    expect(highlightMatcher([]).empty).toBe(true);
    expect(highlightMatcher(['a.b']).has('aXb')).toBe(false);
  });

  it('marks the architecture lesson\'s node components: the kubelet and kube-proxy on every node', () => {
    const flow = toFlow(afterWeave(), { highlight: ['kubelet/*', 'pod/kube-system/kube-proxy-*'] });
    expect(marked(flow)).toEqual(['kubelet/node1', `pod/kube-system/${KUBE_PROXY.node1}`, 'kubelet/node2', `pod/kube-system/${KUBE_PROXY.node2}`]);
    const kubelet = flow.nodes.find((n) => n.id === 'kubelet/node2');
    expect(kubelet).toMatchObject({ className: 'kp-highlight', parentId: 'node/node2', ariaLabel: 'kubelet (node agent) on node2, running, highlighted' });
  });

  it('says "highlighted" to screen readers in the page\'s language', () => {
    const en = toFlow(afterWeave(), { highlight: ['controlplane/node1'] });
    expect(en.nodes.find((n) => n.id === 'controlplane/node1')?.ariaLabel).toBe('control plane on node1: API server, etcd, scheduler, controller manager, highlighted');
    const es = toFlow(afterWeave(), { highlight: ['runtime/node1'], lang: 'es' });
    expect(es.nodes.find((n) => n.id === 'runtime/node1')?.ariaLabel).toBe('container runtime containerd on node1, running, destacado');
  });

  it('thickens the edges of a highlighted Service, and any edge named directly', () => {
    const flow = toFlow(webSix(), { highlight: ['svc/default/web', 'overlay/weave-net/node1/node2'] });
    const highlighted = flow.edges.filter((e) => e.data?.highlighted === true);
    expect(highlighted.filter((e) => e.source === 'svc/default/web')).toHaveLength(6);
    expect(highlighted.map((e) => e.id)).toContain('overlay/weave-net/node1/node2');
    expect(flow.edges.filter((e) => e.source === 'svc/kube-system/kube-dns').some((e) => e.data?.highlighted === true)).toBe(false);
  });

  it('leaves the picture as it was when nothing is highlighted', () => {
    expect(toFlow(webSix(), { highlight: [] })).toEqual(toFlow(webSix()));
  });

  it('draws an outline and a "look here" tag, in the page\'s language', () => {
    const en = renderToStaticMarkup(<Diagram snapshot={webSix()} reducedMotion highlight={['svc/default/web']} lang="en" />);
    expect(en).toContain('aria-label="service web in default, ClusterIP 10.96.142.7, port 80/TCP, 6 endpoints, highlighted"');
    expect(en).toMatch(/kp-dg-service kp-dg-highlighted"[^>]*><span class="kp-dg-hl-tag" aria-hidden="true"><span class="kp-dg-hl-star">★<\/span> look here<\/span>/);
    expect(en).toContain('what the current step points at');
    const es = renderToStaticMarkup(<Diagram snapshot={webSix()} reducedMotion highlight={['kubelet/node1']} lang="es" />);
    expect(es).toContain('★</span> mira aquí</span>');
    expect(renderToStaticMarkup(<Diagram snapshot={webSix()} reducedMotion lang="en" />)).not.toContain('kp-dg-hl-tag');
  });

  it('marks highlighted rows in the table view', () => {
    const html = renderToStaticMarkup(<DiagramTable snapshot={webSix()} lang="en" highlight={['svc/default/web', 'node/node2']} />);
    expect(html).toMatch(/<tr data-id="svc\/default\/web"><th scope="row">.*<span class="kp-dgt-hl">★ highlighted<\/span>/);
    expect(html).toMatch(/node2<\/span>.*<span class="kp-dgt-hl">★ highlighted<\/span><\/h3>/);
  });

  it('matches its reviewed picture', async () => {
    await expect(flowText(toFlow(afterWeave(), { highlight: ['kubelet/*', 'pod/kube-system/kube-proxy-*', 'svc/kube-system/kube-dns'] })))
      .toMatchFileSnapshot('./testing/golden/architecture-highlights.txt');
  });
});
