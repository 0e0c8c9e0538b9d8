/**
 * Docker containers and the traffic between them, from the snapshot, as the diagram shows them
 * (DockerCoins run by docker-compose on a node, before Kubernetes):
 *
 * - each container with docker's own status words ("Up", "Exited (137)") and a colour category;
 * - which side of its host's containers box it sits on: callers (worker, webui) on the left,
 *   the services they call (rng, hasher, redis) on the right, so every flow runs left to right;
 * - the data flows (worker → rng, worker → hasher, worker → redis, webui → redis) from the
 *   model's measured request rates, labelled once per service and target with their total
 *   ("9.8 req/s"), each edge's dash moving at a speed that follows its own rate.
 *
 * Pure, and it reads only the snapshot: the same snapshot always gives the same picture.
 */
import type { PodCategory } from './podStatus';
import type { ContainerInput, DataFlowInput } from './types';
import { diagramWords, type DiagramWords } from './words';

/** What the diagram reads of a snapshot's containers (engine: ContainerSnapshot). */
export interface ContainerFacts {
  readonly name: string;
  readonly project?: string;
  readonly service?: string;
  readonly state: 'created' | 'running' | 'restarting' | 'exited';
  /** Docker's exit code, when the runtime reports it. */
  readonly exitCode?: number;
  readonly ip: string;
  readonly ports: readonly { readonly hostPort: number; readonly containerPort: number }[];
}

/** What the diagram reads of the snapshot's traffic (engine: TrafficEdge). */
export interface TrafficFacts {
  /** "node1/dockercoins_worker_1"; a node name for its shell (curl); "browser". */
  readonly from: string;
  readonly to: string;
  readonly kind: 'http' | 'redis';
  readonly ratePerSecond: number;
  readonly meanLatencyMs: number;
}

/** The parts of a WorldSnapshot this module reads; a WorldSnapshot is one. */
export interface ContainerWorld {
  readonly hosts: readonly { readonly name: string; readonly containers?: readonly ContainerFacts[] }[];
  readonly traffic?: readonly TrafficFacts[];
}

/** DockerCoins' services that call the others and are never called by a container. */
const CALLERS = new Set(['worker', 'webui']);

/** Beyond this many container-to-container edges, the flows of one service to one target merge into one edge. */
export const FLOW_AGGREGATE_THRESHOLD = 60;

export function containerId(host: string, name: string): string {
  return `container/${host}/${name}`;
}

/** "node1/dockercoins_rng_1" → the diagram id of that container, if it is one. */
function endpointId(endpoint: string): string | undefined {
  const slash = endpoint.indexOf('/');
  return slash <= 0 ? undefined : containerId(endpoint.slice(0, slash), endpoint.slice(slash + 1));
}

/** docker ps's STATUS words (without the age) and the colour the diagram gives them. */
export function containerStatus(c: Pick<ContainerFacts, 'state' | 'exitCode'>): { readonly status: string; readonly category: PodCategory } {
  switch (c.state) {
    case 'running': return { status: 'Up', category: 'ready' };
    case 'created': return { status: 'Created', category: 'pending' };
    case 'restarting': return { status: 'Restarting', category: 'starting' };
    case 'exited': {
      const code = c.exitCode;
      // Stopped on purpose (0, or SIGTERM/SIGKILL from docker stop: 143, 137) reads as done, anything else as a failure.
      const stopped = code === undefined || code === 0 || code === 137 || code === 143;
      return { status: code === undefined ? 'Exited' : `Exited (${code})`, category: stopped ? 'completed' : 'failed' };
    }
  }
}

/** The containers to draw, each with its side; callers first, then by service and replica number. */
export function containerInputs(world: ContainerWorld): ContainerInput[] {
  const traffic = (world.traffic ?? []).filter((t) => endpointId(t.from) !== undefined && endpointId(t.to) !== undefined);
  const called = new Set(traffic.map((t) => endpointId(t.to)));
  const calling = new Set(traffic.map((t) => endpointId(t.from)));
  const out: ContainerInput[] = [];
  for (const host of world.hosts) {
    for (const c of host.containers ?? []) {
      const id = containerId(host.name, c.name);
      const side = called.has(id) ? 'right' : calling.has(id) || (c.service !== undefined && CALLERS.has(c.service)) ? 'left' : 'right';
      out.push({
        host: host.name,
        name: c.name,
        label: shortName(c),
        ...(c.service === undefined ? {} : { service: c.service }),
        ...containerStatus(c),
        side,
        ip: c.ip,
        ports: c.ports.map((p) => `${p.hostPort}→${p.containerPort}`).join(', '),
      });
    }
  }
  return out;
}

