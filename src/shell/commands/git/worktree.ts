/**
 * The working tree against the checked-out commit: which tracked files were modified or deleted,
 * which files are untracked (a directory with nothing tracked in it shows as "dir/", as git
 * collapses it), skipping what .gitignore and .git/info/exclude ignore.
 */
import { findCommit, type SourceFile, type VirtualFs } from '../../../engine';
import { readHead, type Checkout, type Head } from './gitDir';

export interface HeadTree {
  readonly head: Head & { readonly sha: string };
  /** Tracked files by root-relative path. */
  readonly files: ReadonlyMap<string, SourceFile>;
}

/** The commit HEAD names and its files; an error line when HEAD is unborn or unknown. */
export function headTree(fs: VirtualFs, checkout: Checkout): HeadTree | { readonly error: string } {
  const head = readHead(fs, checkout.gitDir);
  if (head.sha === undefined) return { error: "fatal: ambiguous argument 'HEAD': unknown revision or path not in the working tree.\n" };
  const found = findCommit(head.sha);
  if (!found) return { error: `fatal: bad object ${head.sha}\n` };
  return { head: { ...head, sha: head.sha }, files: new Map(found.repo.files.map((f) => [f.path, f])) };
}

export interface WorkingChanges {
  /** Root-relative paths, sorted. */
  readonly modified: readonly string[];
  readonly deleted: readonly string[];
  /** Root-relative; directories end with "/". */
  readonly untracked: readonly string[];
}

export function workingChanges(fs: VirtualFs, root: string, tracked: ReadonlyMap<string, SourceFile>): WorkingChanges {
  const modified: string[] = [];
  const deleted: string[] = [];
  const untracked: string[] = [];
  const abs = (rel: string) => (root === '/' ? `/${rel}` : `${root}/${rel}`);
  for (const [path, file] of tracked) {
    // A tracked file replaced by a directory is deleted (its contents show as untracked).
    const st = fs.stat(abs(path), false);
    const content = st.ok && st.value.kind !== 'dir' ? fs.readFile(abs(path)) : undefined;
    if (!content?.ok) deleted.push(path);
    else if (content.value !== file.content) modified.push(path);
  }
  const trackedDirs = new Set<string>();
  for (const path of tracked.keys()) {
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) trackedDirs.add(path.slice(0, i));
  }
  const ignore = ignoreRules(fs, root);
  const walk = (dir: string, collapse: boolean): string[] => {
    const names = fs.readdir(dir === '' ? root : abs(dir));
    if (!names.ok) return [];
    const found: string[] = [];
    for (const name of names.value) {
      const rel = dir === '' ? name : `${dir}/${name}`;
      if (rel === '.git') continue;
      const st = fs.stat(abs(rel), false);
      const isDir = st.ok && st.value.kind === 'dir';
      if (ignore(rel, isDir)) continue;
      if (isDir) {
        if (!collapse && trackedDirs.has(rel)) found.push(...walk(rel, false));
        else if (walk(rel, true).length > 0) found.push(collapse ? rel : `${rel}/`);
      } else if (collapse || !tracked.has(rel)) {
        found.push(rel);
      }
    }
    return found;
  };
  untracked.push(...walk('', false));
  return { modified: modified.sort(), deleted: deleted.sort(), untracked: untracked.sort() };
}

type IgnoreTest = (rel: string, isDir: boolean) => boolean;

/** .gitignore at the top level and .git/info/exclude: globs on the name, or on the path when anchored. */
function ignoreRules(fs: VirtualFs, root: string): IgnoreTest {
  const rules: { regex: RegExp; dirOnly: boolean; anchored: boolean }[] = [];
  for (const file of ['.gitignore', '.git/info/exclude']) {
    const text = fs.readFile(`${root === '/' ? '' : root}/${file}`);
    if (!text.ok) continue;
    for (const raw of text.value.split('\n')) {
      let p = raw.replace(/\s+$/, '');
      // Negations ("!keep.me") are rare in the repositories learners meet; they match nothing here.
      if (p === '' || p.startsWith('#') || p.startsWith('!')) continue;
      const dirOnly = p.endsWith('/');
      if (dirOnly) p = p.slice(0, -1);
      const anchored = p.includes('/');
      if (p.startsWith('/')) p = p.slice(1);
      rules.push({ regex: globRegex(p), dirOnly, anchored });
    }
  }
  return (rel, isDir) => rules.some((r) => (!r.dirOnly || isDir) && r.regex.test(r.anchored ? rel : rel.slice(rel.lastIndexOf('/') + 1)));
}

function globRegex(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** A root-relative path as git prints it from cwd ("../rng/rng.py"); dirs keep their "/". */
export function fromCwd(root: string, cwd: string, rel: string): string {
  const target = (root === '/' ? '' : root) + '/' + rel;
  const from = cwd.split('/').filter(Boolean);
  const to = target.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join('/') + (rel.endsWith('/') ? '/' : '');
  return '../'.repeat(up) + rest;
}
