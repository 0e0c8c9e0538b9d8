/**
 * Builders for the React Flow nodes toFlow places: hosts, titled sections, pods, compose
 * containers, Services and node agents, each with its aria-label (what a screen reader says of it)
 * and the highlight a lesson step asks for. Geometry is the caller's; these only say what a node is.
 */
import { COMPONENT_TITLES } from './controlPlane';
import { containerId } from './containers';
import type { HighlightMatcher } from './highlight';
import { CONTAINER_HEIGHT, CONTAINER_WIDTH, POD_HEIGHT, POD_WIDTH, SERVICE_HEIGHT, SERVICE_WIDTH, type Point } from './layout';
import type { HostView, PodView } from './model';
import { endpointSummary, type ServiceView } from './services';
import type {
  AgentFlowNode, AggregateFlowNode, ContainerFlowNode, ContainerInput, DiagramNode, HostFlowNode, PodFlowNode, RevisionTag, SectionFlowNode, ServiceFlowNode,
} from './types';
import type { DiagramWords } from './words';

/** What every builder needs to mark a highlighted node. */
export interface NodeContext {
  readonly highlight: HighlightMatcher;
  readonly words: DiagramWords;
}

/**
 * A highlighted node: the `kp-highlight` class (outline and tag, diagram.css), `data.highlighted`
 * for the component, and the word in its aria-label. Others carry no class: fewer fields, cheaper
 * equality checks between frames.
 */
