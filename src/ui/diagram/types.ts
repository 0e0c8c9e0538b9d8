/**
 * The node and edge shapes toFlow produces (React Flow's Node and Edge types: React Flow draws the
 * nodes, edges/EdgeLayer.tsx the edges). Types only: importing this module never
 * loads react-flow itself, so toFlow and its tests stay plain TypeScript.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Membership } from './model';
import type { PodCategory } from './podStatus';
import type { Lang } from '../../store';

export type LayoutDirection = 'row' | 'column';

export interface HostNodeData extends Record<string, unknown> {
  readonly name: string;
  readonly ip: string | undefined;
  readonly membership: Membership;
  readonly role: string | undefined;
  /** The badge: kubectl's node STATUS, or a phrase when the host is not (yet) a node. */
  readonly badge: string;
  readonly ready: boolean;
  readonly highlighted: boolean;
}

export interface SectionNodeData extends Record<string, unknown> {
  readonly kind: 'control-plane' | 'pending' | 'containers' | 'services' | 'workload';
  readonly title: string;
  readonly highlighted: boolean;
}

/** One status line of an aggregate: how many of its pods kubectl shows with that STATUS. */
export interface StatusCount {
  readonly status: string;
  readonly category: PodCategory;
  readonly count: number;
}

/** Many pods of one workload on one host, drawn as one box with counts by status (hostBody.ts, AGGREGATE_ABOVE). */
export interface AggregateNodeData extends Record<string, unknown> {
  /** "web deployment: 500 pods". */
  readonly title: string;
  /** Most pods first. */
  readonly counts: readonly StatusCount[];
  readonly highlighted: boolean;
}

export interface PodNodeData extends Record<string, unknown> {
  readonly name: string;
  readonly namespace: string;
  /** A plain-words title above the name ("API server"), for the control-plane pods. */
  readonly title: string | undefined;
  readonly status: string;
  readonly category: PodCategory;
  readonly ready: string;
  readonly restarts: number;
  readonly ip: string | undefined;
  /** During a rolling update: which ReplicaSet the pod comes from ("new · rev 2"), `current` for the newest. */
  readonly revision: RevisionTag | undefined;
  readonly highlighted: boolean;
}

export interface RevisionTag {
  readonly label: string;
  readonly current: boolean;
}

/** A Service: kubectl get svc's columns and how many pods answer. */
export interface ServiceNodeData extends Record<string, unknown> {
  readonly namespace: string;
  readonly name: string;
  readonly type: string;
  readonly clusterIP: string;
  readonly ports: string;
  /** "6 endpoints", "no endpoints", "2 endpoints, 1 not ready". */
  readonly summary: string;
  /** Whether any endpoint is ready (the colour cue: a Service nobody answers is drawn dashed). */
  readonly serving: boolean;
  readonly highlighted: boolean;
}

/** A node agent that is not a pod: the kubelet, the container runtime. */
export interface AgentNodeData extends Record<string, unknown> {
  readonly host: string;
  readonly agent: 'kubelet' | 'runtime';
  readonly label: string;
  readonly highlighted: boolean;
}

export interface ContainerNodeData extends Record<string, unknown> {
  readonly host: string;
  readonly name: string;
  /** The compose service ("worker"), shown as the node's title; undefined for a plain `docker run`. */
  readonly service: string | undefined;
  /** The name as compose's log prefix shows it ("worker_1"). */
  readonly label: string;
  readonly status: string;
  readonly category: PodCategory;
  readonly highlighted: boolean;
}

export type HostFlowNode = Node<HostNodeData, 'host'>;
export type SectionFlowNode = Node<SectionNodeData, 'section'>;
export type PodFlowNode = Node<PodNodeData, 'pod'>;
export type AggregateFlowNode = Node<AggregateNodeData, 'aggregate'>;
export type ContainerFlowNode = Node<ContainerNodeData, 'container'>;
export type ServiceFlowNode = Node<ServiceNodeData, 'service'>;
export type AgentFlowNode = Node<AgentNodeData, 'agent'>;
export type DiagramNode = HostFlowNode | SectionFlowNode | PodFlowNode | AggregateFlowNode | ContainerFlowNode | ServiceFlowNode | AgentFlowNode;

export type EdgeKind = 'overlay' | 'flow' | 'service' | 'packet';

/**
 * How a Service's edge reaches a pod: down from the Service to its own level in the gap above the
 * hosts (`trunkY`, in flow coordinates), across to a lane `bus` px beside the pod's column, down that
 * lane and into the pod's side, so edges run in the hosts' margins instead of over other pods.
 */
export interface ServiceRoute {
  readonly trunkY: number;
  readonly bus: number;
}

export interface LinkEdgeData extends Record<string, unknown> {
  readonly kind: EdgeKind;
  /** True when the animation budget or reduced motion turned a wanted animation off. */
  readonly stilled: boolean;
  /** Seconds per dash period of a moving flow: shorter when the rate is higher. */
  readonly duration?: number;
  /** Where the label goes: by the arrowhead, `index` of `count` stacked labels at that target; mid-edge when absent. */
  readonly labelSlot?: LabelSlot;
  /** Service edges: the route through the margins. */
  readonly route?: ServiceRoute;
  /** Service edges to a not-ready endpoint (no traffic goes there): drawn dotted. */
  readonly notReady?: boolean;
  /** A lesson step points at this edge or at the Service it leaves. */
  readonly highlighted?: boolean;
}

export interface LabelSlot {
  readonly index: number;
  readonly count: number;
}

export type DiagramEdge = Edge<LinkEdgeData, 'link'>;

export interface Flow {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

/** A compose container to draw inside its host (DockerCoins before Kubernetes). */
export interface ContainerInput {
  readonly host: string;
  readonly name: string;
  readonly status: string;
  readonly category: PodCategory;
  /** Shown name, compose's log prefix ("worker_1"); the full name when absent. */
  readonly label?: string;
  readonly service?: string;
  /** Callers on the left, the services they call on the right (see containers.ts); right when absent. */
  readonly side?: 'left' | 'right';
  readonly ip?: string;
  /** Published ports, "8001→80". */
  readonly ports?: string;
}

/** Traffic between two diagram elements (DockerCoins worker → rng, a Service → its pods...). */
export interface DataFlowInput {
  readonly id: string;
  /** Diagram ids: `pod/…`, `container/…`, `svc/…`, `node/…`. */
  readonly source: string;
  readonly target: string;
  readonly label?: string;
  /** Whether data moves right now (animated, within the budget). */
  readonly active: boolean;
  /** Measured requests per second: how fast the dashes move. */
  readonly ratePerSecond?: number;
  /** Put the label by the arrowhead, stacked with the target's other labels. */
  readonly labelSlot?: LabelSlot;
  /** What a screen reader hears for the edge; a generic phrase when absent. */
  readonly ariaLabel?: string;
}

export interface FlowOptions {
  /** The language of the containers' and flows' words (the rest is kubectl's English); English when absent. */
  readonly lang?: Lang;
  /** Honour prefers-reduced-motion: no animated edges at all. */
  readonly reducedMotion?: boolean;
  /** Hosts side by side (wide screens) or stacked (phones). */
  readonly direction?: LayoutDirection;
  /** Diagram ids to emphasise (a lesson step pointing at something). */
  readonly highlight?: readonly string[];
  readonly containers?: readonly ContainerInput[];
  readonly flows?: readonly DataFlowInput[];
}
