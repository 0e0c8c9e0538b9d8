/**
 * nodeTypes as a module constant: React Flow remounts every node when it receives a new
 * object for it, so it must never be rebuilt inside a component.
 */
import type { NodeTypes } from '@xyflow/react';
import { AgentNode } from './nodes/AgentNode';
import { AggregateNode } from './nodes/AggregateNode';
import { ContainerNode } from './nodes/ContainerNode';
import { HostNode } from './nodes/HostNode';
import { PodNode } from './nodes/PodNode';
import { SectionNode } from './nodes/SectionNode';
import { ServiceNode } from './nodes/ServiceNode';

export const NODE_TYPES = {
  host: HostNode,
  section: SectionNode,
  pod: PodNode,
  aggregate: AggregateNode,
  container: ContainerNode,
  service: ServiceNode,
  agent: AgentNode,
} satisfies NodeTypes;

