/**
 * Where containers go inside their host's "containers" box: two columns, callers (worker, webui) on
 * the left and the services they call (rng, hasher, redis) on the right, so each data flow crosses
 * the gap between them left to right, with room for its label. The shorter column is centred.
 */
import { CONTAINER_HEIGHT, CONTAINER_WIDTH, GAP, GROUP_HEADER, GROUP_PAD, HOST_CONTENT_WIDTH, type Point } from './layout';
import type { ContainerInput } from './types';

export interface PlacedContainer {
  readonly container: ContainerInput;
  readonly position: Point;
}

export interface ContainerBox {
  /** Left column first, each top to bottom. */
  readonly placed: readonly PlacedContainer[];
  readonly height: number;
}

const COLUMN_X = { left: GROUP_PAD, right: HOST_CONTENT_WIDTH - GROUP_PAD - CONTAINER_WIDTH } as const;
const ROW = CONTAINER_HEIGHT + GAP;

export function layoutContainers(containers: readonly ContainerInput[]): ContainerBox {
  const left = containers.filter((c) => c.side === 'left').sort(byServiceThenNumber);
  const right = containers.filter((c) => c.side !== 'left').sort(byServiceThenNumber);
  const rows = Math.max(left.length, right.length);
  const column = (list: readonly ContainerInput[], side: 'left' | 'right'): PlacedContainer[] => {
    const offset = (rows - list.length) / 2;
    return list.map((container, i) => ({ container, position: { x: COLUMN_X[side], y: GROUP_HEADER + (offset + i) * ROW } }));
  };
  return { placed: [...column(left, 'left'), ...column(right, 'right')], height: GROUP_HEADER + rows * ROW - GAP + GROUP_PAD };
}

/** worker_2 before worker_10: by service, then the replica number compose gave it, then name. */
function byServiceThenNumber(a: ContainerInput, b: ContainerInput): number {
  return compare(a.service ?? a.name, b.service ?? b.name) || replica(a.name) - replica(b.name) || compare(a.name, b.name);
}

function replica(name: string): number {
  const match = /_(\d+)$/.exec(name);
  return match === null ? 0 : Number(match[1]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
