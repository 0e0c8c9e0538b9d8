/**
 * The SessionApi a command receives: bound to the shell that runs it and to the command's streams,
 * so `source`, `eval`, `sudo` and `env` run their lines where and how the command itself runs.
 */
import type { Environment, Program, SessionApi } from '../types';
import { parse } from '../parser/parse';
import type { ShellGen } from '../runtime/effects';
import { ShellEnvironment } from './environment';
import { runScript } from './interpreter';
import type { Io, Shell } from './shell';
import { lookupCommand, runResolved, runScriptText } from './simple';

export interface ExecOptions {
  /** The environment the program gets (default: the exported variables of the shell). */
  readonly env?: Environment;
  /** PATH to search instead of the shell's ($PATH), e.g. sudo's secure_path. */
  readonly path?: string;
}

export class CommandSession implements SessionApi {
  constructor(
    readonly shell: Shell,
    private readonly io: Io,
  ) {}

  get history(): readonly string[] {
    return this.shell.core.history;
  }

  chdir(path: string): void {
    this.shell.chdir(path);
  }

  clearHistory(): void {
    this.shell.core.history.length = 0;
  }

  setAlias(name: string, value: string): void {
    this.shell.core.aliases.set(name, value);
  }

  unsetAlias(name: string): boolean {
    return this.shell.core.aliases.delete(name);
  }

  aliases(): ReadonlyMap<string, string> {
    return this.shell.core.aliases;
  }

  clearScreen(): void {
    this.shell.core.clearScreen();
  }

  exit(code: number): void {
    this.shell.exitRequested = code & 0xff;
  }

  runLine(line: string): Program {
    return runLineIn(this.shell, line, this.io) as unknown as Program;
  }

  resolve(name: string): 'builtin' | 'alias' | 'command' | undefined {
    if (this.shell.core.aliases.has(name)) return 'alias';
    if (this.shell.core.commands.builtin(name)) return 'builtin';
    return this.findProgram(name) !== undefined ? 'command' : undefined;
  }

  /** The path a program would run from (PATH search, or the name itself when it has a slash). */
  findProgram(name: string, path?: string): string | undefined {
    const found = lookupCommand(this.shell, name, { builtins: false, ...(path !== undefined ? { path } : {}) });
    return found.kind === 'program' || found.kind === 'script' ? found.path : undefined;
  }

  /** Runs script text in a new shell with only the exported variables (bash -c, sh file, watch). */
  runScript(text: string, name: string, args: readonly string[] = []): Program {
    return runScriptText(this.shell, text, name, args, this.shell.env.child(), this.io) as unknown as Program;
  }

  /** Runs argv as a program (no builtins, no aliases), as sudo, env or xargs do. */
  exec(argv: readonly string[], opts: ExecOptions = {}): Program {
    return execIn(this.shell, argv, this.io, opts) as unknown as Program;
  }
}

/** The shell behind a command's SessionApi, for the builtins that change it (export, set, shift...). */
export function shellOf(api: SessionApi): Shell | undefined {
  return api instanceof CommandSession ? api.shell : undefined;
}

export function execApi(api: SessionApi): CommandSession | undefined {
  return api instanceof CommandSession ? api : undefined;
}

/** Parses and runs text in a shell (eval, source, the session's startup files). */
export function* runLineIn(sh: Shell, line: string, io: Io): ShellGen {
  const aliases = sh.core.aliases;
  const parsed = parse(line, { aliases: (name) => aliases.get(name) });
  if (parsed.kind !== 'complete') {
    io.stderr.write(`${parsed.kind === 'error' ? parsed.message : 'bash: syntax error: unexpected end of file'}\n`);
    return (sh.lastStatus = 2);
  }
  return yield* runScript(sh, parsed.ast, io);
}

function* execIn(sh: Shell, argv: readonly string[], io: Io, opts: ExecOptions): ShellGen {
  const name = argv[0];
  if (name === undefined) return 0;
  const found = lookupCommand(sh, name, { builtins: false, ...(opts.path !== undefined ? { path: opts.path } : {}) });
  const env = opts.env ?? sh.env.child();
  return yield* runResolved(sh, found, [...argv], env instanceof ShellEnvironment ? env : copyEnv(env), io);
}

function copyEnv(env: Environment): ShellEnvironment {
  const out = new ShellEnvironment();
  for (const [k, v] of env.exported()) {
    out.set(k, v);
    out.export(k);
  }
  return out;
}