export function withHighlight<T extends DiagramNode>(node: T, ctx: NodeContext): T {
  if (!ctx.highlight.has(node.id)) return node;
  return {
    ...node,
    className: 'kp-highlight',
    ariaLabel: `${node.ariaLabel ?? node.id}, ${ctx.words.highlighted}`,
    data: { ...node.data, highlighted: true },
  };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function hostBadge(host: HostView): string {
  switch (host.membership) {
    case 'none':
      return 'not in a cluster';
    case 'registering':
      return 'not registered yet';
    case 'member':
      return host.status ?? 'Unknown';
  }
}

export function hostNode(host: HostView, position: Point, size: { width: number; height: number }, ctx: NodeContext): HostFlowNode {
  const badge = hostBadge(host);
  const podCount = host.controlPlane.length + host.pods.length;
  const parts = [`node ${host.name}`, host.ip, host.role, badge, host.membership === 'member' ? plural(podCount, 'pod') : undefined];
  return withHighlight({
    id: host.id,
    type: 'host',
    position,
    width: size.width,
    height: size.height,
    ariaLabel: parts.filter((p) => p !== undefined).join(', '),
    data: { name: host.name, ip: host.ip, membership: host.membership, role: host.role, badge, ready: host.ready, highlighted: false },
  }, ctx);
}

export interface SectionSpec {
  readonly id: string;
  readonly kind: SectionFlowNode['data']['kind'];
  readonly title: string;
  readonly position: Point;
  readonly width: number;
  readonly height: number;
  readonly parentId: string | undefined;
  readonly ariaLabel: string;
}

export function sectionNode(spec: SectionSpec, ctx: NodeContext): SectionFlowNode {
  return withHighlight({
    id: spec.id,
    type: 'section',
    position: spec.position,
    width: spec.width,
    height: spec.height,
    ...(spec.parentId === undefined ? {} : { parentId: spec.parentId }),
    ariaLabel: spec.ariaLabel,
    data: { kind: spec.kind, title: spec.title, highlighted: false },
  }, ctx);
}

export interface AggregateSpec extends Omit<SectionSpec, 'kind' | 'parentId'> {
  readonly parentId: string;
  readonly pods: readonly PodView[];
}

/** Many pods of one workload on a host as one box: counts by kubectl STATUS, most first; highlighted when any of its pods is. */
export function aggregateNode(spec: AggregateSpec, ctx: NodeContext): AggregateFlowNode {
  const counts = new Map<string, { status: string; category: PodView['category']; count: number }>();
  for (const pod of spec.pods) {
    const seen = counts.get(pod.status);
    if (seen === undefined) counts.set(pod.status, { status: pod.status, category: pod.category, count: 1 });
    else seen.count++;
  }
  const sorted = [...counts.values()].sort((a, b) => b.count - a.count || (a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
  const node: AggregateFlowNode = {
    id: spec.id,
    type: 'aggregate',
    position: spec.position,
    width: spec.width,
    height: spec.height,
    parentId: spec.parentId,
    ariaLabel: `${spec.ariaLabel}; ${sorted.map((c) => `${c.count} ${c.status}`).join(', ')}`,
    data: { title: spec.title, counts: sorted, highlighted: false },
  };
  const podHighlighted = !ctx.highlight.empty && spec.pods.some((p) => ctx.highlight.has(p.id));
  return podHighlighted ? withHighlight(node, { ...ctx, highlight: { ...ctx.highlight, has: () => true } }) : withHighlight(node, ctx);
}

export function podAriaLabel(pod: PodView, revision?: RevisionTag): string {
  const name = pod.component === undefined ? `pod ${pod.name}` : `pod ${pod.name} (${COMPONENT_TITLES[pod.component]})`;
  const owner = pod.workload === undefined ? '' : ` of the ${pod.workload.name} ${pod.workload.kind}`;
  if (pod.nodeName === undefined) return `${name}${owner}, ${pod.status}, not scheduled`;
  const parts = [`${name}${owner}`, pod.status, `${pod.ready} ready`];
  if (revision !== undefined) parts.push(`${revision.current ? 'new' : 'old'} ReplicaSet (${revision.label})`);
  if (pod.restarts > 0) parts.push(plural(pod.restarts, 'restart'));
  parts.push(`on ${pod.nodeName}`);
  if (pod.ip !== undefined) parts.push(`IP ${pod.ip}`);
  return parts.join(', ');
}

export interface PodPlacement {
  readonly position: Point;
  readonly parentId: string;
  /** The line above the name: a component's plain words, or the workload of a pod shown on its own. */
  readonly title: string | undefined;
  readonly revision: RevisionTag | undefined;
}

export function podNode(pod: PodView, place: PodPlacement, ctx: NodeContext): PodFlowNode {
  return withHighlight({
    id: pod.id,
    type: 'pod',
    position: place.position,
    width: POD_WIDTH,
    height: POD_HEIGHT,
    parentId: place.parentId,
    ariaLabel: podAriaLabel(pod, place.revision),
    data: {
      name: pod.name,
      namespace: pod.namespace,
      title: place.title,
      status: pod.status,
      category: pod.category,
      ready: pod.ready,
      restarts: pod.restarts,
      ip: pod.ip,
      revision: place.revision,
      highlighted: false,
    },
  }, ctx);
}

export function containerNode(c: ContainerInput, position: Point, parentId: string, ctx: NodeContext): ContainerFlowNode {
  const { words } = ctx;
  const id = containerId(c.host, c.name);
  const parts = [words.container(c.name, c.service, c.host), c.status];
  if (c.ip !== undefined && c.ip !== '') parts.push(words.ip(c.ip));
  if (c.ports !== undefined && c.ports !== '') parts.push(words.ports(c.ports));
  return withHighlight({
    id,
    type: 'container',
    position,
    width: CONTAINER_WIDTH,
    height: CONTAINER_HEIGHT,
    parentId,
    ariaLabel: parts.join(', '),
    data: { host: c.host, name: c.name, service: c.service, label: c.label ?? c.name, status: c.status, category: c.category, highlighted: false },
  }, ctx);
}

export function serviceAriaLabel(svc: ServiceView): string {
  const address = svc.type === 'ExternalName' ? `ExternalName ${svc.externalName ?? '<none>'}` : `${svc.type} ${svc.clusterIP === 'None' ? 'headless (no cluster IP)' : svc.clusterIP}`;
  const ports = svc.ports === '<none>' ? 'no ports' : `${svc.ports.includes(',') ? 'ports' : 'port'} ${svc.ports}`;
  return `service ${svc.name} in ${svc.namespace}, ${address}, ${ports}, ${endpointSummary(svc)}`;
}

export function serviceNode(svc: ServiceView, position: Point, parentId: string, ctx: NodeContext): ServiceFlowNode {
  return withHighlight({
    id: svc.id,
    type: 'service',
    position,
    width: SERVICE_WIDTH,
    height: SERVICE_HEIGHT,
    parentId,
    ariaLabel: serviceAriaLabel(svc),
    data: {
      namespace: svc.namespace,
      name: svc.name,
      type: svc.type,
      clusterIP: svc.type === 'ExternalName' ? (svc.externalName ?? '<none>') : svc.clusterIP,
      ports: svc.ports,
      summary: endpointSummary(svc),
      serving: svc.type === 'ExternalName' || svc.endpoints.some((e) => e.ready),
      highlighted: false,
    },
  }, ctx);
}

export const AGENT_LABELS = { kubelet: 'kubelet', runtime: 'containerd' } as const;

/** `kubelet/<host>`, `runtime/<host>`: what runs on a node outside any pod (the architecture lesson points at them). */
export function agentId(agent: keyof typeof AGENT_LABELS, host: string): string {
  return `${agent}/${host}`;
}

export function agentNode(agent: keyof typeof AGENT_LABELS, host: string, position: Point, size: { width: number; height: number }, ctx: NodeContext): AgentFlowNode {
  const label = AGENT_LABELS[agent];
  const what = agent === 'kubelet' ? 'kubelet (node agent)' : 'container runtime containerd';
  return withHighlight({
    id: agentId(agent, host),
    type: 'agent',
    position,
    width: size.width,
    height: size.height,
    parentId: `node/${host}`,
    ariaLabel: `${what} on ${host}, running`,
    data: { host, agent, label, highlighted: false },
  }, ctx);
}
