/**
 * A container's files as the shell layer's filesystem: a VirtualFs whose every operation goes to
 * the container's own view (image files, what the kubelet mounts, its writable layer), so the
 * interpreter's redirections, globbing and `cd`, and the coreutils, work inside it unchanged.
 *
 * The image's programs (/bin/ls, /usr/sbin/nginx...) read as the shell's program markers
 * (`#!kubeplay ls`) with execute bits, so PATH lookup finds what the image ships and nothing else:
 * `ping` in an nginx container is "not found", as it is in the real Debian-based image.
 */
import { VirtualFs, resolvePath, type FsResult, type Stat } from '../../engine';
import { MARKER_PREFIX } from '../interpreter/commandTable';
import type { ContainerFileView } from './target';

const BIN_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];

const ok = <T>(value: T): FsResult<T> => ({ ok: true, value });
const err = <T>(code: 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EINVAL', path: string): FsResult<T> => ({ ok: false, error: { code, path } });

function isProgramPath(abs: string): boolean {
  const dir = abs.slice(0, abs.lastIndexOf('/')) || '/';
  return BIN_DIRS.includes(dir) || abs === '/docker-entrypoint.sh' || abs === '/entrypoint.sh' || abs === '/webcolor';
}

export class ContainerFs extends VirtualFs {
  constructor(private readonly view: ContainerFileView, private readonly clock: () => number) {
    super(clock);
  }

  private content(abs: string): string | undefined {
    const text = this.view.readFile(abs);
    if (text === undefined) return undefined;
    // The image's binaries are empty placeholders: present them as program markers.
    if (text === '' && isProgramPath(abs)) return `${MARKER_PREFIX}${abs.slice(abs.lastIndexOf('/') + 1)}\n`;
    return text;
  }

  override exists(path: string): boolean {
    const abs = resolvePath(path);
    return this.view.list(abs) !== undefined || this.view.readFile(abs) !== undefined;
  }

  override isDir(path: string): boolean {
    return this.view.list(resolvePath(path)) !== undefined;
  }

  override isFile(path: string): boolean {
    const abs = resolvePath(path);
    return this.view.list(abs) === undefined && this.view.readFile(abs) !== undefined;
  }

  override stat(path: string): FsResult<Stat> {
    const abs = resolvePath(path);
    const now = this.clock();
    if (this.view.list(abs) !== undefined) return ok({ kind: 'dir', size: 4096, mode: abs === '/tmp' ? 0o1777 : 0o755, uid: 0, gid: 0, mtimeMs: now });
    const text = this.content(abs);
    if (text === undefined) return err('ENOENT', path);
    return ok({ kind: 'file', size: text.length, mode: isProgramPath(abs) ? 0o755 : 0o644, uid: 0, gid: 0, mtimeMs: now });
  }

  override readFile(path: string): FsResult<string> {
    const abs = resolvePath(path);
    if (this.view.list(abs) !== undefined) return err('EISDIR', path);
    const text = this.content(abs);
    return text === undefined ? err('ENOENT', path) : ok(text);
  }

  override writeFile(path: string, content: string, opts: { append?: boolean } = {}): FsResult<void> {
    const abs = resolvePath(path);
    if (this.view.list(abs) !== undefined) return err('EISDIR', path);
    const parent = abs.slice(0, abs.lastIndexOf('/')) || '/';
    if (this.view.list(parent) === undefined) return err(this.view.readFile(parent) !== undefined ? 'ENOTDIR' : 'ENOENT', path);
    return this.view.writeFile(abs, content, opts.append === true) ? ok(undefined) : err('ENOENT', path);
  }

  override mkdir(path: string, opts: { parents?: boolean } = {}): FsResult<void> {
    const abs = resolvePath(path);
    if (opts.parents) {
      let at = '';
      for (const part of abs.split('/').filter(Boolean)) {
        at += `/${part}`;
        if (this.view.list(at) !== undefined) continue;
        if (this.view.readFile(at) !== undefined) return err('ENOTDIR', path);
        if (!this.view.mkdir(at)) return err('ENOENT', path);
      }
      return ok(undefined);
    }
    if (this.exists(abs)) return err('EEXIST', path);
    const parent = abs.slice(0, abs.lastIndexOf('/')) || '/';
    if (this.view.list(parent) === undefined) return err('ENOENT', path);
    return this.view.mkdir(abs) ? ok(undefined) : err('ENOENT', path);
  }

  override readdir(path: string): FsResult<string[]> {
    const abs = resolvePath(path);
    const entries = this.view.list(abs);
    if (entries !== undefined) return ok([...entries]);
    return this.view.readFile(abs) !== undefined ? err('ENOTDIR', path) : err('ENOENT', path);
  }

  override symlink(_target: string, path: string): FsResult<void> {
    return err('EINVAL', path);
  }

  override remove(path: string, opts: { recursive?: boolean; dirOnly?: boolean } = {}): FsResult<void> {
    const abs = resolvePath(path);
    if (abs === '/') return err('EINVAL', path);
    const entries = this.view.list(abs);
    if (entries !== undefined) {
      if (!opts.recursive && !opts.dirOnly) return err('EISDIR', path);
      if (opts.dirOnly && entries.length > 0) return err('ENOTEMPTY', path);
      for (const e of entries) this.remove(`${abs}/${e}`, { recursive: true });
      return this.view.remove(abs) ? ok(undefined) : err('ENOENT', path);
    }
    if (opts.dirOnly) return this.exists(abs) ? err('ENOTDIR', path) : err('ENOENT', path);
    return this.view.remove(abs) ? ok(undefined) : err('ENOENT', path);
  }

  override chown(path: string): FsResult<void> {
    return this.exists(path) ? ok(undefined) : err('ENOENT', path);
  }

  override chmod(path: string): FsResult<void> {
    return this.exists(path) ? ok(undefined) : err('ENOENT', path);
  }

  override realpath(path: string): FsResult<string> {
    const abs = resolvePath(path);
    return this.exists(abs) ? ok(abs) : err('ENOENT', path);
  }
}
