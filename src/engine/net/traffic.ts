/**
 * Traffic accounting: every completed request between two endpoints is counted in a sliding
 * window (20 slots of 250 ms = 5 s), so the diagram's edges follow the model's real rates and calm
 * down to nothing within 5 s of the app stopping. O(1) per request, no allocation once an edge
 * exists; edges idle for a whole window are dropped.
 */
import type { World } from '../world';
import { setTrafficProbe, type TrafficEdge } from './trafficProbe';

export type TrafficKind = TrafficEdge['kind'];

const SLOT_MS = 250;
const SLOTS = 20;
export const TRAFFIC_WINDOW_MS = SLOT_MS * SLOTS;

class Edge {
  readonly counts = new Int32Array(SLOTS);
  readonly latency = new Float64Array(SLOTS);
  readonly slotIds = new Int32Array(SLOTS).fill(-1);
  lastSlot = -1;
  path: string | undefined;

  constructor(
    readonly from: string,
    readonly to: string,
    readonly kind: TrafficKind,
  ) {}

  add(slot: number, latencyMs: number): void {
    const i = slot % SLOTS;
    if (this.slotIds[i] !== slot) {
      this.slotIds[i] = slot;
      this.counts[i] = 0;
      this.latency[i] = 0;
    }
    this.counts[i]!++;
    this.latency[i]! += latencyMs;
    this.lastSlot = slot;
  }
}

export class TrafficMeter {
  // from → to → kind: three lookups and no key strings built per request.
  private readonly edges = new Map<string, Map<string, Map<TrafficKind, Edge>>>();

  /** Counts one completed request (or a failed one: its latency is how long the client waited). */
  record(from: string, to: string, kind: TrafficKind, path: string | undefined, latencyMs: number, now: number): void {
    let byTo = this.edges.get(from);
    if (!byTo) this.edges.set(from, (byTo = new Map()));
    let byKind = byTo.get(to);
    if (!byKind) byTo.set(to, (byKind = new Map()));
    let edge = byKind.get(kind);
    if (!edge) byKind.set(kind, (edge = new Edge(from, to, kind)));
    edge.add(Math.floor(now / SLOT_MS), latencyMs);
    if (path !== undefined) edge.path = path;
  }

  /** Rates over the window ending now, sorted by from, to, kind; idle edges are forgotten. */
  rates(now: number): TrafficEdge[] {
    const current = Math.floor(now / SLOT_MS);
    // The current slot is partly elapsed: the window is 19 whole slots plus that part.
    const windowMs = (SLOTS - 1) * SLOT_MS + (now - current * SLOT_MS) + 1;
    const out: TrafficEdge[] = [];
    for (const [from, byTo] of this.edges) {
      for (const [to, byKind] of byTo) {
        for (const [kind, edge] of byKind) {
          if (edge.lastSlot <= current - SLOTS) {
            byKind.delete(kind);
            continue;
          }
          let count = 0;
          let latency = 0;
          for (let i = 0; i < SLOTS; i++) {
            const id = edge.slotIds[i]!;
            if (id > current - SLOTS && id <= current) {
              count += edge.counts[i]!;
              latency += edge.latency[i]!;
            }
          }
          if (count === 0) continue;
          out.push({
            from, to, kind, ...(edge.path !== undefined ? { path: edge.path } : {}),
            ratePerSecond: Math.round((count * 1000 * 100) / windowMs) / 100,
            meanLatencyMs: Math.round((latency / count) * 10) / 10,
          });
        }
        if (byKind.size === 0) byTo.delete(to);
      }
      if (byTo.size === 0) this.edges.delete(from);
    }
    return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  }
}

const meters = new WeakMap<World, TrafficMeter>();

/** The world's meter, created (and shown to the snapshot) on first use. */
export function trafficMeter(world: World): TrafficMeter {
  let meter = meters.get(world);
  if (!meter) {
    const created = new TrafficMeter();
    meters.set(world, created);
    setTrafficProbe(world, (now) => created.rates(now));
    meter = created;
  }
  return meter;
}
