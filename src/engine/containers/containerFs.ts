/**
 * What a process inside a container sees of the filesystem: the base image's directories, the files
 * the image added (COPY/ADD, entrypoint scripts), the files docker writes for every container
 * (/etc/hostname, /etc/hosts, /etc/resolv.conf) and bind mounts, which show the host's directory live.
 * Read-only: enough for `docker exec … cat` and `ls`.
 */
import { resolvePath, type VirtualFs } from '../host/fs';
import type { ContainerInfo, ImageInfo } from './types';

const BASE_DIRS = ['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];

export interface ContainerView {
  readonly hostname: string;
  readonly env: readonly string[];
  readonly workingDir: string;
  readonly command: readonly string[];
  readFile(path: string): string | undefined;
  /** Entries of a directory, sorted; undefined when it is not one. */
  list(path: string): string[] | undefined;
}

export function containerView(c: ContainerInfo, image: ImageInfo | undefined, hostFs: VirtualFs, dns: boolean): ContainerView {
  const generated = new Map<string, string>([
    ['/etc/hostname', `${c.hostname}\n`],
    ['/etc/hosts', `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${c.ip ? `${c.ip}\t${c.hostname}\n` : ''}`],
    ['/etc/resolv.conf', dns ? 'nameserver 127.0.0.11\noptions ndots:0\n' : 'nameserver 8.8.8.8\n'],
  ]);
  const files = image?.files ?? new Map<string, string>();
  const mountOf = (path: string): string | undefined => {
    for (const m of c.mounts) {
      const target = m.target.replace(/\/+$/, '') || '/';
      if (path === target || path.startsWith(`${target}/`)) return resolvePath(m.source + path.slice(target.length));
    }
    return undefined;
  };
  const readFile = (raw: string): string | undefined => {
    const path = resolvePath(raw, image?.workingDir || '/');
    const hostPath = mountOf(path);
    if (hostPath !== undefined) {
      const r = hostFs.readFile(hostPath);
      return r.ok ? r.value : undefined;
    }
    return generated.get(path) ?? files.get(path);
  };
  const list = (raw: string): string[] | undefined => {
    const path = resolvePath(raw, image?.workingDir || '/');
    const hostPath = mountOf(path);
    if (hostPath !== undefined) {
      const r = hostFs.readdir(hostPath);
      return r.ok ? [...r.value].sort() : undefined;
    }
    const names = new Set<string>();
    const prefix = path === '/' ? '/' : `${path}/`;
    if (path === '/') for (const d of BASE_DIRS) names.add(d);
    for (const p of [...files.keys(), ...generated.keys(), ...c.mounts.map((m) => m.target.replace(/\/+$/, ''))]) {
      if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!);
    }
    if (names.size === 0 && !BASE_DIRS.includes(path.slice(1))) return undefined;
    return [...names].filter((n) => n !== '').sort();
  };
  return { hostname: c.hostname, env: c.env, workingDir: image?.workingDir || '/', command: c.command, readFile, list };
}
