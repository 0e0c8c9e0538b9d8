/**
 * A property of kubectl and the controllers together: whatever sequence of kubectl commands a
 * learner types (create, scale, set image, delete pods, undo, restart, label...), with time
 * passing between them, the cluster settles into a consistent state once left alone.
 * Seeded and small for CI; CONVERGENCE_SEED and CONVERGENCE_RUNS explore further by hand.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { mustResolve, RESOURCE_TYPES, resourceKey, type Deployment, type Pod, type Stored } from '../../../../engine';
import { preloadCommands } from '../../../session/preload';
import { shellOn } from '../../../testing/harness';
import { LiveCluster } from '../testing/live';

beforeAll(() => preloadCommands());

const NAMES = ['web', 'api', 'db'];
const IMAGES = ['nginx', 'nginx:1.24', 'nginx:1.25'];

type Step =
  | { readonly kind: 'command'; readonly line: (pods: readonly string[]) => string }
  | { readonly kind: 'wait'; readonly ms: number };

const name = fc.constantFrom(...NAMES);
const replicas = fc.integer({ min: 0, max: 4 });
const image = fc.constantFrom(...IMAGES);
const command = (make: (pods: readonly string[]) => string): Step => ({ kind: 'command', line: make });

const create = fc.tuple(name, image, replicas).map(([n, i, r]) => command(() => `kubectl create deployment ${n} --image=${i} --replicas=${r}`));

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: create, weight: 3 },
  fc.tuple(name, replicas).map(([n, r]) => command(() => `kubectl scale deployment ${n} --replicas=${r}`)),
  fc.tuple(name, image).map(([n, i]) => command(() => `kubectl set image deployment/${n} nginx=${i}`)),
  fc.nat().map((k) => command((pods) => (pods.length ? `kubectl delete pod ${pods[k % pods.length]} --wait=false` : 'kubectl get pods'))),
  fc.nat().map((k) => command((pods) => (pods.length ? `kubectl delete pod ${pods[k % pods.length]} --now` : 'kubectl get pods'))),
  name.map((n) => command(() => `kubectl rollout undo deployment/${n}`)),
  name.map((n) => command(() => `kubectl rollout restart deployment/${n}`)),
  fc.tuple(name, fc.constantFrom('a', 'b')).map(([n, v]) => command(() => `kubectl label deployment ${n} tier=${v} --overwrite`)),
  name.map((n) => command(() => `kubectl delete deployment ${n} --wait=false`)),
  fc.integer({ min: 0, max: 20_000 }).map((ms): Step => ({ kind: 'wait', ms })),
);

function list<T extends Stored>(c: LiveCluster, resource: string): T[] {
  return c.cluster.store.list<T>(mustResolve(resource));
}

/** The invariants a settled cluster keeps; returns what is wrong, for a readable failure. */
function problems(c: LiveCluster): string[] {
  const out: string[] = [];
  const nodes = new Set(list(c, 'nodes').map((n) => n.metadata.name));
  const pods = list<Stored<Pod>>(c, 'pods');
  for (const d of list<Stored<Deployment>>(c, 'deployments')) {
    const want = d.spec?.replicas ?? 1;
    const st = d.status ?? {};
    if ((st.readyReplicas ?? 0) !== want || (st.updatedReplicas ?? 0) !== want || (st.replicas ?? 0) !== want) {
      out.push(`deployment ${d.metadata.name}: want ${want}, status ${JSON.stringify(st)}`);
    }
  }
  for (const p of pods) {
    if (!p.spec?.nodeName || !nodes.has(p.spec.nodeName)) out.push(`pod ${p.metadata.name} on missing node ${p.spec?.nodeName}`);
    if (p.metadata.deletionTimestamp) out.push(`pod ${p.metadata.name} still terminating`);
  }
  const ips = pods.filter((p) => !p.spec?.hostNetwork && p.status?.podIP).map((p) => p.status!.podIP!);
  const dup = ips.filter((ip, i) => ips.indexOf(ip) !== i);
  if (dup.length) out.push(`duplicate pod IPs ${dup.join(', ')}`);
  // Every owner reference names a live object with that uid; a controller's selector matches what it owns.
  const byUid = new Map<string, Stored>();
  for (const t of RESOURCE_TYPES) for (const o of c.cluster.store.list(t)) byUid.set(o.metadata.uid, o);
  for (const t of RESOURCE_TYPES) {
    for (const o of c.cluster.store.list(t)) {
      for (const ref of o.metadata.ownerReferences ?? []) {
        const owner = byUid.get(ref.uid);
        if (!owner || owner.kind !== ref.kind || owner.metadata.name !== ref.name) out.push(`${resourceKey(t)} ${o.metadata.name}: dangling owner ${ref.kind}/${ref.name}`);
        const labels = (owner as { spec?: { selector?: { matchLabels?: Record<string, string> } } } | undefined)?.spec?.selector?.matchLabels;
        if (ref.controller && labels && Object.entries(labels).some(([k, v]) => o.metadata.labels?.[k] !== v)) {
          out.push(`${resourceKey(t)} ${o.metadata.name}: owned by ${ref.kind}/${ref.name} whose selector does not match it`);
        }
      }
    }
  }
  return out;
}

describe('kubectl commands and the controllers', () => {
  it('converge after any sequence of commands: ready = desired, pods on live nodes, unique IPs, consistent owners', { timeout: 120_000 }, async () => {
    let run = 0;
    await fc.assert(
      // Each sequence starts with a deployment, so that most commands find something to act on.
      fc.asyncProperty(create, fc.array(step, { minLength: 1, maxLength: 12 }), async (first, rest) => {
        const steps = [first, ...rest];
        const c = new LiveCluster(`convergence-${run++}`);
        const sh = shellOn(c.world, 'node1');
        for (const s of steps) {
          if (s.kind === 'wait') {
            c.advance(s.ms);
            continue;
          }
          const pods = c.cluster.store.list(mustResolve('pods'), { namespace: 'default' }).map((p) => p.metadata.name);
          const r = await sh.run(s.line(pods));
          // kubectl may refuse (NotFound, AlreadyExists...), never crash.
          expect(r.exitCode === 0 || r.exitCode === 1, `${s.line(pods)}\n${r.output}`).toBe(true);
          expect(r.output).not.toMatch(/TypeError|undefined|NaN/);
        }
        c.advance(5 * 60_000);
        expect(problems(c)).toEqual([]);
      }),
      { seed: Number(process.env.CONVERGENCE_SEED ?? 20230601), numRuns: Number(process.env.CONVERGENCE_RUNS ?? 6), endOnFailure: true },
    );
  });
});
