/**
 * kubectl port-forward (v1.27): `TYPE/NAME [LOCAL:]REMOTE...` listens on the node (127.0.0.1 and
 * [::1] unless --address) and carries each connection to the pod — for svc/NAME the service port
 * becomes its target port — printing "Forwarding from ..." once and "Handling connection for N" per
 * connection, until Ctrl+C (which port-forward catches: status 0).
 */
import { mustResolve, resolveResourceType, type Pod, type Service, type Stored } from '../../../../engine';
import { Interrupt, sleep, type Effect, type Program } from '../../../types';
import type { ApiConnection } from '../client';
import { kubectlRandom } from '../client';
import { flagString, flagStrings } from '../flags';
import { connectOrReport, fail, usageError, type Invocation, type Verb } from '../invocation';
import { klogLine } from '../../../format/time';
import { forwardingService } from '../forwarding';
import { pickPod } from '../podTargets';
import { parseGoDuration } from './goDuration';

const PODS = mustResolve('pods');

/** The service a `svc/NAME` reference names (its ports are translated to the pod's). */
function serviceOf(conn: ApiConnection, namespace: string, ref: string): Stored<Service> | undefined {
  const slash = ref.indexOf('/');
  if (slash < 0 || resolveResourceType(ref.slice(0, slash))?.kind !== 'Service') return undefined;
  return conn.store.get<Service>(mustResolve('services'), namespace, ref.slice(slash + 1));
}

interface PortPair {
  readonly local: number;
  readonly remote: string;
}

function parsePorts(inv: Invocation, specs: readonly string[]): PortPair[] | string {
  const out: PortPair[] = [];
  for (const spec of specs) {
    const [localText, remoteText] = spec.includes(':') ? spec.split(':', 2) as [string, string] : [spec, spec];
    if (!/^\d*$/.test(localText) || (localText !== '' && Number(localText) > 65535)) return `Error parsing local port '${localText}': strconv.ParseUint: parsing "${localText}": invalid syntax`;
    if (remoteText === '') return `Error parsing remote port '${remoteText}': strconv.ParseUint: parsing "": invalid syntax`;
    const local = localText === '' ? 32768 + kubectlRandom(inv.ctx.world).int(28000) : Number(localText);
    out.push({ local, remote: remoteText });
  }
  return out;
}

/** A service port → the pod port it targets (kubectl's translateServicePortToTargetPort). */
function targetPort(svc: Stored<Service>, pod: Pod, remote: string): number | string {
  const sp = (svc.spec?.ports ?? []).find((p) => String(p.port) === remote || p.name === remote);
  if (!sp) return `Service ${svc.metadata.name} does not have a service port ${remote}`;
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(tp)) return Number(tp);
  for (const c of pod.spec?.containers ?? []) {
    const named = (c.ports ?? []).find((p) => p.name === tp);
    if (named) return named.containerPort;
  }
  return `Pod '${pod.metadata?.name}' does not have a named port '${tp}'`;
}

function* findRunningPod(inv: Invocation, conn: ApiConnection, namespace: string, ref: string): Generator<Effect, Stored<Pod> | number, unknown> {
  const timeout = parseGoDuration(flagString(inv.flags, 'pod-running-timeout') ?? '1m0s') ?? 60_000;
  for (let waited = 0; ; waited += 1_000) {
    const pick = pickPod(conn, namespace, ref);
    if (pick.kind === 'error') {
      inv.err(`${pick.error}\n`);
      return 1;
    }
    if (pick.kind === 'pod') return pick.pod;
    if (waited >= timeout) return fail(inv, 'timed out waiting for the condition');
    yield sleep(1_000);
  }
}

