/**
 * Simple commands: expand the words, apply the redirections, find the command (builtin, a program
 * marked in a $PATH directory, or a script file) and run it with its context. Programs loaded
 * lazily yield an `await` effect the first time.
 */
import { ERRNO_MESSAGES, resolvePath } from '../../engine';
import type { SimpleCommand } from '../parser/ast';
import { parse } from '../parser/parse';
import type { ShellGen } from '../runtime/effects';
import { ProcessExit } from '../runtime/process';
import { Interrupt, type Command, type CommandContext } from '../types';
import { CommandSession } from './commandApi';
import { loadCommand, markerName, readyCommand, type CommandEntry } from './commandTable';
import { drive } from './drive';
import type { ShellEnvironment } from './environment';
import { expandString, expandWords } from './expand';
import { abandonLine, expandContext, redirected, runSubshell } from './interpreter';
import { Shell, type Io } from './shell';

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/root/bin';

export type Resolved =
  | { readonly kind: 'builtin'; readonly entry: CommandEntry }
  | { readonly kind: 'program'; readonly entry: CommandEntry; readonly path: string }
  | { readonly kind: 'script'; readonly path: string }
  | { readonly kind: 'missing'; readonly message: string; readonly status: number };

/** Finds what a command name runs, as bash does: builtins first, then $PATH (or the path itself). */
export function lookupCommand(sh: Shell, name: string, opts: { builtins: boolean; path?: string }): Resolved {
  if (opts.builtins) {
    const builtin = sh.core.commands.builtin(name);
    if (builtin) return { kind: 'builtin', entry: builtin };
  }
  if (name === '') return { kind: 'missing', message: ': command not found', status: 127 };
  if (name.includes('/')) return fileCommand(sh, sh.resolve(name), name);
  const fs = sh.core.host.fs;
  for (const dir of (opts.path ?? sh.env.get('PATH') ?? DEFAULT_PATH).split(':')) {
    const full = resolvePath(name, resolvePath(dir === '' ? '.' : dir, sh.cwd));
    const st = fs.stat(full);
    if (st.ok && st.value.kind === 'file' && (st.value.mode & 0o111) !== 0) return fileCommand(sh, full, full);
  }
  return { kind: 'missing', message: `${name}: command not found`, status: 127 };
}

function fileCommand(sh: Shell, abs: string, shown: string): Resolved {
  const fs = sh.core.host.fs;
  const st = fs.stat(abs);
  if (!st.ok) return { kind: 'missing', message: `${shown}: ${ERRNO_MESSAGES[st.error.code]}`, status: 127 };
  if (st.value.kind === 'dir') return { kind: 'missing', message: `${shown}: Is a directory`, status: 126 };
  if ((st.value.mode & 0o111) === 0) return { kind: 'missing', message: `${shown}: Permission denied`, status: 126 };
  const content = fs.readFile(abs);
  const marker = content.ok ? markerName(content.value) : undefined;
  if (marker === undefined) return { kind: 'script', path: shown };
  const entry = sh.core.commands.program(marker);
  if (!entry) return { kind: 'missing', message: `${shown}: cannot execute binary file`, status: 126 };
  return { kind: 'program', entry, path: shown };
}

export function* runSimple(sh: Shell, cmd: SimpleCommand, io: Io): ShellGen {
  const ex = expandContext(sh, io);
  sh.lastSubstitution = undefined;
  let argv: string[];
  const assigned: [string, string, boolean][] = [];
  try {
    argv = yield* expandWords(ex, cmd.words);
    for (const a of cmd.assignments) assigned.push([a.name, yield* expandString(ex, a.value), a.append]);
  } catch (e) {
    abandonLine(e, io);
  }
  if (argv.length === 0) {
    for (const [name, value, append] of assigned) sh.env.set(name, append ? (sh.env.get(name) ?? '') + value : value);
    if (sh.options.xtrace && assigned.length > 0) io.stderr.write(`+ ${assigned.map(([n, v]) => `${n}=${traceQuote(v)}`).join(' ')}\n`);
    const rio = yield* redirected(sh, cmd.redirects, io);
    if (rio === undefined) return (sh.lastStatus = 1);
    return (sh.lastStatus = sh.lastSubstitution ?? 0);
  }
  if (sh.options.xtrace) io.stderr.write(`+ ${[...assigned.map(([n, v]) => `${n}=${traceQuote(v)}`), ...argv.map(traceQuote)].join(' ')}\n`);
  const rio = yield* redirected(sh, cmd.redirects, io);
  if (rio === undefined) return (sh.lastStatus = 1);
  const found = lookupCommand(sh, argv[0]!, { builtins: true });
  let status: number;
  if (found.kind === 'builtin') {
    const command = readyCommand(found.entry) ?? (yield* load(found.entry, argv[0]!, rio));
    status = command === undefined ? 126 : yield* withAssignments(sh, assigned, invoke(sh, command, argv, sh.env, rio));
  } else {
    const env = sh.env.child();
    for (const [name, value, append] of assigned) {
      env.set(name, append ? (sh.env.get(name) ?? '') + value : value);
      env.export(name);
    }
    status = yield* runResolved(sh, found, argv, env, rio);
  }
  return (sh.lastStatus = status);
}

