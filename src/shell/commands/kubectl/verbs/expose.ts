/**
 * kubectl expose: a Service in front of a pod, deployment, replica set or service. The selector,
 * the ports (named port-1, port-2... when there are several) and the labels come from the object
 * unless flags give them, as expose.go's introspection does; prints `service/web exposed`.
 */
import { mustResolve, type Container, type Stored } from '../../../../engine';
import { sleep, type Program } from '../../../types';
import { flagString } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { parseLabelSpec, service, type ServicePortInput } from './generators';
import { findTargets } from './targets';
import { apiErrorText, badOutput, createOnServer, dryRunOf, DRY_RUN_FLAG, printWritten, WRITE_OUTPUT_FLAG } from './write';

const SERVICES = mustResolve('services');

interface Introspected {
  readonly selector: Record<string, string> | string;
  readonly ports: readonly { port: number; protocol: string }[];
}

function containerPorts(containers: readonly Container[] | undefined): { port: number; protocol: string }[] {
  return (containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' })));
}

/** What expose can learn from the object itself; undefined for kinds it cannot expose. */
function introspect(obj: Stored): Introspected | undefined {
  const o = obj as Stored & { spec?: Record<string, unknown> };
  switch (obj.kind) {
    case 'Pod': {
      const labels = obj.metadata.labels ?? {};
      return {
        selector: Object.keys(labels).length ? { ...labels } : "couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed",
        ports: containerPorts((o.spec as { containers?: Container[] } | undefined)?.containers),
      };
    }
    case 'Service': {
      const spec = o.spec as { selector?: Record<string, string>; ports?: { port: number; protocol?: string }[] } | undefined;
      return {
        selector: spec?.selector && Object.keys(spec.selector).length ? { ...spec.selector } : "couldn't retrieve selectors via --selector flag or introspection: the service has no pod selector set",
        ports: (spec?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' })),
      };
    }
    case 'Deployment':
    case 'ReplicaSet': {
      const spec = o.spec as { selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] }; template?: { spec?: { containers?: Container[] } } } | undefined;
      const labels = spec?.selector?.matchLabels ?? {};
      const what = obj.kind === 'Deployment' ? 'deployment' : 'replicaset';
      return {
        selector: spec?.selector?.matchExpressions?.length
          ? `couldn't retrieve selectors via --selector flag or introspection: ${obj.kind}s with matchExpressions are not supported for exposing`
          : Object.keys(labels).length ? { ...labels } : `couldn't retrieve selectors via --selector flag or introspection: invalid ${what}: no selectors, therefore cannot be exposed`,
        ports: containerPorts(spec?.template?.spec?.containers),
      };
    }
    default:
      return undefined;
  }
}

