import { describe, expect, it } from 'vitest';
import { toFlow } from '../toFlow';
import { webCluster, webPods, WEB_RS } from '../testing/web';
import { withDeclaredHandles } from './declaredHandles';

describe('withDeclaredHandles: handles where React Flow will measure them', () => {
  const flow = toFlow(webCluster({ pods: webPods(2, WEB_RS.v1, 'both') }), { reducedMotion: false, direction: 'row', lang: 'en' });
  const pod = flow.nodes.find((n) => n.type === 'pod')!;

  it("puts a pod's side handles inside its border, halfway down (212×76, a 6 px stripe on the left)", () => {
    const handles = withDeclaredHandles(pod).handles!;
    expect(handles.map((h) => [h.id, h.type, h.x, h.y])).toEqual([
      ['in', 'target', 5.5, 37.5],
      ['out', 'source', 210.5, 37.5],
      ['in-right', 'target', 210.5, 37.5],
      ['out-left', 'source', 5.5, 37.5],
    ]);
  });

  it('gives the same object back for the same node (React Flow sees no change), and none to groups', () => {
    expect(withDeclaredHandles(pod)).toBe(withDeclaredHandles(pod));
    const section = flow.nodes.find((n) => n.type === 'section')!;
    expect(withDeclaredHandles(section)).toBe(section);
  });
});
