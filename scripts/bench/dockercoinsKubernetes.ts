/**
 * DockerCoins on Kubernetes: CPU for one simulated hour of the workshop's "our app on Kube" (five
 * Deployments from the Docker Hub images, redis/rng/hasher behind ClusterIP Services, webui on a
 * NodePort, ten workers over two nodes), every request resolved by CoreDNS and routed by
 * kube-proxy, as JSON lines like scripts/bench/engine.ts.
 * Run: node --import tsx scripts/bench/dockercoinsKubernetes.ts (scripts/bench.mjs runs it).
 */
import { performance } from 'node:perf_hooks';
import { applyWeaveNow, hashStats, kubeadmInitNow, kubeadmJoinNow, mustResolve, World, type Deployment, type Service } from '../../src/engine';

function emit(name: string, value: number, unit: string, budget?: number): void {
  console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, ...(budget === undefined ? {} : { budget }) }));
}

const HOUR_MS = 3_600_000;
const TOLERATE = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }];

function cluster(seed: string, workers: number): World {
  const world = new World({ seed });
  const init = kubeadmInitNow(world, 'node1');
  if (!init.ok) throw new Error(init.error);
  const { cluster: c, token } = init.value;
  const join = kubeadmJoinNow(world, 'node2', c, token);
  if (!join.ok) throw new Error(join.error);
  world.advance(20_000);
  applyWeaveNow(c);
  world.advance(60_000);
  const deploy = (name: string, image: string, replicas = 1) => c.store.create<Deployment>(mustResolve('deployments'), {
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: {
      replicas, selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { tolerations: TOLERATE, containers: [{ name, image }] } },
    },
  }, 'user:kubectl');
  const expose = (name: string, port: number, type = 'ClusterIP') => c.store.create<Service>(mustResolve('services'), {
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { type, selector: { app: name }, ports: [{ port, protocol: 'TCP', targetPort: port }] },
  }, 'user:kubectl');
  deploy('redis', 'redis');
  for (const app of ['rng', 'hasher', 'webui']) deploy(app, `dockercoins/${app}:v0.1`);
  deploy('worker', 'dockercoins/worker:v0.1', workers);
  expose('redis', 6379);
  expose('rng', 80);
  expose('hasher', 80);
  expose('webui', 80, 'NodePort');
  world.advance(60_000);
  return world;
}

// Ten simulated minutes first, in a world of their own: the steady cost, not the JIT compiling it.
cluster('bench-dockercoins-k8s-warm-up', 10).advance(600_000);

const world = cluster('bench-dockercoins-k8s-10', 10);
const before = hashStats(world)[0]?.hashes ?? 0;
const cpu = process.cpuUsage();
const wall = performance.now();
world.advance(HOUR_MS);
const used = process.cpuUsage(cpu);
const wallMs = performance.now() - wall;
const mined = ((hashStats(world)[0]?.hashes ?? 0) - before) / (HOUR_MS / 1000);
// The design's budget for an hour of DockerCoins: 1 s of CPU. Here it runs as pods, through kube-proxy.
emit('engine.dockercoins-k8s.1h-10-workers.cpu', (used.user + used.system) / 1000, 'ms CPU', 1000);
emit('engine.dockercoins-k8s.1h-10-workers.wall', wallMs, 'ms');
emit('engine.dockercoins-k8s.10-workers.hashes-per-second', mined, 'hashes/s');