/** `IFS=, read a b`: assignments before a builtin hold only while it runs. */
function* withAssignments(sh: Shell, assigned: readonly [string, string, boolean][], body: ShellGen): ShellGen {
  const saved = assigned.map(([name]) => [name, sh.env.get(name)] as const);
  for (const [name, value, append] of assigned) sh.env.set(name, append ? (sh.env.get(name) ?? '') + value : value);
  try {
    return yield* body;
  } finally {
    for (const [name, value] of saved.reverse()) {
      if (value === undefined) sh.env.unset(name);
      else sh.env.set(name, value);
    }
  }
}

/** Runs what lookupCommand found, or prints bash's reason it cannot. */
export function* runResolved(sh: Shell, found: Resolved, argv: string[], env: ShellEnvironment, io: Io): ShellGen {
  switch (found.kind) {
    case 'missing':
      io.stderr.write(`bash: ${found.message}\n`);
      return found.status;
    case 'builtin': {
      const command = readyCommand(found.entry) ?? (yield* load(found.entry, argv[0]!, io));
      return command === undefined ? 126 : yield* invoke(sh, command, argv, sh.env, io);
    }
    case 'program': {
      const command = readyCommand(found.entry) ?? (yield* load(found.entry, argv[0]!, io));
      if (command === undefined) return 126;
      return yield* invoke(sh, command, argv, env, io);
    }
    case 'script':
      return yield* runScriptFile(sh, found.path, argv, env, io);
  }
}

function* load(entry: CommandEntry, name: string, io: Io): ShellGen<Command | undefined> {
  try {
    return (yield { kind: 'await', promise: loadCommand(entry) }) as Command;
  } catch (e) {
    if (e instanceof Interrupt) throw e;
    io.stderr.write(`bash: ${name}: could not load the command (${describe(e)}); try again\n`);
    return undefined;
  }
}

/** Calls a command with its context; an exception becomes a one-line message and status 1. */
export function* invoke(sh: Shell, command: Command, argv: readonly string[], env: ShellEnvironment, io: Io): ShellGen {
  const ctx: CommandContext = {
    argv,
    env,
    cwd: sh.cwd,
    host: sh.core.host,
    world: sh.core.world,
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    session: new CommandSession(sh, io),
    columns: sh.core.columns(),
  };
  try {
    const r = command.run(ctx);
    return typeof r === 'number' ? r : yield* drive(r, io.stdin);
  } catch (e) {
    if (e instanceof Interrupt || e instanceof ProcessExit) throw e;
    io.stderr.write(`${argv[0] ?? command.name}: internal error: ${describe(e)}\n`);
    return 1;
  }
}

/** `./script.sh`: a new bash (only exported variables, its own $0 and $1...) reading the file. */
function* runScriptFile(sh: Shell, path: string, argv: readonly string[], env: ShellEnvironment, io: Io): ShellGen {
  const content = sh.core.host.fs.readFile(sh.resolve(path));
  if (!content.ok) {
    io.stderr.write(`bash: ${path}: ${ERRNO_MESSAGES[content.error.code]}\n`);
    return 127;
  }
  return yield* runScriptText(sh, content.value, path, argv.slice(1), env, io);
}

/** Runs script text in a new shell process, as `bash -c`, `bash file` and `./file` do. */
export function* runScriptText(sh: Shell, text: string, name: string, args: readonly string[], env: ShellEnvironment, io: Io): ShellGen {
  const parsed = parse(text);
  if (parsed.kind !== 'complete') {
    io.stderr.write(`${name}: ${parsed.kind === 'error' ? parsed.message.replace(/^bash: /, '') : 'syntax error'}\n`);
    return 2;
  }
  const sub = new Shell(sh.core, env, sh.cwd, true);
  sub.positional = [...args];
  sub.arg0 = name;
  return yield* runSubshell(sh, parsed.ast, io, sub, name);
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** How `set -x` shows a word: bare when safe, else single-quoted. */
export function traceQuote(word: string): string {
  if (/^[A-Za-z0-9_/.,:=@%+^-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}
