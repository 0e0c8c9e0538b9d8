/**
 * ComponentStatus, which the API server computes when asked rather than stores: it probes the
 * scheduler's and the controller manager's /healthz on its own host and etcd. kubectl prints the
 * v1.19+ deprecation warning first. (The real server lists them in Go map order, which varies;
 * we keep one common order.)
 */
import { PORTS, type Stored, type World } from '../../../../engine';
import type { ApiConnection } from '../client';

export const COMPONENT_STATUS_WARNING = 'Warning: v1 ComponentStatus is deprecated in v1.19+\n';

interface Probe {
  readonly name: string;
  readonly port: number;
  readonly healthy: string;
}

const PROBES: readonly Probe[] = [
  { name: 'scheduler', port: PORTS.scheduler, healthy: 'ok' },
  { name: 'controller-manager', port: PORTS.controllerManager, healthy: 'ok' },
  { name: 'etcd-0', port: PORTS.etcdClient, healthy: '{"health":"true","reason":""}' },
];

/** What `GET /api/v1/componentstatuses` answers now. */
export function componentStatuses(conn: ApiConnection, world: World): Stored[] {
  const host = conn.cluster.controlPlaneHost;
  return PROBES.map((p) => {
    const up = world.network.isListening(host, p.port);
    const scheme = p.name === 'etcd-0' ? '' : 'https';
    const condition = up
      ? { type: 'Healthy', status: 'True', message: p.healthy }
      : { type: 'Healthy', status: 'False', error: scheme ? `Get "${scheme}://127.0.0.1:${p.port}/healthz": dial tcp 127.0.0.1:${p.port}: connect: connection refused` : 'etcd cluster is unavailable or misconfigured' };
    return { apiVersion: 'v1', kind: 'ComponentStatus', metadata: { name: p.name, creationTimestamp: null }, conditions: [condition] } as unknown as Stored;
  });
}
