/**
 * Where a repository URL leads, as git 1.8.3 would find out: smart HTTP discovery on the world's
 * Internet (GitHub's repositories answer; unknown hosts don't resolve), GitHub's refusal of the
 * unauthenticated git:// protocol, SSH without a key, and local clones of an existing checkout.
 */
import {
  findGithubRepository, githubPath, parseUrl, registerSourceSites, resolvePath, type SourceRepository, type World, type Host,
} from '../../../engine';

export type Remote =
  | { readonly kind: 'repository'; readonly repo: SourceRepository }
  /** A checkout on this host (git clone ./a b). */
  | { readonly kind: 'local'; readonly path: string }
  /** What git prints (each line complete) before it exits with 128. */
  | { readonly kind: 'error'; readonly message: string };

/** The URL as git quotes it in errors: with a trailing slash (it appended "/info/refs"). */
function slashed(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

const SCP_LIKE = /^(?:[A-Za-z0-9._-]+@)?([A-Za-z0-9.-]+):(?!\/\/)(.+)$/;

export function locateRemote(world: World, host: Host, cwd: string, url: string): Remote {
  const parsed = parseUrl(url);
  if (parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:')) return viaHttp(world, url);
  if (parsed && parsed.protocol === 'git:') {
    if (parsed.hostname === 'github.com') {
      return { kind: 'error', message: 'fatal: remote error: \n  The unauthenticated git protocol on port 9418 is no longer supported.\n' };
    }
    return { kind: 'error', message: `fatal: Unable to look up ${parsed.hostname} (port 9418) (Name or service not known)\n` };
  }
  const ssh = parsed && parsed.protocol === 'ssh:' ? parsed.hostname : url.match(SCP_LIKE)?.[1];
  if (ssh !== undefined) {
    // No key on the nodes: GitHub refuses; other hosts don't resolve.
    const reason = ssh === 'github.com' ? 'Permission denied (publickey).' : `ssh: Could not resolve hostname ${ssh}: Name or service not known`;
    return {
      kind: 'error',
      message: `${reason}\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n`,
    };
  }
  if (parsed) return { kind: 'error', message: `fatal: Unable to find remote helper for '${parsed.protocol.slice(0, -1)}'\n` };
  const path = resolvePath(url.startsWith('file://') ? url.slice(7) : url, cwd);
  if (host.fs.isDir(`${path}/.git`)) return { kind: 'local', path };
  return { kind: 'error', message: `fatal: repository '${url}' does not exist\n` };
}

function viaHttp(world: World, url: string): Remote {
  registerSourceSites(world.internet);
  const base = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const answer = world.internet.fetch(`${base}/info/refs?service=git-upload-pack`);
  if (!answer.ok) {
    if ('error' in answer) {
      return {
        kind: 'error',
        message: answer.error === 'dns'
          ? `fatal: unable to access '${slashed(url)}': Could not resolve host: ${answer.hostname}\n`
          : `fatal: unable to access '${slashed(url)}': Failed connect to ${answer.hostname}; Connection refused\n`,
      };
    }
    if (answer.status === 404) {
      const github = parseUrl(base)?.hostname === 'github.com';
      return { kind: 'error', message: `${github ? 'remote: Repository not found.\n' : ''}fatal: repository '${slashed(url)}' not found\n` };
    }
    return { kind: 'error', message: `fatal: unable to access '${slashed(url)}': The requested URL returned error: ${answer.status}\n` };
  }
  const path = githubPath(parseUrl(base)?.pathname ?? '');
  const repo = path && answer.contentType.startsWith('application/x-git-upload-pack') ? findGithubRepository(path) : undefined;
  if (!repo) return { kind: 'error', message: `fatal: ${base}/info/refs?service=git-upload-pack not valid: is this a git repository?\n` };
  return { kind: 'repository', repo };
}

/** The directory `git clone <url>` creates: the URL's last part without ".git" or trailing slashes. */
export function humanishName(url: string): string {
  let s = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  s = s.replace(/\/\.git$/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  const cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf(':'));
  return s.slice(cut + 1);
}
