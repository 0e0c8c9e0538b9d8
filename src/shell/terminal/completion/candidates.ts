/**
 * Tab-completion candidates, as bash with bash-completion offers them on PWK: command names in
 * command position; a command's own completion (its `complete()`) for its arguments, falling back
 * to file names when it has nothing to offer (kubectl's completion is registered with
 * `-o default`, so `kubectl apply -f dep<Tab>` completes files); file names after redirections;
 * `$VAR` names. The value after `NAME=` or `--flag=` completes as a path, since bash breaks words
 * at "=" for filename completion.
 */
import { resolvePath, type Host, type World } from '../../../engine';
import type { Command, Environment } from '../../types';
import { completionContext, type CompletionContext, type Quote } from './context';

export interface CompletionSource {
  readonly host: Host;
  readonly world: World;
  readonly env: Environment;
  readonly cwd: string;
  commandNames(): string[];
  commandFor(name: string): Command | undefined;
}

export interface Candidate {
  /** The unquoted text that replaces what was typed (from `CompletionResult.from`). */
  readonly value: string;
  /** What a listing shows: the file name alone, with "/" for directories. */
  readonly display: string;
  readonly directory: boolean;
}

export interface CompletionResult {
  /** Offset in the line where the replaced text starts; it ends at the cursor. */
  readonly from: number;
  readonly quote: Quote;
  /** The unquoted text that was typed there, which every candidate extends. */
  readonly typed: string;
  /** Sorted, without duplicates. */
  readonly candidates: readonly Candidate[];
  /** Insert values without escaping (variable names keep their "$"). */
  readonly verbatim: boolean;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const VARIABLE = /^\$\{?[A-Za-z0-9_]*$/;

export function completeLine(source: CompletionSource, line: string, cursor: number): CompletionResult {
  const ctx = completionContext(line, cursor);
  const whole = (candidates: Candidate[], verbatim = false): CompletionResult => ({
    from: ctx.start, quote: ctx.quote, typed: ctx.current, candidates: tidy(candidates), verbatim,
  });

  if (ctx.quote !== "'" && VARIABLE.test(ctx.current)) return whole(variables(source, ctx.current), true);

  switch (ctx.position) {
    case 'redirect':
      return whole(paths(source, ctx.current));
    case 'command': {
      if (ASSIGNMENT.test(ctx.current)) return afterEquals(source, line, ctx) ?? whole([]);
      if (ctx.current.includes('/') || ctx.current.startsWith('~')) return whole(paths(source, ctx.current));
      const names = safeList(() => source.commandNames());
      return whole(names.filter((n) => n.startsWith(ctx.current)).map(word));
    }
    case 'argument': {
      const own = commandCandidates(source, ctx);
      if (own.length > 0) return whole(own);
      if (ctx.current.startsWith('-') && ctx.current.includes('=')) return afterEquals(source, line, ctx) ?? whole([]);
      return whole(paths(source, ctx.current));
    }
  }
}

function word(value: string): Candidate {
  return { value, display: value, directory: value.endsWith('/') };
}

function safeList(list: () => readonly string[] | undefined): string[] {
  try {
    const result = list();
    return Array.isArray(result) ? result.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    // A completion bug must never break the line being typed.
    return [];
  }
}

function commandCandidates(source: CompletionSource, ctx: CompletionContext): Candidate[] {
  const name = ctx.words[0];
  if (name === undefined) return [];
  const command = safeCommand(source, name);
  if (!command?.complete) return [];
  const complete = command.complete.bind(command);
  const list = safeList(() => complete({
    words: ctx.words, current: ctx.current, cwd: source.cwd, host: source.host, world: source.world, env: source.env,
  }));
  return list.filter((c) => c.startsWith(ctx.current)).map(word);
}

function safeCommand(source: CompletionSource, name: string): Command | undefined {
  try {
    return source.commandFor(name);
  } catch {
    return undefined;
  }
}

/** Completes the part after the first "=" as a path, when nothing before it was quoted. */
function afterEquals(source: CompletionSource, line: string, ctx: CompletionContext): CompletionResult | undefined {
  const eq = ctx.current.indexOf('=');
  const head = ctx.current.slice(0, eq + 1);
  if (line.slice(ctx.start, ctx.start + head.length) !== head) return undefined;
  const typed = ctx.current.slice(eq + 1);
  return { from: ctx.start + head.length, quote: ctx.quote, typed, candidates: tidy(paths(source, typed)), verbatim: false };
}

function variables(source: CompletionSource, current: string): Candidate[] {
  const braced = current.startsWith('${');
  const prefix = current.slice(braced ? 2 : 1);
  const names = new Set(source.env.exported().map(([name]) => name));
  for (const extra of ['HOME', 'PWD', 'PATH', 'HOSTNAME', 'USER', 'KUBECONFIG']) {
    if (source.env.get(extra) !== undefined) names.add(extra);
  }
  return [...names]
    .filter((n) => n.startsWith(prefix))
    .map((n) => {
      const value = braced ? `\${${n}}` : `$${n}`;
      return { value, display: value, directory: false };
    });
}

/** File names completing `typed` (relative to the cwd, absolute, or under "~"). */
function paths(source: CompletionSource, typed: string): Candidate[] {
  const home = source.env.get('HOME') ?? '/root';
  if (typed === '~') return [{ value: '~', display: '~/', directory: true }];
  const slash = typed.lastIndexOf('/');
  const dirTyped = slash >= 0 ? typed.slice(0, slash + 1) : '';
  const base = typed.slice(slash + 1);
  const dirExpanded = dirTyped.startsWith('~/') ? `${home}/${dirTyped.slice(2)}` : dirTyped;
  const dir = resolvePath(dirExpanded === '' ? '.' : dirExpanded, source.cwd);
  const fs = source.host.fs;
  const listed = fs.readdir(dir);
  if (!listed.ok) return [];
  const names = [...listed.value];
  // Bash offers "." and ".." only when the typed name starts with a dot.
  if (base.startsWith('.')) names.push('.', '..');
  const out: Candidate[] = [];
  for (const name of names) {
    if (!name.startsWith(base)) continue;
    if (name.startsWith('.') && !base.startsWith('.')) continue;
    const directory = fs.isDir(resolvePath(name, dir));
    out.push({ value: dirTyped + name, display: directory ? `${name}/` : name, directory });
  }
  return out;
}

/** Sorted by value (C locale byte order, as bash sorts with LC_COLLATE=C), duplicates dropped. */
function tidy(candidates: Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const c of candidates) if (!seen.has(c.value)) seen.set(c.value, c);
  return [...seen.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