/** What compose's log prefix calls it: the name without the project ("worker_1"). */
function shortName(c: ContainerFacts): string {
  return c.project !== undefined && c.name.startsWith(`${c.project}_`) ? c.name.slice(c.project.length + 1) : c.name;
}

interface Group {
  readonly service: string;
  readonly target: string;
  readonly targetLabel: string;
  readonly kind: 'http' | 'redis';
  readonly edges: TrafficFacts[];
}

/**
 * The data-flow edges between containers. Endpoints that are not containers (the browser, a node's
 * shell running curl) are left out: the picture shows the app's own traffic.
 *
 * Labels sit by the arrowhead, one per calling service and target: the target's side of the gap is
 * where edges are told apart (they fan out from a worker but arrive at distinct services). A target
 * called by several services (redis: worker and webui) stacks their labels, each naming its caller.
 */
export function trafficFlows(world: ContainerWorld, containers: readonly ContainerInput[], words: DiagramWords = diagramWords()): DataFlowInput[] {
  const byId = new Map(containers.map((c) => [containerId(c.host, c.name), c]));
  const groups = new Map<string, Group>();
  let edgeCount = 0;
  for (const t of world.traffic ?? []) {
    const from = endpointId(t.from);
    const to = endpointId(t.to);
    const source = from === undefined ? undefined : byId.get(from);
    const target = to === undefined ? undefined : byId.get(to);
    if (source === undefined || target === undefined || to === undefined) continue;
    const service = source.service ?? source.label ?? source.name;
    const key = `${source.host}/${service}>${to}>${t.kind}`;
    const group = groups.get(key) ?? { service, target: to, targetLabel: target.service ?? target.label ?? target.name, kind: t.kind, edges: [] };
    groups.set(key, group);
    group.edges.push(t);
    edgeCount++;
  }
  const callersOf = new Map<string, string[]>();
  for (const g of groups.values()) callersOf.set(g.target, [...(callersOf.get(g.target) ?? []), `${g.service}>${g.kind}`]);
  for (const list of callersOf.values()) list.sort();

  const aggregate = edgeCount > FLOW_AGGREGATE_THRESHOLD;
  const flows: DataFlowInput[] = [];
  for (const group of groups.values()) {
    const total = group.edges.reduce((sum, e) => sum + e.ratePerSecond, 0);
    const callers = callersOf.get(group.target) ?? [];
    const slot = { index: callers.indexOf(`${group.service}>${group.kind}`), count: callers.length };
    const label = `${callers.length > 1 ? `${group.service} ` : ''}${total.toFixed(1)} req/s`;
    const what = words.kind(group.kind);
    if (aggregate) {
      const first = group.edges[0]!;
      flows.push({
        id: `flow/${first.from}/${first.to}/${group.kind}`,
        source: endpointId(first.from)!,
        target: group.target,
        label,
        labelSlot: slot,
        active: total > 0,
        ratePerSecond: total,
        ariaLabel: words.mergedFlow(what, group.edges.length, group.service, group.targetLabel, total.toFixed(1)),
      });
      continue;
    }
    group.edges.forEach((e, i) => flows.push({
      id: `flow/${e.from}/${e.to}/${group.kind}`,
      source: endpointId(e.from)!,
      target: group.target,
      // One label per service and target: ten labels over ten parallel edges would be unreadable.
      ...(i === 0 ? { label, labelSlot: slot } : {}),
      active: e.ratePerSecond > 0,
      ratePerSecond: e.ratePerSecond,
      ariaLabel: words.flow(what, e.from.slice(e.from.indexOf('/') + 1), e.to.slice(e.to.indexOf('/') + 1), e.ratePerSecond.toFixed(1), Math.round(e.meanLatencyMs)),
    }));
  }
  return flows;
}

/**
 * How long one dash period takes to travel: inversely proportional to the rate, so a busier edge
 * moves faster. Snapped to steps of a third of an octave, so small changes in the measured rate
 * don't restart the animation every second.
 */
export function dashDuration(ratePerSecond: number): number {
  if (!(ratePerSecond > 0)) return MAX_DASH_SECONDS;
  const raw = DASH_SECONDS_AT_ONE_PER_SECOND / ratePerSecond;
  const snapped = 2 ** (Math.round(Math.log2(raw) * 3) / 3);
  return Math.round(Math.min(MAX_DASH_SECONDS, Math.max(MIN_DASH_SECONDS, snapped)) * 100) / 100;
}

const DASH_SECONDS_AT_ONE_PER_SECOND = 3;
const MIN_DASH_SECONDS = 0.2;
const MAX_DASH_SECONDS = 6;
