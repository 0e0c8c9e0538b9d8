import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import DiagramTable from './DiagramTable';
import { countAnimated } from './edges';
import { MAX_PACKETS, PACKET_BUCKET_MS, PACKET_TTL_MS, packetLabel } from './packets';
import { snapshotKey } from './stable';
import { toFlow } from './toFlow';
import type { DiagramEdge, Flow } from './types';
import type { WorldSnapshot } from '../../engine';
import { WEB_RS, packet, pingpongPod, webCluster, webPods } from './testing/web';

const NOW = 20_000;
const WEB = webPods(6, WEB_RS.v1);
const PING = { pod: 'default/pingpong', node: 'node1' };
const web = (i: number) => ({ pod: `default/${WEB[i]!.name}`, node: 'node2' });

function withPackets(packets: WorldSnapshot['packets']): WorldSnapshot {
  return webCluster({ pods: WEB, extraPods: [pingpongPod()], packets, revision: NOW / 1000 });
}

const packetEdges = (flow: Flow): DiagramEdge[] => flow.edges.filter((e) => e.data?.kind === 'packet');

describe('toFlow: packets crossing the weave link', () => {
  it('draws a recent ping from a pod on node1 to a pod on node2 as a dot along the overlay', () => {
    const flow = toFlow(withPackets([packet(NOW - 300, PING, web(0))]));
    const [edge, ...rest] = packetEdges(flow);
    expect(rest).toEqual([]);
    expect(edge).toMatchObject({
      id: `packet/pod/default/pingpong/pod/default/${WEB[0]!.name}/${Math.floor((NOW - 300) / PACKET_BUCKET_MS)}`,
      source: 'pod/default/pingpong',
      target: `pod/default/${WEB[0]!.name}`,
      // Left to right: out of node1's pod on the right, into node2's pod on the left.
      sourceHandle: 'out',
      targetHandle: 'in',
      label: 'ping',
      animated: false,
      data: { kind: 'packet', stilled: false },
    });
    expect(edge?.ariaLabel).toBe(`ping packet from pod/default/pingpong on node1 to pod/default/${WEB[0]!.name} on node2, across the pod network`);
    expect(countAnimated(flow.edges)).toBeGreaterThanOrEqual(1);
  });

  it('sends a reply from node2 to node1 out of the left side, into the right', () => {
    const flow = toFlow(withPackets([packet(NOW - 100, web(1), PING, 'http', 80)]));
    expect(packetEdges(flow)[0]).toMatchObject({ sourceHandle: 'out-left', targetHandle: 'in-right', label: 'HTTP' });
    const column = toFlow(withPackets([packet(NOW - 100, web(1), PING, 'http', 80)]), { direction: 'column' });
    expect(packetEdges(column)[0]).toMatchObject({ sourceHandle: 'out', targetHandle: 'in-right' });
  });

  it('lets a packet expire after its moment on the picture, and ignores ones not sent yet', () => {
    expect(packetEdges(toFlow(withPackets([packet(NOW - PACKET_TTL_MS, PING, web(0))])))).toEqual([]);
    expect(packetEdges(toFlow(withPackets([packet(NOW - PACKET_TTL_MS + 1, PING, web(0))])))).toHaveLength(1);
    expect(packetEdges(toFlow(withPackets([packet(NOW + 10, PING, web(0))])))).toEqual([]);
  });

  it('shows a steady stream as one dot per second per direction', () => {
    const stream = Array.from({ length: 10 }, (_, i) => packet(NOW - 900 + i * 90, PING, web(0), 'http', 80));
    const flow = toFlow(withPackets(stream));
    expect(packetEdges(flow)).toHaveLength(1);
  });

  it(`never draws more than ${MAX_PACKETS} packets, the newest first`, () => {
    const many = WEB.flatMap((_, i) => [packet(NOW - 10 * i, PING, web(i)), packet(NOW - 10 * i - 5, web(i), PING)]).concat(
      WEB.map((_, i) => packet(NOW - 500 - i, { node: 'node1' }, web(i), 'tcp', 80)),
    );
    const edges = packetEdges(toFlow(withPackets(many)));
    expect(edges).toHaveLength(MAX_PACKETS);
    expect(edges[0]?.source).toBe('pod/default/pingpong');
    expect(edges.some((e) => e.source === 'node/node1')).toBe(false);
  });

  it('draws a node\'s own process (a shell\'s curl) from the node itself', () => {
    const flow = toFlow(withPackets([packet(NOW - 50, { node: 'node1' }, web(2), 'tcp', 80)]));
    expect(packetEdges(flow)[0]).toMatchObject({ source: 'node/node1', target: `pod/default/${WEB[2]!.name}`, label: 'TCP :80' });
  });

  it('leaves out exchanges that stayed on one node', () => {
    const local = packet(NOW - 50, { pod: `default/${WEB[0]!.name}`, node: 'node2' }, web(1));
    expect(packetEdges(toFlow(withPackets([local])))).toEqual([]);
  });

  it('keeps the dot still under reduced motion: the path lit, nothing moving', () => {
    const flow = toFlow(withPackets([packet(NOW - 300, PING, web(0))]), { reducedMotion: true });
    expect(packetEdges(flow)[0]).toMatchObject({ animated: false, data: { kind: 'packet', stilled: true } });
    expect(countAnimated(flow.edges)).toBe(0);
  });

  it('changes the picture\'s key as packets come and go, not on every frame', () => {
    const quiet = withPackets([]);
    const busy = withPackets([packet(NOW - 300, PING, web(0))]);
    const later = { ...busy, now: NOW + 100 };
    const expired = { ...busy, now: NOW + PACKET_TTL_MS };
    expect(snapshotKey(busy)).not.toBe(snapshotKey(quiet));
    expect(snapshotKey(later)).toBe(snapshotKey(busy));
    expect(snapshotKey(expired)).toBe(snapshotKey(quiet));
  });

  it('names what each packet carried the way a learner would', () => {
    expect(packetLabel({ protocol: 'ICMP', kind: 'icmp' })).toBe('ping');
    expect(packetLabel({ protocol: 'UDP', kind: 'udp', port: 53 })).toBe('DNS');
    expect(packetLabel({ protocol: 'TCP', kind: 'redis', port: 6379 })).toBe('Redis');
    expect(packetLabel({ protocol: 'TCP', kind: 'tcp', port: 9200 })).toBe('TCP :9200');
  });

  it('lists the packets in the table view', () => {
    const html = renderToStaticMarkup(<DiagramTable snapshot={withPackets([packet(NOW - 300, PING, web(0))])} lang="en" />);
    expect(html).toContain('aria-label="Packets crossing the pod network just now"');
    expect(html).toContain(`ping: pod default/pingpong (node1) → pod default/${WEB[0]!.name} (node2)`);
  });
});
