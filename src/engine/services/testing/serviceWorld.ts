/**
 * A two-node cluster (kubeadm init, join, Weave) with helpers for service tests: workloads whose
 * pods answer on their address with their own name (a stand-in server, as agnhost's
 * serve-hostname does in Kubernetes' own e2e tests), Services, and connections through the
 * world's Network as any client makes them.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { mustResolve } from '../../api/resources';
import type { Stored } from '../../api/types';
import type { Cluster } from '../../cluster/cluster';
import { networked } from '../../cluster/testing/fixtures';
import type { Unsubscribe } from '../../emitter';
import type { World } from '../../world';

const R = { pods: mustResolve('pods'), services: mustResolve('services'), deployments: mustResolve('deployments') };

/** What the stand-in servers put on their listeners. */
export interface WhoAmI {
  readonly kind: 'whoami';
  readonly pod: string;
}

export const SERVE_PORT = 9376;
const IMAGE = 'registry.k8s.io/e2e-test-images/agnhost:2.39';

export class ServiceWorld {
  readonly world: World;
  readonly cluster: Cluster;
  private readonly serving = new Map<string, Unsubscribe>();

  constructor(seed: string) {
    const p = networked(seed);
    this.world = p.world;
    this.cluster = p.cluster;
  }

  advance(ms: number): this {
    this.world.advance(ms);
    return this;
  }

  /** A Deployment whose pods tolerate the control-plane taint, so they spread over both nodes. */
  deploy(name: string, replicas: number, labels: Record<string, string> = { app: name }): void {
    const d: Deployment = {
      metadata: { name, namespace: 'default', labels },
      spec: {
        replicas,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
            containers: [{ name: 'agnhost', image: IMAGE, command: ['sleep', '86400'], ports: [{ name: 'http', containerPort: SERVE_PORT }] }],
          },
        },
      },
    };
    this.must(this.cluster.store.create(R.deployments, d, 'user:kubectl'));
  }

  scale(name: string, replicas: number): void {
    this.must(this.cluster.store.mutate<Deployment>(R.deployments, 'default', name, 'user:kubectl', (d) => {
      (d.spec as { replicas?: number }).replicas = replicas;
    }));
  }

  expose(name: string, spec: NonNullable<Service['spec']>): Stored<Service> {
    return this.must(this.cluster.store.create<Service>(R.services, { metadata: { name, namespace: 'default' }, spec }, 'user:kubectl'));
  }

  pods(prefix: string): Stored<Pod>[] {
    return this.cluster.store.list<Pod>(R.pods, { namespace: 'default' }).filter((p) => p.metadata.name.startsWith(`${prefix}-`));
  }

  /** Every running pod of the prefix answers on its address: `WhoAmI` with its name. */
  serve(prefix: string): void {
    for (const pod of this.pods(prefix)) {
      const ip = pod.status?.podIP;
      const node = pod.spec?.nodeName;
      if (!ip || !node || this.serving.has(pod.metadata.name)) continue;
      const service: WhoAmI = { kind: 'whoami', pod: pod.metadata.name };
      this.serving.set(pod.metadata.name, this.world.network.listen({ host: node, address: ip, port: SERVE_PORT, protocol: 'TCP', process: 'agnhost', service }));
    }
  }

  /** Who answers a connection from `from` to ip:port: a pod's name, or why nobody does. */
  connect(from: string, ip: string, port: number, source?: string): string {
    const r = this.world.network.dial(from, ip, port, 'TCP', source);
    if (!r.ok) return r.reason;
    const s = r.listener.service as Partial<WhoAmI> & { kind?: string };
    return s.kind === 'whoami' ? s.pod! : s.kind ?? r.listener.process;
  }

  /** How many of `n` connections each answer got. */
  spread(from: string, ip: string, port: number, n: number, source?: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const who = this.connect(from, ip, port, source);
      counts.set(who, (counts.get(who) ?? 0) + 1);
    }
    return counts;
  }

  private must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }
}
