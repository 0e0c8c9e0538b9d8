/**
 * The `.git` directory of a clone: what `git clone` writes (HEAD, config with the remote, refs,
 * the reflog, a pack) and what the other subcommands read back. The files are git's own formats,
 * so `cat .git/config` or `cat .git/HEAD` show what they would on a real node.
 */
import { resolvePath, sha1Hex, utf8Encode, type SourceRepository, type VirtualFs } from '../../../engine';

export const ZERO_SHA = '0'.repeat(40);

export interface CloneRecord {
  readonly repo: SourceRepository;
  /** The URL as given to git clone (what `git remote -v` shows). */
  readonly url: string;
  readonly remoteName: string;
  readonly branch: string;
  readonly sha: string;
  readonly shallow: boolean;
  /** "root <root@node1.(none)>": git 1.8's identity when none is configured. */
  readonly ident: string;
  readonly unixSeconds: number;
}

export function defaultIdent(hostname: string): string {
  return `root <root@${hostname.includes('.') ? hostname : `${hostname}.(none)`}>`;
}

function write(fs: VirtualFs, path: string, content: string): void {
  fs.mkdir(resolvePath('..', path), { parents: true });
  fs.writeFile(path, content);
}

export function writeGitDir(fs: VirtualFs, root: string, c: CloneRecord): void {
  const g = `${root}/.git`;
  const reflog = `${ZERO_SHA} ${c.sha} ${c.ident} ${c.unixSeconds} +0000\tclone: from ${c.url}\n`;
  const packId = sha1Hex(utf8Encode(`${c.repo.owner}/${c.repo.name}@${c.sha}${c.shallow ? '/shallow' : ''}`));
  for (const dir of ['branches', 'hooks', 'info', 'objects/info', 'refs/tags']) fs.mkdir(`${g}/${dir}`, { parents: true });
  write(fs, `${g}/HEAD`, `ref: refs/heads/${c.branch}\n`);
  write(fs, `${g}/config`, [
    '[core]', '\trepositoryformatversion = 0', '\tfilemode = true', '\tbare = false', '\tlogallrefupdates = true',
    `[remote "${c.remoteName}"]`, `\turl = ${c.url}`, `\tfetch = +refs/heads/*:refs/remotes/${c.remoteName}/*`,
    `[branch "${c.branch}"]`, `\tremote = ${c.remoteName}`, `\tmerge = refs/heads/${c.branch}`, '',
  ].join('\n'));
  write(fs, `${g}/description`, "Unnamed repository; edit this file 'description' to name the repository.\n");
  write(fs, `${g}/info/exclude`, '# Patterns to ignore in this clone only, one per line, as in .gitignore.\n');
  write(fs, `${g}/packed-refs`, `# pack-refs with: peeled fully-peeled \n${c.sha} refs/remotes/${c.remoteName}/${c.branch}\n`);
  write(fs, `${g}/refs/heads/${c.branch}`, `${c.sha}\n`);
  write(fs, `${g}/refs/remotes/${c.remoteName}/HEAD`, `ref: refs/remotes/${c.remoteName}/${c.branch}\n`);
  write(fs, `${g}/logs/HEAD`, reflog);
  write(fs, `${g}/logs/refs/heads/${c.branch}`, reflog);
  write(fs, `${g}/logs/refs/remotes/${c.remoteName}/HEAD`, reflog);
  // The pack's bytes are not simulated: a header is enough for ls and file sizes to look alive.
  write(fs, `${g}/objects/pack/pack-${packId}.pack`, `PACK\0\0\0\x02\0\0${String.fromCharCode(c.repo.pack.objects % 256)}`);
  write(fs, `${g}/objects/pack/pack-${packId}.idx`, '\xfftOc\0\0\0\x02');
  write(fs, `${g}/index`, 'DIRC\0\0\0\x02');
  if (c.shallow) write(fs, `${g}/shallow`, `${c.sha}\n`);
}

/** The checkout around a directory: its top level and its .git directory. */
export interface Checkout {
  readonly root: string;
  readonly gitDir: string;
}

export function findCheckout(fs: VirtualFs, cwd: string): Checkout | undefined {
  let dir = resolvePath(cwd);
  for (;;) {
    const gitDir = `${dir === '/' ? '' : dir}/.git`;
    if (fs.isFile(`${gitDir}/HEAD`)) return { root: dir, gitDir };
    if (dir === '/') return undefined;
    dir = resolvePath('..', dir);
  }
}

export const NOT_A_REPOSITORY = 'fatal: Not a git repository (or any of the parent directories): .git\n';

/** `[remote "origin"]` → `remote.origin`; keys lowercased, as git config does. */
export function readConfig(fs: VirtualFs, gitDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const text = fs.readFile(`${gitDir}/config`);
  if (!text.ok) return out;
  let section = '';
  for (const raw of text.value.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = line.match(/^\[([A-Za-z0-9.-]+)(?:\s+"(.*)")?\]$/);
    if (header) {
      section = header[2] === undefined ? header[1]!.toLowerCase() : `${header[1]!.toLowerCase()}.${header[2]}`;
      continue;
    }
    const kv = line.match(/^([A-Za-z0-9-]+)\s*(?:=\s*(.*))?$/);
    if (kv && section) out.set(`${section}.${kv[1]!.toLowerCase()}`, kv[2] ?? 'true');
  }
  return out;
}

export interface RemoteEntry {
  readonly name: string;
  readonly url: string;
}

/** Remotes in the order the config lists them. */
export function remotesOf(config: ReadonlyMap<string, string>): RemoteEntry[] {
  const out: RemoteEntry[] = [];
  for (const [key, value] of config) {
    const m = key.match(/^remote\.(.+)\.url$/);
    if (m) out.push({ name: m[1]!, url: value });
  }
  return out;
}

export interface Head {
  /** The branch HEAD points to, unless detached. */
  readonly branch?: string;
  /** Undefined on an unborn branch or a broken ref. */
  readonly sha?: string;
}

export function readHead(fs: VirtualFs, gitDir: string): Head {
  const head = fs.readFile(`${gitDir}/HEAD`);
  const text = head.ok ? head.value.trim() : '';
  const ref = text.match(/^ref:\s*refs\/heads\/(.+)$/);
  if (!ref) return /^[0-9a-f]{40}$/.test(text) ? { sha: text } : {};
  const sha = resolveRef(fs, gitDir, `refs/heads/${ref[1]!}`);
  return { branch: ref[1]!, ...(sha !== undefined ? { sha } : {}) };
}

function resolveRef(fs: VirtualFs, gitDir: string, ref: string): string | undefined {
  const loose = fs.readFile(`${gitDir}/${ref}`);
  if (loose.ok) return loose.value.trim() || undefined;
  const packed = fs.readFile(`${gitDir}/packed-refs`);
  if (!packed.ok) return undefined;
  for (const line of packed.value.split('\n')) {
    const [sha, name] = line.split(' ');
    if (name === ref && sha) return sha;
  }
  return undefined;
}

/** The commit a shallow clone stops at, if any. */
export function shallowBoundary(fs: VirtualFs, gitDir: string): string | undefined {
  const r = fs.readFile(`${gitDir}/shallow`);
  return r.ok ? r.value.trim() || undefined : undefined;
}
