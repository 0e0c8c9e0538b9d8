/**
 * DockerCoins under docker-compose on node1, as snapshots: the five services' containers with the
 * addresses compose gives them on dockercoins_default, and the traffic the model measures between
 * them (one worker: ~3.3 units of work per second, so ~3.3 req/s to rng and to hasher, ~0.8 INCRBY
 * per second to redis; the web UI's two Redis reads per poll while the page is open).
 */
import type { ContainerSnapshot, WorldSnapshot } from '../../../engine';
import { host, world } from './builders';
import { NODE1_IP, NODE2_IP } from './fixtures';

const PROJECT = 'dockercoins';

type State = ContainerSnapshot['state'];
type TrafficEdge = WorldSnapshot['traffic'][number];

export function composeContainer(service: string, n: number, ip: string, state: State = 'running', published?: number): ContainerSnapshot {
  return {
    id: `${service}${n}`.padEnd(64, '0'),
    name: `${PROJECT}_${service}_${n}`,
    project: PROJECT,
    service,
    image: service === 'redis' ? 'redis' : `${PROJECT}_${service}`,
    state,
    ip: state === 'running' ? ip : '',
    ports: published === undefined ? [] : [{ hostIp: '0.0.0.0', hostPort: published, containerPort: 80, protocol: 'tcp' }],
  };
}

export function edge(from: string, to: string, kind: TrafficEdge['kind'], ratePerSecond: number, meanLatencyMs = 100): TrafficEdge {
  return { from: `node1/${PROJECT}_${from}`, to: `node1/${PROJECT}_${to}`, kind, ratePerSecond, meanLatencyMs, ...(kind === 'http' ? { path: to.startsWith('rng') ? '/32' : '/' } : {}) };
}

/** The app's containers, with `workers` workers (compose numbers them from 1). */
export function dockercoinsContainers(workers: number, state: State = 'running'): ContainerSnapshot[] {
  return [
    composeContainer('rng', 1, '172.18.0.2', state, 8001),
    composeContainer('hasher', 1, '172.18.0.3', state, 8002),
    composeContainer('webui', 1, '172.18.0.4', state, 8000),
    composeContainer('redis', 1, '172.18.0.5', state),
    ...Array.from({ length: workers }, (_, i) => composeContainer('worker', i + 1, `172.18.0.${6 + i}`, state)),
  ];
}

/** What the model measures: each worker's share of rng's ~10/s ceiling, and webui polling if `webuiOpen`. */
export function dockercoinsTraffic(workers: number, webuiOpen = true): TrafficEdge[] {
  const perWorker = Math.min(10 / 3, 10 / workers);
  const traffic: TrafficEdge[] = [];
  for (let i = 1; i <= workers; i++) {
    traffic.push(edge(`worker_${i}`, 'rng_1', 'http', perWorker, workers > 3 ? 700 : 100));
    traffic.push(edge(`worker_${i}`, 'hasher_1', 'http', perWorker, 100));
    traffic.push(edge(`worker_${i}`, 'redis_1', 'redis', Math.round((perWorker / 4) * 100) / 100, 0.4));
  }
  if (webuiOpen) {
    traffic.push(edge('webui_1', 'redis_1', 'redis', 2, 0.3));
    traffic.push({ from: 'browser', to: `node1/${PROJECT}_webui_1`, kind: 'http', path: '/json', ratePerSecond: 1, meanLatencyMs: 2 });
  }
  return traffic;
}

/** node1 running DockerCoins (no cluster), node2 bare. */
export function dockercoinsRunning(workers = 1, options: { webuiOpen?: boolean; traffic?: readonly TrafficEdge[] } = {}): WorldSnapshot {
  return world(
    [host('node1', NODE1_IP, false, undefined, dockercoinsContainers(workers)), host('node2', NODE2_IP)],
    [],
    1,
    options.traffic ?? dockercoinsTraffic(workers, options.webuiOpen ?? true),
  );
}

/** After `docker-compose stop`: every container exited (the worker killed after its 10 s), no traffic. */
export function dockercoinsStopped(): WorldSnapshot {
  const containers = dockercoinsContainers(1, 'exited');
  return world([host('node1', NODE1_IP, false, undefined, containers), host('node2', NODE2_IP)], [], 2, []);
}