function* run(inv: Invocation): Program {
  const dryRun = dryRunOf(inv);
  if (typeof dryRun !== 'string') return fail(inv, dryRun.error);
  const badO = badOutput(inv);
  if (badO) return fail(inv, badO);
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const found = yield* findTargets(inv, conn, inv.args, { all: false, useSelector: false });
  if (!found.ok) return fail(inv, found.error);
  let failed = found.errors.length > 0;
  for (const e of found.errors) inv.err(`${e}\n`);
  for (const { obj } of found.targets) {
    const seen = introspect(obj);
    if (!seen) return fail(inv, `cannot expose a ${obj.kind}`);
    const selectorFlag = flagString(inv.flags, 'selector');
    const selector = selectorFlag !== undefined ? parseLabelSpec(selectorFlag) : seen.selector;
    if (typeof selector === 'string') return fail(inv, selector);
    const portFlag = flagString(inv.flags, 'port');
    const protocolFlag = flagString(inv.flags, 'protocol');
    let ports: { port: number; protocol: string }[];
    if (portFlag !== undefined && portFlag !== '') {
      if (!/^\d+$/.test(portFlag)) return fail(inv, `strconv.Atoi: parsing "${portFlag}": invalid syntax`);
      ports = [{ port: Number(portFlag), protocol: protocolFlag ?? seen.ports[0]?.protocol ?? 'TCP' }];
    } else {
      if (seen.ports.length === 0) return fail(inv, "couldn't find port via --port flag or introspection");
      ports = seen.ports.map((p) => ({ port: p.port, protocol: protocolFlag ?? p.protocol }));
    }
    const targetFlag = flagString(inv.flags, 'target-port');
    const target = (p: number): number | string => (targetFlag === undefined || targetFlag === '' ? p : /^\d+$/.test(targetFlag) ? Number(targetFlag) : targetFlag);
    const svcPorts: ServicePortInput[] = ports.map((p, i) => ({
      ...(ports.length > 1 ? { name: `port-${i + 1}` } : {}), protocol: p.protocol, port: p.port, targetPort: target(p.port),
    }));
    const labelFlag = flagString(inv.flags, 'labels');
    const labels = labelFlag !== undefined ? parseLabelSpec(labelFlag) : { ...(obj.metadata.labels ?? {}) };
    if (typeof labels === 'string') return fail(inv, labels);
    const svc = service({
      name: flagString(inv.flags, 'name') || obj.metadata.name, labels, ports: svcPorts, selector,
      ...(flagString(inv.flags, 'cluster-ip') !== undefined ? { clusterIP: flagString(inv.flags, 'cluster-ip')! } : {}),
      ...(flagString(inv.flags, 'type') ? { type: flagString(inv.flags, 'type')! } : {}),
    });
    if (dryRun === 'client') {
      printWritten(inv, SERVICES, svc, 'exposed', dryRun);
      continue;
    }
    yield sleep(4);
    const created = createOnServer(conn, SERVICES, svc, dryRun);
    if (!created.ok) {
      inv.err(`${apiErrorText(created.error)}\n`);
      failed = true;
      continue;
    }
    printWritten(inv, SERVICES, created.value, 'exposed', dryRun);
  }
  return failed ? 1 : 0;
}

export const expose: Verb = {
  name: 'expose',
  summary: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  help: [
    'Expose a resource as a new Kubernetes service.',
    '',
    ' The service selects the pods of the deployment, replica set, pod or service you name, by the labels that object',
    'selects (or carries, for a pod). Without --port, the ports come from the containers of the object. Possible resources',
    'include pod (po), service (svc), replicaset (rs) and deployment (deploy).',
    '',
    'Examples:',
    '  # Give the redis deployment a service on port 6379',
    '  kubectl expose deployment redis --port 6379',
    '  ',
    '  # Make the web UI reachable on a port of every node',
    '  kubectl expose deploy webui --type=NodePort --port=80',
    '  ',
    '  # Serve on port 80 what the containers listen for on 8080, under another name',
    '  kubectl expose deploy web --port=80 --target-port=8080 --name=web-public',
  ].join('\n'),
  flags: [
    { name: 'port', kind: 'string', description: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified', defaultText: "''" },
    { name: 'target-port', kind: 'string', description: 'Name or number for the port on the container that the service should direct traffic to. Optional.', defaultText: "''" },
    { name: 'protocol', kind: 'string', description: "The network protocol for the service to be created. Default is 'TCP'.", defaultText: "''", values: ['TCP', 'UDP', 'SCTP'] },
    { name: 'type', kind: 'string', description: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.", defaultText: "''", values: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] },
    { name: 'name', kind: 'string', description: 'The name for the newly created object.', defaultText: "''" },
    { name: 'selector', kind: 'string', description: 'A label selector to use for this service. Only equality-based selector requirements are supported.', defaultText: "''" },
    { name: 'labels', short: 'l', kind: 'string', description: 'Labels to apply to the service created by this call.', defaultText: "''" },
    { name: 'cluster-ip', kind: 'string', description: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service.", defaultText: "''" },
    { name: 'filename', short: 'f', kind: 'strings', description: 'Filename, directory, or URL to files identifying the resource to expose a service', defaultText: '[]' },
    DRY_RUN_FLAG,
    WRITE_OUTPUT_FLAG,
  ],
  run,
};
