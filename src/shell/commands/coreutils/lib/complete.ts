/** Completion helpers for commands whose arguments are directories or other commands. */
import { resolvePath } from '../../../../engine';
import type { CompletionRequest } from '../../../types';

/** Directories completing the word (`cd /e` → `/etc/`), the way bash's `complete -d` offers them. */
export function directoryCandidates(req: CompletionRequest): string[] {
  const current = req.current;
  const slash = current.lastIndexOf('/');
  const dirTyped = slash >= 0 ? current.slice(0, slash + 1) : '';
  const home = req.env.get('HOME') ?? '/root';
  const expanded = dirTyped.startsWith('~/') ? `${home}/${dirTyped.slice(2)}` : dirTyped;
  const dir = resolvePath(expanded === '' ? '.' : expanded, req.cwd);
  const names = req.host.fs.readdir(dir);
  if (!names.ok) return [];
  const base = current.slice(slash + 1);
  return names.value
    .filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')))
    .filter((n) => req.host.fs.isDir(`${dir === '/' ? '' : dir}/${n}`))
    .map((n) => `${dirTyped}${n}/`);
}

/** Programs on $PATH, for the word after sudo, which, watch... (bash's `complete -c`). */
export function programCandidates(req: CompletionRequest): string[] {
  const out = new Set<string>();
  for (const dir of (req.env.get('PATH') ?? '').split(':')) {
    const names = req.host.fs.readdir(resolvePath(dir || '.', req.cwd));
    if (!names.ok) continue;
    for (const n of names.value) if (n.startsWith(req.current)) out.add(n);
  }
  return [...out].sort();
}
