import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { toFlow } from '../toFlow';
import { dockercoinsRunning } from '../testing/dockercoins';
import { WEB_RS, packet, pingpongPod, webCluster, webPods } from '../testing/web';
import type { Flow } from '../types';
import { EdgeLayer } from './EdgeLayer';

const render = (flow: Flow) => renderToStaticMarkup(<EdgeLayer nodes={flow.nodes} edges={flow.edges} />);
const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern.source, 'g'))?.length ?? 0;

describe('EdgeLayer: every edge of the picture, drawn by one component', () => {
  const running = toFlow(dockercoinsRunning(3), { lang: 'en' });

  it('draws each edge once, named by its id and described for screen readers', () => {
    const html = render(running);
    expect(count(html, /<g class="kp-dg-edge[ "]/)).toBe(running.edges.length);
    for (const edge of running.edges) {
      expect(html).toContain(`data-id="${edge.id}"`);
      expect(html).toContain(`aria-label="${edge.ariaLabel}"`);
    }
  });

  it('moves a flow granted motion: its curve with an arrowhead, and a moving stretch by the arrowhead', () => {
    const html = render(running);
    const animated = running.edges.filter((e) => e.animated === true);
    expect(animated.length).toBeGreaterThan(0);
    expect(count(html, /class="kp-dg-edge kp-dg-animated"/)).toBe(animated.length);
    expect(count(html, /class="kp-dg-edge-flow-stub"/)).toBe(animated.length);
    expect(count(html, /marker-end="url\(#kp-dg-flow-arrow\)"/)).toBe(running.edges.length);
    // A busier flow's stretch moves faster: its dash period is on the stretch, not the curve.
    expect(html).toMatch(/class="kp-dg-edge-flow-stub" fill="none" style="animation-duration:[\d.]+s"/);
  });

  it('moves nothing under reduced motion: no animated edge, no moving stretch, the flows drawn still', () => {
    const html = render(toFlow(dockercoinsRunning(3), { lang: 'en', reducedMotion: true }));
    expect(html).not.toContain('kp-dg-animated');
    expect(html).not.toContain('-stub');
    expect(html).toContain('kp-dg-edge-stilled');
  });

  it("puts the labels in HTML beside the lines, hidden from screen readers (the edge's aria-label says it)", () => {
    const html = render(running);
    const labelled = running.edges.filter((e) => typeof e.label === 'string' && e.label !== '');
    expect(labelled.length).toBeGreaterThan(0);
    expect(count(html, /<div class="kp-dg-edge-label kp-dg-edge-label-flow" style="transform:translate\(/)).toBe(labelled.length);
    expect(html).toContain(`aria-hidden="true">${labelled[0]!.label as string}</div>`);
  });

  it('stacks the lines as React Flow did: one SVG per layer, shallowest first', () => {
    const now = 20_000;
    const web = webPods(6, WEB_RS.v1);
    const flow = toFlow(webCluster({
      pods: web, extraPods: [pingpongPod()], revision: now / 1000,
      packets: [packet(now - 300, { pod: 'default/pingpong', node: 'node1' }, { pod: `default/${web[0]!.name}`, node: 'node2' })],
    }));
    const html = render(flow);
    const layers = [...html.matchAll(/<svg class="kp-dg-edges" style="z-index:(\d+)"/g)].map((m) => Number(m[1]));
    expect(layers).toEqual([...layers].sort((a, b) => a - b));
    expect(layers[0]).toBe(0);
    expect(new Set(layers).size).toBe(layers.length);
    // The packet: its path, and a dot that travels it.
    expect(html).toMatch(/<div class="kp-dg-packet" style="offset-path:path\(&#x27;M[^']+&#x27;\)" aria-hidden="true"><\/div>/);
  });
});
