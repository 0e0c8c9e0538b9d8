/**
 * toFlow for a component, recomputed only when what it depends on changes. The store hands over a
 * new snapshot object every frame (the clock moves); rebuilding and comparing a 100-pod picture 60
 * times a second would cost frames for nothing, so the snapshot is compared by `snapshotKey`.
 */
import { useRef } from 'react';
import type { WorldSnapshot } from '../../engine';
import { snapshotKey, stabilizeFlow } from './stable';
import { toFlow } from './toFlow';
import type { Flow, FlowOptions, LayoutDirection } from './types';
import type { Lang } from '../../store';

export interface DiagramFlowInput {
  readonly snapshot: WorldSnapshot;
  readonly reducedMotion: boolean;
  readonly direction: LayoutDirection;
  readonly highlight: readonly string[] | undefined;
  readonly containers: FlowOptions['containers'];
  readonly flows: FlowOptions['flows'];
  readonly lang: Lang;
}

interface Cached {
  readonly deps: readonly unknown[];
  readonly flow: Flow;
}

export function useDiagramFlow(input: DiagramFlowInput): Flow {
  const cache = useRef<Cached | undefined>(undefined);
  const { snapshot, reducedMotion, direction, highlight, containers, flows, lang } = input;
  const deps = [snapshotKey(snapshot), reducedMotion, direction, highlight === undefined ? '' : highlight.join('\n'), containers, flows, lang];
  const cached = cache.current;
  if (cached !== undefined && deps.every((d, i) => Object.is(d, cached.deps[i]))) return cached.flow;
  const options: FlowOptions = {
    reducedMotion,
    direction,
    lang,
    ...(highlight === undefined ? {} : { highlight }),
    ...(containers === undefined ? {} : { containers }),
    ...(flows === undefined ? {} : { flows }),
  };
  // Rendering may run more than once for one commit; the cache only ever holds a correct picture
  // for its deps, so a discarded render leaves nothing wrong behind.
  const flow = stabilizeFlow(cached?.flow, toFlow(snapshot, options));
  cache.current = { deps, flow };
  return flow;
}
