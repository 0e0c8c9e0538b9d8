/**
 * A stand-in for the kubelets' pod runtime in kubectl's tests (logs by container id, exec targets
 * with a small in-memory file tree), until tests run against the engine's own.
 */
import { mustResolve, resolvePath, type Pod, type World } from '../../../../engine';
import type { ContainerFileView, ContainerLog, ExecTarget, LogFollower, LogLine, PodRuntime } from '../podRuntime';
import { setPodRuntime } from '../podRuntime';

export class StubLog implements ContainerLog {
  readonly lines: LogLine[] = [];
  private readonly followers = new Set<LogFollower>();
  private ended = false;

  push(time: number, line: string, stream: LogLine['stream'] = 'stdout'): void {
    const seconds = new Date(time).toISOString().slice(0, 19);
    const entry = { time, stamp: `${seconds}.${String(time % 1000).padStart(3, '0')}123456Z`, stream, line };
    this.lines.push(entry);
    for (const f of this.followers) f.line(entry);
  }

  end(): void {
    this.ended = true;
    for (const f of this.followers) f.end();
    this.followers.clear();
  }

  entries(opts: { readonly tail?: number; readonly sinceWallMs?: number }): readonly LogLine[] {
    let out = this.lines.filter((e) => opts.sinceWallMs === undefined || e.time >= opts.sinceWallMs);
    if (opts.tail !== undefined) out = out.slice(Math.max(0, out.length - opts.tail));
    return out;
  }

  follow(follower: LogFollower): () => void {
    if (this.ended) {
      follower.end();
      return () => undefined;
    }
    this.followers.add(follower);
    return () => { this.followers.delete(follower); };
  }
}

/** A writable file tree for an exec target: files by absolute path, directories implied. */
export function memoryFiles(files: Readonly<Record<string, string>>, workingDir = '/'): ContainerFileView {
  const map = new Map(Object.entries(files));
  const dirs = new Set(['/', '/bin', '/dev', '/etc', '/home', '/proc', '/root', '/tmp', '/usr', '/usr/bin', '/var']);
  const isDir = (p: string) => dirs.has(p) || [...map.keys()].some((k) => k.startsWith(`${p}/`));
  return {
    workingDir,
    readFile: (p) => map.get(resolvePath(p)),
    list: (p) => {
      const abs = resolvePath(p);
      if (!isDir(abs)) return undefined;
      const prefix = abs === '/' ? '/' : `${abs}/`;
      const names = new Set<string>();
      for (const k of [...map.keys(), ...dirs]) if (k.startsWith(prefix) && k !== abs) names.add(k.slice(prefix.length).split('/')[0]!);
      return [...names].filter(Boolean).sort();
    },
    writeFile: (p, text, append) => {
      const abs = resolvePath(p);
      if (!isDir(abs.slice(0, abs.lastIndexOf('/')) || '/')) return false;
      map.set(abs, append ? (map.get(abs) ?? '') + text : text);
      return true;
    },
    remove: (p) => map.delete(resolvePath(p)) || dirs.delete(resolvePath(p)),
    mkdir: (p) => {
      dirs.add(resolvePath(p));
      return true;
    },
  };
}

const BUSYBOX_BIN = ['cat', 'echo', 'env', 'hostname', 'ls', 'ps', 'sh', 'sleep', 'wc'];
const DEBIAN_BIN = ['bash', 'cat', 'echo', 'env', 'hostname', 'ls', 'sh'];

export class StubPodRuntime implements PodRuntime {
  /** Logs by container id (without the containerd:// scheme). */
  readonly logs = new Map<string, StubLog>();

  constructor(private readonly world: World) {
    setPodRuntime(world, this);
  }

  /** The log of a container's current instance, as its status names it. */
  logFor(namespace: string, pod: string, container: string, which: 'current' | 'previous' = 'current'): StubLog {
    const p = this.podOf(namespace, pod);
    const st = p?.status?.containerStatuses?.find((c) => c.name === container);
    const id = (which === 'current' ? st?.containerID : st?.lastState?.terminated?.containerID)?.replace(/^\w+:\/\//, '');
    if (!id) throw new Error(`no ${which} instance of ${namespace}/${pod}/${container}`);
    let log = this.logs.get(id);
    if (!log) this.logs.set(id, (log = new StubLog()));
    return log;
  }

  log(_namespace: string, _pod: string, _container: string, containerId: string): ContainerLog | undefined {
    return this.logs.get(containerId);
  }

  private podOf(namespace: string, name: string): Pod | undefined {
    for (const cluster of this.world.clusters) {
      const pod = cluster.store.get<Pod>(mustResolve('pods'), namespace, name);
      if (pod) return pod;
    }
    return undefined;
  }

  execTarget(namespace: string, pod: string, container: string): ExecTarget | undefined {
    const p = this.podOf(namespace, pod);
    const st = p?.status?.containerStatuses?.find((c) => c.name === container);
    if (!p || !st?.state?.running) return undefined;
    const spec = p.spec!.containers.find((c) => c.name === container)!;
    const debian = (spec.image ?? '').startsWith('nginx');
    const bins = debian ? DEBIAN_BIN : BUSYBOX_BIN;
    const files: Record<string, string> = { '/etc/hostname': `${pod}\n`, '/etc/resolv.conf': `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n` };
    for (const b of bins) files[`/bin/${b}`] = '';
    if (debian) files['/usr/share/nginx/html/index.html'] = '<h1>Welcome to nginx!</h1>\n';
    return {
      node: p.spec!.nodeName!, hostname: pod, ip: p.status?.podIP ?? '', flavour: debian ? 'debian' : 'busybox',
      env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOSTNAME', pod], ['KUBERNETES_SERVICE_HOST', '10.96.0.1']],
      command: [...(spec.command ?? []), ...(spec.args ?? [])].length ? [...(spec.command ?? []), ...(spec.args ?? [])] : [debian ? 'nginx' : 'sh'],
      files: memoryFiles(files),
      resolve: (name) => (name === 'kubernetes.default' ? '10.96.0.1' : undefined),
    };
  }
}
