/**
 * The kubelet's container runtime for pods (containerd's CreateContainer): from a pod worker's
 * container, the instance that will run — its environment (or the CreateContainerConfigError
 * that prevents it), its command line with `$(VAR)` references expanded, its files and the program
 * it runs. Programs come from the world's table when a test installed one, else from the pods'
 * own catalogue (DockerCoins, nginx, jpetazzo/color…).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Cluster } from '../cluster/cluster';
import { DNS_SERVICE_IP } from '../cluster/constants';
import type { ContainerRun, PodWorker } from '../cluster/kubelet/podWorker';
import type { CreateResult } from '../cluster/kubelet/runtimeEnv';
import { programTableOf } from '../containers/runtime';
import type { ProgramTable } from '../containers/process';
import { mustResolve } from '../api/resources';
import { POD_PROGRAMS } from '../apps/podPrograms';
import { base64Decode } from '../util/base64';
import type { World } from '../world';
import { containerEnv, expandRefs } from './env';
import { podNetworkHooks } from './hooks';
import { effectiveArgv, podImage, repositoryOf } from './images';
import { containerFiles } from './podFs';
import { PodContainer } from './podContainer';
import { chooseProgram } from './programs';

const PODS = mustResolve('pods');

export interface PodRuntimeHost {
  readonly world: World;
  readonly cluster: Cluster | undefined;
  readonly nodeName: string;
  readonly hostName: string;
  readonly hostIp: string;
}

/** The world's program table (test doubles) over the pods' own. */
function programs(world: World): ProgramTable {
  const installed = programTableOf(world);
  return Object.keys(installed).length === 0 ? POD_PROGRAMS : { ...POD_PROGRAMS, ...installed };
}

/** A service account token as the kubelet projects it: a signed JWT (here, seeded bytes shaped like one). */
function serviceAccountToken(world: World, worker: PodWorker): string {
  const r = world.random.fork(`serviceaccount-token/${worker.uid}`);
  const part = (n: number): string => r.string('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', n);
  return `eyJhbGciOiJSUzI1NiIsImtpZCI6I${part(57)}.${part(618)}.${part(342)}`;
}

export function createPodContainer(host: PodRuntimeHost, worker: PodWorker, c: ContainerRun, id: string): CreateResult {
  const { world, cluster } = host;
  const image = podImage(c.imageRef);
  const hostNetwork = worker.hostNetwork;
  const ip = worker.podIp ?? host.hostIp;
  const hostname = hostNetwork ? host.hostName : worker.spec.hostname ?? worker.name;
  const stored = cluster?.store.get<Pod>(PODS, worker.namespace, worker.name);
  const pod: Pod = stored && stored.metadata.uid === worker.uid
    ? stored
    : { metadata: { name: worker.name, namespace: worker.namespace, uid: worker.uid, labels: { ...worker.labels } }, spec: worker.spec };
  const serviceEnv = cluster ? podNetworkHooks(world).serviceEnv?.(cluster, worker.namespace, worker.spec.enableServiceLinks !== false) ?? [] : [];
  const env = containerEnv(cluster?.store, { pod, hostname, nodeName: host.nodeName, hostIp: host.hostIp, podIp: ip }, c.spec, image, serviceEnv);
  if (!env.ok) return { ok: false, reason: 'CreateContainerConfigError', message: env.message };
  const vars = new Map(env.env.map(([k, v]) => [k, v] as [string, string]));
  const expand = (list: readonly string[] | undefined): string[] | undefined => list?.map((a) => expandRefs(a, vars));
  const argv = effectiveArgv(image, expand(c.spec.command), expand(c.spec.args));
  const dnsPolicy = worker.spec.dnsPolicy ?? 'ClusterFirst';
  const clusterDns = dnsPolicy === 'ClusterFirstWithHostNet' || (dnsPolicy === 'ClusterFirst' && !hostNetwork) ? DNS_SERVICE_IP : undefined;
  const mountToken = cluster !== undefined && worker.source === 'api' && worker.spec.automountServiceAccountToken !== false;
  const files = containerFiles(repositoryOf(c.imageRef), image, {
    hostname, ip, namespace: worker.namespace, hostNetwork, clusterDns,
    serviceAccount: mountToken ? { token: serviceAccountToken(world, worker), caCrt: base64Decode(cluster.ca.certData) ?? '' } : undefined,
  });
  const choice = chooseProgram(c.imageRef, image, files, argv);
  return {
    ok: true,
    instance: new PodContainer({
      world, cluster, node: host.hostName, namespace: worker.namespace, pod: worker.name, spec: c.spec, imageRef: c.imageRef, image, id,
      restartCount: c.restartCount, hostname, ip, hostNetwork, dnsPolicy, env: env.env, argv, files, choice, programs: programs(world),
    }),
  };
}
