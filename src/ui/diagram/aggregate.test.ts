import { describe, expect, it } from 'vitest';
import { buildModel } from './model';
import { AGGREGATE_ABOVE } from './hostBody';
import { toFlow, workloadGroupId } from './toFlow';
import { WEB_RS, webCluster, webPods } from './testing/web';

const WEB_ON_NODE2 = workloadGroupId('node2', 'default/deployment/web');

describe('toFlow: many pods of one workload on a host', () => {
  // 500 web pods on node2 (the fixture's names stay unique up to 729): 480 ready, 20 still creating.
  const pods = webPods(500, WEB_RS.v1).map((p, i) => (i >= 480 ? { ...p, state: 'creating' as const, ip: undefined } : p));
  const snapshot = webCluster({ pods, service: 'clusterip' });
  const flow = toFlow(snapshot);

  it('draws them as one box with counts by status, most first, under the workload box\'s id', () => {
    const box = flow.nodes.find((n) => n.id === WEB_ON_NODE2);
    expect(box).toMatchObject({ type: 'aggregate', parentId: 'node/node2', data: { title: 'web deployment: 500 pods' } });
    expect(box?.type === 'aggregate' && box.data.counts).toEqual([
      { status: 'Running', category: 'ready', count: 480 },
      { status: 'ContainerCreating', category: 'starting', count: 20 },
    ]);
    expect(box?.ariaLabel).toBe('web deployment in default: 500 pods on node2, 480 ready; 480 Running, 20 ContainerCreating');
    expect(flow.nodes.filter((n) => n.type === 'pod' && n.id.startsWith('pod/default/web-'))).toHaveLength(0);
    expect(flow.nodes.length).toBeLessThan(40);
  });

  it('sends the Service one edge to the box, not one per pod', () => {
    const edges = flow.edges.filter((e) => e.id.startsWith('endpoint/default/web/'));
    expect(edges.map((e) => [e.id, e.target])).toEqual([[`endpoint/default/web/${WEB_ON_NODE2}`, WEB_ON_NODE2]]);
    expect(edges[0]?.ariaLabel).toBe('service web sends to the pods of web deployment on node2');
  });

  it('keeps every pod in the model the table lists, and draws each pod up to the threshold', () => {
    expect(buildModel(snapshot).hosts.find((h) => h.name === 'node2')?.pods.filter((p) => p.name.startsWith('web-'))).toHaveLength(500);
    const few = toFlow(webCluster({ pods: webPods(AGGREGATE_ABOVE, WEB_RS.v1) }));
    expect(few.nodes.find((n) => n.id === WEB_ON_NODE2)?.type).toBe('section');
    expect(few.nodes.filter((n) => n.type === 'pod' && n.parentId === WEB_ON_NODE2)).toHaveLength(AGGREGATE_ABOVE);
  });
});
