/**
 * A host's filesystem: an in-memory tree of directories, files and symlinks with owners, modes and
 * modification times. Failures are values (FsError with the errno name the real syscall gives), so
 * commands can print exactly what coreutils would ("No such file or directory", ...).
 */
import { utf8Encode } from '../util/utf8';
export type FsErrorCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EINVAL' | 'ELOOP';

export interface FsError {
  readonly code: FsErrorCode;
  readonly path: string;
}

export type FsResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: FsError };

export const ERRNO_MESSAGES: Readonly<Record<FsErrorCode, string>> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
};

interface Meta {
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
}
interface FileNode extends Meta { kind: 'file'; content: string }
interface DirNode extends Meta { kind: 'dir'; children: Map<string, Node> }
interface LinkNode extends Meta { kind: 'symlink'; target: string }
type Node = FileNode | DirNode | LinkNode;

export interface Stat {
  readonly kind: 'file' | 'dir' | 'symlink';
  readonly size: number;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtimeMs: number;
  readonly target?: string;
}

const ok = <T>(value: T): FsResult<T> => ({ ok: true, value });
const fail = <T>(code: FsErrorCode, path: string): FsResult<T> => ({ ok: false, error: { code, path } });

/** Joins and normalizes a path against cwd: resolves '.', '..' and duplicate slashes. */
export function resolvePath(path: string, cwd = '/'): string {
  const raw = path.startsWith('/') ? path : `${cwd}/${path}`;
  const parts: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function dirname(path: string): string {
  const abs = resolvePath(path);
  const i = abs.lastIndexOf('/');
  return i <= 0 ? '/' : abs.slice(0, i);
}

export function basename(path: string): string {
  const abs = resolvePath(path);
  return abs.slice(abs.lastIndexOf('/') + 1);
}

export class VirtualFs {
  private readonly root: DirNode;

  constructor(private readonly now: () => number) {
    this.root = { kind: 'dir', children: new Map(), mode: 0o755, uid: 0, gid: 0, mtimeMs: now() };
  }

  exists(path: string): boolean {
    return this.lookup(path, true).ok;
  }

  isDir(path: string): boolean {
    const r = this.lookup(path, true);
    return r.ok && r.value.kind === 'dir';
  }

  isFile(path: string): boolean {
    const r = this.lookup(path, true);
    return r.ok && r.value.kind === 'file';
  }

  stat(path: string, followLinks = true): FsResult<Stat> {
    const r = this.lookup(path, followLinks);
    if (!r.ok) return r;
    const n = r.value;
    return ok({
      kind: n.kind,
      size: n.kind === 'file' ? utf8Encode(n.content).length : n.kind === 'dir' ? 4096 : n.target.length,
      mode: n.mode,
      uid: n.uid,
      gid: n.gid,
      mtimeMs: n.mtimeMs,
      ...(n.kind === 'symlink' ? { target: n.target } : {}),
    });
  }

  readFile(path: string): FsResult<string> {
    const r = this.lookup(path, true);
    if (!r.ok) return r;
    if (r.value.kind === 'dir') return fail('EISDIR', path);
    return ok((r.value as FileNode).content);
  }

  /** Creates or replaces (or appends to) a file; the parent directory must exist. */
  writeFile(path: string, content: string, opts: { append?: boolean; mode?: number; uid?: number; gid?: number } = {}): FsResult<void> {
    const existing = this.lookup(path, true);
    if (existing.ok) {
      const n = existing.value;
      if (n.kind === 'dir') return fail('EISDIR', path);
      if (n.kind === 'file') {
        n.content = opts.append ? n.content + content : content;
        n.mtimeMs = this.now();
        return ok(undefined);
      }
    }
    const parent = this.parentOf(path);
    if (!parent.ok) return parent;
    parent.value.dir.children.set(parent.value.name, {
      kind: 'file', content, mode: opts.mode ?? 0o644, uid: opts.uid ?? 0, gid: opts.gid ?? 0, mtimeMs: this.now(),
    });
    parent.value.dir.mtimeMs = this.now();
    return ok(undefined);
  }

  mkdir(path: string, opts: { parents?: boolean; mode?: number } = {}): FsResult<void> {
    const abs = resolvePath(path);
    if (opts.parents) {
      let at = '/';
      for (const part of abs.split('/').filter(Boolean)) {
        at = resolvePath(part, at);
        const existing = this.lookup(at, true);
        if (existing.ok) {
          if (existing.value.kind !== 'dir') return fail('ENOTDIR', path);
          continue;
        }
        if (existing.error.code !== 'ENOENT') return existing;
        const parent = this.parentOf(at);
        if (!parent.ok) return parent;
        parent.value.dir.children.set(parent.value.name, {
          kind: 'dir', children: new Map(), mode: opts.mode ?? 0o755, uid: 0, gid: 0, mtimeMs: this.now(),
        });
      }
      return ok(undefined);
    }
    if (this.lookup(abs, false).ok) return fail('EEXIST', path);
    const parent = this.parentOf(abs);
    if (!parent.ok) return fail(parent.error.code, path);
    parent.value.dir.children.set(parent.value.name, {
      kind: 'dir', children: new Map(), mode: opts.mode ?? 0o755, uid: 0, gid: 0, mtimeMs: this.now(),
    });
    return ok(undefined);
  }

  /** Entry names of a directory, sorted as `ls` sorts in the C locale. */
  readdir(path: string): FsResult<string[]> {
    const r = this.lookup(path, true);
    if (!r.ok) return r;
    if (r.value.kind !== 'dir') return fail('ENOTDIR', path);
    return ok([...r.value.children.keys()].sort());
  }

  symlink(target: string, path: string): FsResult<void> {
    if (this.lookup(path, false).ok) return fail('EEXIST', path);
    const parent = this.parentOf(path);
    if (!parent.ok) return parent;
    parent.value.dir.children.set(parent.value.name, { kind: 'symlink', target, mode: 0o777, uid: 0, gid: 0, mtimeMs: this.now() });
    return ok(undefined);
  }

  /** Removes a file or symlink, or with recursive a whole tree. */
  remove(path: string, opts: { recursive?: boolean; dirOnly?: boolean } = {}): FsResult<void> {
    const r = this.lookup(path, false);
    if (!r.ok) return r;
    const n = r.value;
    if (opts.dirOnly && n.kind !== 'dir') return fail('ENOTDIR', path);
    if (n.kind === 'dir' && !opts.recursive && !opts.dirOnly) return fail('EISDIR', path);
    if (n.kind === 'dir' && opts.dirOnly && n.children.size > 0) return fail('ENOTEMPTY', path);
    const parent = this.parentOf(path);
    if (!parent.ok) return parent;
    if (resolvePath(path) === '/') return fail('EINVAL', path);
    parent.value.dir.children.delete(parent.value.name);
    return ok(undefined);
  }

  chown(path: string, uid: number, gid: number): FsResult<void> {
    const r = this.lookup(path, true);
    if (!r.ok) return r;
    r.value.uid = uid;
    r.value.gid = gid;
    return ok(undefined);
  }

  chmod(path: string, mode: number): FsResult<void> {
    const r = this.lookup(path, true);
    if (!r.ok) return r;
    r.value.mode = mode;
    return ok(undefined);
  }

  /** Follows symlinks to the canonical absolute path (realpath). */
  realpath(path: string): FsResult<string> {
    const r = this.walk(resolvePath(path), true);
    return r.ok ? ok(r.value.path) : r;
  }

  private lookup(path: string, followLast: boolean): FsResult<Node> {
    const r = this.walk(resolvePath(path), followLast);
    return r.ok ? ok(r.value.node) : r;
  }

  private walk(abs: string, followLast: boolean, depth = 0): FsResult<{ node: Node; path: string }> {
    if (depth > 40) return fail('ELOOP', abs);
    const parts = abs.split('/').filter(Boolean);
    let node: Node = this.root;
    let at = '/';
    for (let i = 0; i < parts.length; i++) {
      if (node.kind !== 'dir') return fail('ENOTDIR', abs);
      const child: Node | undefined = node.children.get(parts[i]!);
      if (child === undefined) return fail('ENOENT', abs);
      // `at` is already absolute and normalized, and parts of a resolved path hold no "." or "..":
      // joining is enough (resolving the whole prefix again per step made a walk quadratic).
      const part = parts[i]!;
      const here = part === '.' || part === '..' ? resolvePath(part, at) : at === '/' ? `/${part}` : `${at}/${part}`;
      const last = i === parts.length - 1;
      if (child.kind === 'symlink' && (!last || followLast)) {
        const followed = this.walk(resolvePath(child.target, at), true, depth + 1);
        if (!followed.ok) return followed;
        node = followed.value.node;
        at = followed.value.path;
      } else {
        node = child;
        at = here;
      }
    }
    return ok({ node, path: at });
  }

  private parentOf(path: string): FsResult<{ dir: DirNode; name: string }> {
    const abs = resolvePath(path);
    const parent = this.lookup(dirname(abs), true);
    if (!parent.ok) return parent;
    if (parent.value.kind !== 'dir') return fail('ENOTDIR', path);
    return ok({ dir: parent.value, name: basename(abs) });
  }
}
