/**
 * The READY, STATUS and RESTARTS cells of `kubectl get pods`. The status itself is the API's table
 * printer (engine's podTableStatus); kubectl adds the "N (Xm ago)" form of RESTARTS (v1.22+).
 */
import { podTableStatus, type Pod } from '../../../../engine';
import { humanDuration } from '../../../format/duration';

export interface PodSummary {
  readonly ready: string;
  readonly status: string;
  readonly restarts: string;
}

export function podSummary(pod: Pod, nowMs: number): PodSummary {
  const s = podTableStatus(pod);
  const restarts = s.lastRestartMs > 0 ? `${s.restarts} (${humanDuration(nowMs - s.lastRestartMs)} ago)` : String(s.restarts);
  return { ready: `${s.readyCount}/${s.containerCount}`, status: s.status, restarts };
}
