/**
 * The repositories on the world's Internet, as GitHub serves them: git's smart-HTTP discovery
 * (`/<owner>/<repo>/info/refs?service=git-upload-pack`, what `git clone` asks first), a small
 * page for the repository's address, and every file on raw.githubusercontent.com.
 */
import type { Internet } from '../internet';
import { findGithubRepository, githubPath } from './catalog';
import type { SourceRepository } from './types';

const registered = new WeakSet<Internet>();

export function registerSourceSites(internet: Internet): void {
  if (registered.has(internet)) return;
  registered.add(internet);
  internet.serve('github.com', (url) => {
    const refs = url.pathname.match(/^(.*?)\/info\/refs$/);
    if (refs) {
      const path = githubPath(refs[1]!);
      const repo = path && findGithubRepository(path);
      if (!repo || url.query.get('service') !== 'git-upload-pack') return undefined;
      return { contentType: 'application/x-git-upload-pack-advertisement', body: advertisement(repo) };
    }
    const path = githubPath(url.pathname);
    const repo = path && findGithubRepository(path);
    return repo && { contentType: 'text/html; charset=utf-8', body: page(repo) };
  });
  internet.serve('raw.githubusercontent.com', (url) => {
    const m = url.pathname.match(/^\/([^/]+)\/([^/]+)\/([^/]+)\/(.+)$/);
    if (!m) return undefined;
    const repo = findGithubRepository({ owner: m[1]!, name: m[2]! });
    if (!repo || (m[3] !== repo.defaultBranch && m[3] !== 'HEAD')) return undefined;
    const found = repo.files.find((f) => f.path === m[4]);
    return found && { contentType: 'text/plain; charset=utf-8', body: found.content };
  });
}

/** git's pkt-line framing: four hex digits of length (themselves included), then the payload. */
function pktLine(payload: string): string {
  return (payload.length + 4).toString(16).padStart(4, '0') + payload;
}

function advertisement(repo: SourceRepository): string {
  const head = repo.commits[0]!.sha;
  const caps = `multi_ack thin-pack side-band side-band-64k ofs-delta shallow no-progress include-tag symref=HEAD:refs/heads/${repo.defaultBranch} agent=git/github-g`;
  return pktLine('# service=git-upload-pack\n') + '0000'
    + pktLine(`${head} HEAD\0${caps}\n`) + pktLine(`${head} refs/heads/${repo.defaultBranch}\n`) + '0000';
}

function page(repo: SourceRepository): string {
  const full = `${repo.owner}/${repo.name}`;
  const list = repo.files.filter((f) => !f.path.includes('/')).map((f) => f.path);
  const dirs = [...new Set(repo.files.filter((f) => f.path.includes('/')).map((f) => f.path.split('/')[0]!))];
  const items = [...dirs.map((d) => `${d}/`), ...list].map((n) => `<li>${n}</li>`).join('\n');
  return `<!DOCTYPE html>\n<html lang="en">\n<head><title>GitHub - ${full}</title></head>\n<body>\n<h1>${full}</h1>\n<ul>\n${items}\n</ul>\n</body>\n</html>\n`;
}