function* run(inv: Invocation): Program {
  if (inv.args.length < 2) return usageError(inv, 'TYPE/NAME and list of ports are required for port-forward');
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const namespace = conn.settings.namespace;
  const ref = inv.args[0]!;
  const ports = parsePorts(inv, inv.args.slice(1));
  if (typeof ports === 'string') return fail(inv, ports);
  const pod = yield* findRunningPod(inv, conn, namespace, ref);
  if (typeof pod === 'number') return pod;
  if (pod.status?.phase !== 'Running') return fail(inv, `unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`);
  const service = serviceOf(conn, namespace, ref);
  const pairs: { local: number; remote: number }[] = [];
  for (const p of ports) {
    if (service) {
      const t = targetPort(service, pod, p.remote);
      if (typeof t === 'string') return fail(inv, t);
      pairs.push({ local: p.local, remote: t });
    } else {
      if (!/^\d+$/.test(p.remote)) return fail(inv, `Pod '${pod.metadata.name}' does not have a named port '${p.remote}'`);
      pairs.push({ local: p.local, remote: Number(p.remote) });
    }
  }
  const addresses = flagStrings(inv.flags, 'address').flatMap((a) => a.split(',')).filter(Boolean);
  const binds = (addresses.length ? addresses : ['localhost']).flatMap((a) => (a === 'localhost' ? ['127.0.0.1', '::1'] : [a]));
  const world = inv.ctx.world;
  const host = inv.ctx.host.name;
  const busy = pairs.find((p) => world.network.isListening(host, p.local));
  if (busy) {
    const errs = binds.map((b) => `unable to create listener: Error listen tcp${b.includes(':') ? '6' : '4'} ${b.includes(':') ? `[${b}]` : b}:${busy.local}: bind: address already in use`).join(' ');
    inv.err(`Unable to listen on port ${busy.local}: Listeners failed to create with the following errors: [${errs}]\n`);
    return fail(inv, `unable to listen on any of the requested ports: [${pairs.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]`);
  }
  const podName = pod.metadata.name;
  const podUid = pod.metadata.uid;
  const queue: string[] = [];
  const offs: (() => void)[] = [];
  for (const pair of pairs) {
    for (const b of binds) queue.push(`Forwarding from ${b.includes(':') ? `[${b}]` : b}:${pair.local} -> ${pair.remote}\n`);
    const service = forwardingService(world, {
      target: () => {
        const now = conn.store.get<Pod>(PODS, namespace, podName);
        if (!now || now.metadata.uid !== podUid || now.status?.phase !== 'Running') return { error: `error forwarding port ${pair.remote} to pod ${podUid}: pod not found` };
        return { node: now.spec?.nodeName ?? '', ip: now.status?.podIP ?? '', port: pair.remote };
      },
      connection: () => queue.push(`Handling connection for ${pair.local}\n`),
      failed: (message) => {
        const micros = world.wallNow() * 1000 + kubectlRandom(world).int(1000);
        queue.push(`${klogLine('E', micros, inv.pid, 'portforward.go:409', `an error occurred forwarding ${pair.local} -> ${pair.remote}: error forwarding port ${pair.remote} to pod ${podUid}, uid : ${message}`)}\n`);
      },
    });
    for (const b of binds.filter((x) => !x.includes(':'))) {
      offs.push(world.network.listen({ host, address: b, port: pair.local, protocol: 'TCP', process: 'kubectl', service }));
    }
  }
  const flush = () => {
    for (const line of queue.splice(0)) (line.startsWith('E') ? inv.err : inv.out)(line);
  };
  try {
    for (;;) {
      flush();
      yield sleep(100);
    }
  } catch (e) {
    // port-forward closes its listeners on SIGINT and exits cleanly.
    if (e instanceof Interrupt) {
      flush();
      return 0;
    }
    throw e;
  } finally {
    for (const off of offs) off();
  }
}

export const portForward: Verb = {
  name: 'port-forward',
  summary: 'Forward one or more local ports to a pod',
  usage: 'kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  help: [
    'Forward one or more local ports to a pod.',
    '',
    ' Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to \'pod\' if omitted.',
    '',
    ' If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends',
    'when the selected pod terminates, and a rerun of the command is needed to resume forwarding.',
    '',
    'Examples:',
    '  # Port 8080 of this node reaches port 80 of the pod (try: curl localhost:8080 from another terminal of this node)',
    '  kubectl port-forward pod/web 8080:80',
    '  ',
    '  # The web service\'s port 80, reachable from node2 as node1:8080',
    '  kubectl port-forward --address 0.0.0.0 svc/web 8080:80',
    '  ',
    '  # A random local port for the pod\'s port 6379',
    '  kubectl port-forward deploy/redis :6379',
  ].join('\n'),
  flags: [
    { name: 'address', kind: 'strings', description: 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value.', defaultText: '[localhost]' },
    { name: 'pod-running-timeout', kind: 'string', description: 'How long to wait for at least one pod to be running (e.g. 5s, 2m, 3h).', defaultText: '1m0s' },
  ],
  run,
};
