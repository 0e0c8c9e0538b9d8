/**
 * nodeTypes and edgeTypes as module constants: React Flow remounts every node when it receives a new
 * object for them, so they must never be rebuilt inside a component.
 */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { AgentNode } from './nodes/AgentNode';
import { AggregateNode } from './nodes/AggregateNode';
import { ContainerNode } from './nodes/ContainerNode';
import { HostNode } from './nodes/HostNode';
import { PodNode } from './nodes/PodNode';
import { SectionNode } from './nodes/SectionNode';
import { ServiceNode } from './nodes/ServiceNode';
import { LinkEdge } from './edges/LinkEdge';

export const NODE_TYPES = {
  host: HostNode,
  section: SectionNode,
  pod: PodNode,
  aggregate: AggregateNode,
  container: ContainerNode,
  service: ServiceNode,
  agent: AgentNode,
} satisfies NodeTypes;

export const EDGE_TYPES = {
  link: LinkEdge,
} satisfies EdgeTypes;
