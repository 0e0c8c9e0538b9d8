/**
 * The objects kubectl's generators build on the client (run, create deployment/service/job/
 * configmap/secret, expose), field for field what `--dry-run=client -o yaml` prints. Fields are
 * added in the Go structs' order, because `-o json` of a generated object prints them that way.
 */
import type { KubeObject } from '../../../../engine';

type Obj = Record<string, unknown>;

/** The container name kubectl derives from an image: its last path part, without tag or digest. */
export function containerNameFor(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last.split('@')[0]!.split(':')[0]!.replace(/[^a-z0-9-]/g, '-');
}

/** metadata as a generator leaves it: name, creationTimestamp null, labels when there are some. */
function meta(name: string, labels?: Readonly<Record<string, string>>): Obj {
  return { name, creationTimestamp: null, ...(labels && Object.keys(labels).length > 0 ? { labels: { ...labels } } : {}) };
}

export interface ContainerInput {
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly port?: number;
  readonly env?: readonly { readonly name: string; readonly value: string }[];
  readonly pullPolicy?: string;
}

export function container(c: ContainerInput): Obj {
  return {
    name: c.name, image: c.image,
    ...(c.command?.length ? { command: [...c.command] } : {}),
    ...(c.args?.length ? { args: [...c.args] } : {}),
    ...(c.port !== undefined && c.port >= 0 ? { ports: [{ containerPort: c.port }] } : {}),
    ...(c.env?.length ? { env: c.env.map((e) => ({ name: e.name, value: e.value })) } : {}),
    resources: {},
    ...(c.pullPolicy ? { imagePullPolicy: c.pullPolicy } : {}),
  };
}

/** kubectl run: one Pod, labelled run=NAME unless --labels says otherwise. */
export function runPod(name: string, labels: Readonly<Record<string, string>>, c: ContainerInput, restart: string): KubeObject {
  return {
    kind: 'Pod', apiVersion: 'v1', metadata: meta(name, labels),
    spec: { containers: [container(c)], restartPolicy: restart, dnsPolicy: 'ClusterFirst' }, status: {},
  } as KubeObject;
}

export function deployment(name: string, replicas: number, containers: readonly Obj[]): KubeObject {
  const labels = { app: name };
  return {
    kind: 'Deployment', apiVersion: 'apps/v1', metadata: meta(name, labels),
    spec: {
      replicas, selector: { matchLabels: { ...labels } },
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } }, strategy: {},
    },
    status: {},
  } as KubeObject;
}

export function job(name: string, c: ContainerInput): KubeObject {
  return {
    kind: 'Job', apiVersion: 'batch/v1', metadata: meta(name),
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container(c)], restartPolicy: 'Never' } } }, status: {},
  } as KubeObject;
}

export function namespace(name: string): KubeObject {
  return { kind: 'Namespace', apiVersion: 'v1', metadata: meta(name), spec: {}, status: {} } as KubeObject;
}

export interface ServicePortInput {
  readonly name?: string;
  readonly protocol: string;
  readonly port: number;
  readonly targetPort: number | string;
  readonly nodePort?: number;
}

export interface ServiceInput {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly ports: readonly ServicePortInput[];
  readonly selector: Readonly<Record<string, string>>;
  readonly clusterIP?: string;
  /** Omitted by expose unless --type is given. */
  readonly type?: string;
  readonly externalName?: string;
}

export function service(s: ServiceInput): KubeObject {
  return {
    kind: 'Service', apiVersion: 'v1', metadata: meta(s.name, s.labels),
    spec: {
      ...(s.ports.length ? {
        ports: s.ports.map((p) => ({
          ...(p.name !== undefined ? { name: p.name } : {}), protocol: p.protocol, port: p.port, targetPort: p.targetPort,
          ...(p.nodePort ? { nodePort: p.nodePort } : {}),
        })),
      } : {}),
      ...(Object.keys(s.selector).length ? { selector: { ...s.selector } } : {}),
      ...(s.clusterIP !== undefined ? { clusterIP: s.clusterIP } : {}),
      ...(s.type ? { type: s.type } : {}),
      ...(s.externalName ? { externalName: s.externalName } : {}),
    },
    status: { loadBalancer: {} },
  } as KubeObject;
}

export function configMap(name: string, data: Readonly<Record<string, string>>): KubeObject {
  return { kind: 'ConfigMap', apiVersion: 'v1', metadata: meta(name), ...(Object.keys(data).length ? { data: { ...data } } : {}) } as KubeObject;
}

/** `data` already base64-encoded; `type` printed only when --type was given. */
export function secret(name: string, data: Readonly<Record<string, string>>, type: string | undefined): KubeObject {
  return {
    kind: 'Secret', apiVersion: 'v1', metadata: meta(name),
    ...(Object.keys(data).length ? { data: { ...data } } : {}), ...(type ? { type } : {}),
  } as KubeObject;
}

/** `a=b,c=d` (kubectl run --labels): key=value pairs separated by commas. */
export function parseLabelSpec(spec: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || part.indexOf('=', eq + 1) >= 0) return `unexpected label spec: ${part}`;
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

/** `--env NAME=value`, as `kubectl run` reads it. */
export function parseEnv(specs: readonly string[]): { name: string; value: string }[] | string {
  const out: { name: string; value: string }[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) return `invalid env: ${spec}`;
    out.push({ name: spec.slice(0, eq), value: spec.slice(eq + 1) });
  }
  return out;
}
