/**
 * A two-node cluster with Weave up (the first lesson's end state) and helpers to run pods on it
 * the way `kubectl run` / `create deployment` would, then read them back as a learner would see
 * them: STATUS, restarts, logs, HTTP answers from another node. Test-only.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Container, Pod, PodSpec } from 'kubernetes-types/core/v1';
import { mustResolve } from '../../api/resources';
import type { Stored } from '../../api/types';
import { networked, type Playground } from '../../cluster/testing/fixtures';
import { podStatusText } from '../../cluster/testing/podTable';
import { httpExchange, type HttpOutcome } from '../../net/client';
import { bytesText, EMPTY_BODY } from '../../net/http';
import { podLogs } from '../access';

const PODS = mustResolve('pods');
const DEPLOYMENTS = mustResolve('deployments');

export const TOLERATE_CONTROL_PLANE = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] as const;

export class PodPlayground {
  readonly p: Playground;

  constructor(seed = 'pods-test') {
    this.p = networked(seed);
  }

  get world() {
    return this.p.world;
  }

  get cluster() {
    return this.p.cluster;
  }

  /** A bare pod, optionally pinned to a node (`kubectl run` lets the scheduler pick). */
  run(name: string, container: Omit<Container, 'name'> & { name?: string }, spec: Partial<PodSpec> = {}): void {
    const created = this.cluster.store.create<Pod>(PODS, {
      metadata: { name, namespace: 'default', labels: { run: name } },
      spec: { containers: [{ name, ...container }], ...spec },
    }, 'user:kubectl');
    if (!created.ok) throw new Error(created.error.message);
    this.world.settle();
  }

  deploy(name: string, image: string, replicas: number, extra: Partial<PodSpec> = {}): void {
    const created = this.cluster.store.create<Deployment>(DEPLOYMENTS, {
      metadata: { name, namespace: 'default', labels: { app: name } },
      spec: {
        replicas, selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: image.replace(/[:@].*$/, '').split('/').pop()!, image }], ...extra } },
      },
    }, 'user:kubectl');
    if (!created.ok) throw new Error(created.error.message);
    this.world.settle();
  }

  pod(name: string): Stored<Pod> | undefined {
    return this.cluster.store.get<Pod>(PODS, 'default', name);
  }

  pods(prefix: string): Stored<Pod>[] {
    return this.cluster.store.list<Pod>(PODS).filter((p) => p.metadata.namespace === 'default' && p.metadata.name.startsWith(prefix));
  }

  status(name: string): string {
    const pod = this.pod(name);
    return pod ? podStatusText(pod) : '(gone)';
  }

  /** The distinct STATUS values seen, sampled every `step` ms for `ms`. */
  statuses(name: string, ms: number, step = 250): string[] {
    const seen: string[] = [];
    for (let t = 0; t < ms; t += step) {
      this.world.advance(step);
      const s = this.status(name);
      if (seen[seen.length - 1] !== s) seen.push(s);
    }
    return seen;
  }

  delete(name: string): void {
    this.cluster.store.delete(PODS, 'default', name, 'user:kubectl');
    this.world.settle();
  }

  /** `kubectl logs [--previous]`, as lines. */
  logs(name: string, previous = false): string[] {
    const r = podLogs(this.cluster, 'default', name, { previous });
    if (!r.ok) throw new Error(r.message);
    return r.log.entries().map((e) => e.line);
  }

  /** One HTTP GET from a node's shell to ip:port; the answer once the clock has moved. */
  get(fromNode: string, ip: string, port: number, path = '/'): HttpOutcome & { text?: string } {
    let result: HttpOutcome | undefined;
    const host = this.world.host(fromNode)!;
    httpExchange(this.world, { node: fromNode, ip: host.ip, name: fromNode }, ip, port, {
      method: 'GET', path, version: '1.1', headers: [['Host', ip], ['User-Agent', 'curl/7.29.0'], ['Accept', '*/*']], body: EMPTY_BODY,
    }, (o) => {
      result = o;
    });
    for (let i = 0; i < 100 && !result; i++) this.world.advance(10);
    if (!result) throw new Error('no answer');
    return result.ok ? { ...result, text: bytesText(result.response.body) } : result;
  }
}
