import { describe, expect, it } from 'vitest';
import { countAnimated } from './edges';
import { SERVICES_LANE_ID, toFlow } from './toFlow';
import type { DiagramEdge, DiagramNode, Flow, ServiceFlowNode } from './types';
import { endpoints, pod, service, state } from './testing/builders';
import { afterWeave, KUBE_DNS_IP } from './testing/fixtures';
import { flowText } from './testing/flowText';
import { WEB_IP, WEB_RS, webCluster, webHundred, webPods, webSix } from './testing/web';

function node(flow: Flow, id: string): DiagramNode {
  const found = flow.nodes.find((n) => n.id === id);
  if (found === undefined) throw new Error(`no node ${id}`);
  return found;
}

function svc(flow: Flow, id: string): ServiceFlowNode {
  const n = node(flow, id);
  if (n.type !== 'service') throw new Error(`${id} is a ${n.type}`);
  return n;
}

const edgesFrom = (flow: Flow, source: string): DiagramEdge[] => flow.edges.filter((e) => e.source === source);

/** Where a node is on the canvas: its position plus its parents'. */
function absolute(flow: Flow, id: string): { x: number; y: number } {
  const n = node(flow, id);
  const parent = n.parentId === undefined ? { x: 0, y: 0 } : absolute(flow, n.parentId);
  return { x: parent.x + n.position.x, y: parent.y + n.position.y };
}

describe('toFlow: Services', () => {
  it('draws each Service in a lane above the hosts with kubectl get svc\'s columns', () => {
    const flow = toFlow(webSix());
    const lane = node(flow, SERVICES_LANE_ID);
    expect(lane).toMatchObject({ type: 'section', position: { x: 0, y: 0 }, data: { kind: 'services', title: 'Services' } });
    expect(flow.nodes.filter((n) => n.parentId === SERVICES_LANE_ID).map((n) => n.id)).toEqual([
      'svc/default/kubernetes', 'svc/kube-system/kube-dns', 'svc/default/web',
    ]);
    const web = svc(flow, 'svc/default/web');
    expect(web.data).toMatchObject({ type: 'ClusterIP', clusterIP: WEB_IP, ports: '80/TCP', summary: '6 endpoints', serving: true });
    expect(web.ariaLabel).toBe(`service web in default, ClusterIP ${WEB_IP}, port 80/TCP, 6 endpoints`);
    expect(svc(flow, 'svc/kube-system/kube-dns').data).toMatchObject({ clusterIP: KUBE_DNS_IP, ports: '53/UDP,53/TCP,9153/TCP', summary: '2 endpoints' });
    // Every host sits below the lane.
    for (const host of flow.nodes.filter((n) => n.type === 'host')) expect(host.position.y).toBeGreaterThanOrEqual((lane.height ?? 0) + 48);
  });

  it('places a Service above the host that holds most of its pods', () => {
    const flow = toFlow(webSix());
    const node2 = node(flow, 'node/node2');
    const x = absolute(flow, 'svc/default/web').x;
    expect(x).toBeGreaterThanOrEqual(node2.position.x);
    expect(x + 212).toBeLessThanOrEqual(node2.position.x + (node2.width ?? 0));
    // kube-dns has one coredns pod per node: the tie goes to the first host.
    expect(absolute(flow, 'svc/kube-system/kube-dns').x).toBeLessThan(node2.position.x);
  });

  it('links a Service to each endpoint pod, still while no request goes through it', () => {
    const flow = toFlow(webSix());
    const edges = edgesFrom(flow, 'svc/default/web');
    // In the Endpoints object's order: by address.
    expect(edges.map((e) => e.target)).toEqual(webPods(6, WEB_RS.v1).map((p) => `pod/default/${p.name}`));
    expect(edges.every((e) => e.animated === false && e.data?.kind === 'service' && e.data.stilled === false)).toBe(true);
    const first = webPods(1, WEB_RS.v1)[0]!.name;
    expect(edges[0]).toMatchObject({ id: `endpoint/default/web/${first}`, sourceHandle: 'out-bottom', ariaLabel: `service web sends to pod ${first}` });
    // Pods in the left column are entered from the left margin, the right column from the right.
    for (const e of edges) expect(e.targetHandle).toBe(node(flow, e.target).position.x < 100 ? 'in' : 'in-right');
    expect(new Set(edges.map((e) => e.targetHandle))).toEqual(new Set(['in', 'in-right']));
  });

  it('routes every Service edge through the gap above the hosts, one level per Service', () => {
    const flow = toFlow(webSix());
    const laneBottom = node(flow, SERVICES_LANE_ID).height ?? 0;
    const hostsTop = node(flow, 'node/node1').position.y;
    const levels = new Map<string, number>();
    for (const e of flow.edges.filter((x) => x.data?.kind === 'service')) {
      const y = e.data?.route?.trunkY ?? NaN;
      expect(y).toBeGreaterThan(laneBottom);
      expect(y).toBeLessThan(hostsTop);
      levels.set(e.source, y);
    }
    expect(new Set(levels.values()).size).toBe(3);
  });

  it('draws not-ready endpoints dotted and tells screen readers no traffic goes there', () => {
    const snapshot = webCluster({ pods: webPods(3, WEB_RS.v1).map((p, i) => (i === 2 ? { ...p, state: 'creating' as const } : p)) });
    const flow = toFlow(snapshot);
    const edges = edgesFrom(flow, 'svc/default/web');
    expect(edges.map((e) => e.data?.notReady ?? false)).toEqual([false, false, true]);
    expect(edges[2]?.ariaLabel).toMatch(/\(not ready: no traffic\)$/);
    expect(svc(flow, 'svc/default/web').data.summary).toBe('2 endpoints, 1 not ready');
  });

  it('shows a NodePort\'s port pair, a headless Service and one with no pods', () => {
    const headless = service('web-headless', 'default', { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80 }] });
    const lonely = service('nobody', 'default', { clusterIP: '10.96.200.1', selector: { app: 'nobody' }, ports: [{ port: 8080 }] });
    const flow = toFlow(webCluster({
      pods: webPods(2, WEB_RS.v1),
      service: 'nodeport',
      extraServices: [headless, lonely],
      extraEndpoints: [endpoints('web-headless', 'default', [80], webPods(2, WEB_RS.v1).map((p) => ({ ip: p.ip ?? '', pod: p.name }))), endpoints('nobody', 'default', [8080], [])],
    }));
    expect(svc(flow, 'svc/default/web').data).toMatchObject({ type: 'NodePort', ports: '80:31080/TCP' });
    expect(svc(flow, 'svc/default/web-headless').ariaLabel).toBe('service web-headless in default, ClusterIP headless (no cluster IP), port 80/TCP, 2 endpoints');
    expect(edgesFrom(flow, 'svc/default/web-headless')).toHaveLength(2);
    expect(svc(flow, 'svc/default/nobody').data).toMatchObject({ summary: 'no endpoints', serving: false });
    expect(edgesFrom(flow, 'svc/default/nobody')).toEqual([]);
  });

  it('shows an ExternalName Service as an alias, with no edges', () => {
    const db = service('db', 'default', { type: 'ExternalName', externalName: 'db.example.com' });
    const flow = toFlow(webCluster({ pods: [], service: 'none', extraServices: [db] }));
    expect(svc(flow, 'svc/default/db').data).toMatchObject({ type: 'ExternalName', clusterIP: 'db.example.com', ports: '<none>', summary: 'alias of db.example.com' });
    expect(edgesFrom(flow, 'svc/default/db')).toEqual([]);
  });

  it('reads the pods behind a selector when the snapshot carries no Endpoints objects', () => {
    const snapshot = webSix();
    const bare = { ...snapshot, clusters: snapshot.clusters.map(({ endpoints: _, ...rest }) => rest) } as unknown as typeof snapshot;
    const flow = toFlow(bare);
    expect(edgesFrom(flow, 'svc/default/web')).toHaveLength(6);
    expect(edgesFrom(flow, 'svc/kube-system/kube-dns')).toHaveLength(2);
    // `kubernetes` has no selector: only its Endpoints object knows the API server.
    expect(edgesFrom(flow, 'svc/default/kubernetes')).toEqual([]);
  });

  it('moves the dashes of the endpoints requests go to, at the measured rate', () => {
    const pods = webPods(6, WEB_RS.v1);
    const traffic = [
      { from: 'node1', to: `default/${pods[0]!.name}`, via: 'svc/default/web', kind: 'http' as const, ratePerSecond: 4, meanLatencyMs: 2 },
      { from: 'node1', to: `pod/default/${pods[1]!.name}`, via: WEB_IP, kind: 'http' as const, ratePerSecond: 1, meanLatencyMs: 2 },
    ];
    const flow = toFlow(webCluster({ pods, traffic }));
    const edges = edgesFrom(flow, 'svc/default/web');
    expect(edges.map((e) => e.animated)).toEqual([true, true, false, false, false, false]);
    expect(edges[0]?.data?.duration).toBeLessThan(edges[1]?.data?.duration ?? 0);
    expect(edges[0]?.ariaLabel).toBe(`service web sends to pod ${pods[0]!.name}, 4.0 requests per second`);
    // Reduced motion: nothing moves, the busy edges say so with a still dash.
    const still = toFlow(webCluster({ pods, traffic }), { reducedMotion: true });
    expect(countAnimated(still.edges)).toBe(0);
    expect(edgesFrom(still, 'svc/default/web').map((e) => e.data?.stilled)).toEqual([true, true, false, false, false, false]);
  });

  it('shares a rate reported for the Service alone among its ready pods', () => {
    const traffic = [{ from: 'node1', to: 'svc/default/web', kind: 'http' as const, ratePerSecond: 6, meanLatencyMs: 2 }];
    const flow = toFlow(webCluster({ pods: webPods(3, WEB_RS.v1), traffic }));
    expect(edgesFrom(flow, 'svc/default/web').map((e) => [e.animated, e.ariaLabel?.endsWith('2.0 requests per second')])).toEqual([
      [true, true], [true, true], [true, true],
    ]);
  });

  it('counts requests the meter names by pod (`<node>/<namespace>/<pod>`) as the one Service in front of that pod', () => {
    const pods = webPods(3, WEB_RS.v1);
    // curl http://10.96.142.7 from node1, three times: kube-proxy picked two pods.
    const traffic = [pods[0]!, pods[2]!].map((p) => ({ from: 'node1', to: `node2/default/${p.name}`, kind: 'http' as const, ratePerSecond: 0.4, meanLatencyMs: 2 }));
    const flow = toFlow(webCluster({ pods, traffic }));
    expect(edgesFrom(flow, 'svc/default/web').map((e) => e.animated)).toEqual([true, false, true]);
    // kube-dns's pods are behind one Service too, but nothing called them.
    expect(edgesFrom(flow, 'svc/kube-system/kube-dns').every((e) => e.animated === false)).toBe(true);
  });

  it('does not guess when two Services send to the same pod', () => {
    const pods = webPods(2, WEB_RS.v1);
    const twin = service('web-twin', 'default', { clusterIP: '10.96.9.9', selector: { app: 'web' }, ports: [{ port: 80 }] });
    const traffic = [{ from: 'node1', to: `node2/default/${pods[0]!.name}`, kind: 'http' as const, ratePerSecond: 2, meanLatencyMs: 2 }];
    const flow = toFlow(webCluster({ pods, traffic, extraServices: [twin], extraEndpoints: [endpoints('web-twin', 'default', [80], pods.map((p) => ({ ip: p.ip ?? '', pod: p.name })))] }));
    expect(flow.edges.filter((e) => e.data?.kind === 'service').some((e) => e.animated === true)).toBe(false);
  });

  it('keeps a hundred endpoints within the animation budget', () => {
    const pods = webPods(100, WEB_RS.v1, 'both');
    const traffic = pods.map((p) => ({ from: 'node1', to: `default/${p.name}`, via: 'default/web', kind: 'http' as const, ratePerSecond: 0.5, meanLatencyMs: 2 }));
    const flow = toFlow(webHundred({ traffic }));
    const edges = edgesFrom(flow, 'svc/default/web');
    expect(edges).toHaveLength(100);
    expect(edges.every((e) => e.animated === true)).toBe(true);
    expect(countAnimated(flow.edges)).toBeLessThanOrEqual(200);
    // Spread over both nodes, the Service's edges enter each host's margins.
    expect(new Set(edges.map((e) => absolute(flow, e.target).x > 600))).toEqual(new Set([true, false]));
  });

  it('draws nothing for an endpoint whose pod is not on the picture', () => {
    const ghost = endpoints('web', 'default', [80], [{ ip: '10.44.9.9', pod: 'gone-pod' }]);
    const snapshot = webCluster({ pods: [], service: 'none', extraServices: [service('web', 'default', { clusterIP: WEB_IP, selector: { app: 'web' }, ports: [{ port: 80 }] })], extraEndpoints: [ghost] });
    const flow = toFlow(snapshot);
    expect(svc(flow, 'svc/default/web').data.summary).toBe('1 endpoint');
    expect(edgesFrom(flow, 'svc/default/web')).toEqual([]);
  });

  it('maps an endpoint without a targetRef by its pod IP', () => {
    const client = pod('static-ip', { labels: { app: 'x' }, nodeName: 'node2', phase: 'Running', ip: '10.44.0.77', containers: [{ name: 'c', state: state.running(), ready: true }], readyCondition: true });
    const manual = service('manual', 'default', { clusterIP: '10.96.33.3', ports: [{ port: 80 }] });
    const flow = toFlow(webCluster({ pods: [], service: 'none', extraPods: [client], extraServices: [manual], extraEndpoints: [endpoints('manual', 'default', [80], [{ ip: '10.44.0.77' }])] }));
    expect(edgesFrom(flow, 'svc/default/manual').map((e) => e.target)).toEqual(['pod/default/static-ip']);
  });

  it('matches its reviewed pictures', async () => {
    await expect(flowText(toFlow(webSix()))).toMatchFileSnapshot('./testing/golden/web-6.txt');
    await expect(flowText(toFlow(webSix(), { direction: 'column' }))).toMatchFileSnapshot('./testing/golden/web-6-column.txt');
  });

  it('adds no Services lane before kubeadm creates the first Service', () => {
    const snapshot = afterWeave();
    const none = { ...snapshot, clusters: snapshot.clusters.map((c) => ({ ...c, services: [], endpoints: [] })) };
    const flow = toFlow(none);
    expect(flow.nodes.some((n) => n.id === SERVICES_LANE_ID)).toBe(false);
    expect(node(flow, 'node/node1').position.y).toBe(0);
  });
});
