/**
 * The state of one shell: variables, working directory, positional parameters, `$?` and options.
 * A subshell (pipeline stage, `( ... )`, `$(...)`) works on a fork, so `cd` or `export` there does
 * not reach its parent, exactly as in bash. What every shell of a session shares lives in ShellCore.
 */
import type { Host, World } from '../../engine';
import { resolvePath } from '../../engine';
import type { Runtime } from '../runtime/runtime';
import type { InputStream, OutputStream } from '../types';
import type { CommandTable } from './commandTable';
import type { ShellEnvironment } from './environment';

export interface Io {
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

/** What the session provides to every shell it runs. */
export interface ShellCore {
  readonly world: World;
  readonly host: Host;
  readonly runtime: Runtime;
  readonly commands: CommandTable;
  readonly aliases: Map<string, string>;
  readonly history: string[];
  /** $$ */
  readonly pid: number;
  /** $RANDOM: 0..32767 from a seeded stream. */
  random(): number;
  columns(): number;
  clearScreen(): void;
  /** The terminal, for /dev/tty. */
  readonly terminal: Io;
}

export interface ShellOptions {
  errexit: boolean;
  xtrace: boolean;
  pipefail: boolean;
  noglob: boolean;
  nounset: boolean;
}

export type LoopControl = { readonly kind: 'break' | 'continue'; levels: number };

export class Shell {
  env: ShellEnvironment;
  cwd: string;
  positional: string[] = [];
  /** $0 */
  arg0 = 'bash';
  lastStatus = 0;
  /** Status of the last `$(...)` in the current command, for a command that is only assignments. */
  lastSubstitution: number | undefined;
  options: ShellOptions = { errexit: false, xtrace: false, pipefail: false, noglob: false, nounset: false };
  /** Set by `exit`: the shell stops running commands. */
  exitRequested: number | undefined;
  loopControl: LoopControl | undefined;
  loopDepth = 0;

  constructor(
    readonly core: ShellCore,
    env: ShellEnvironment,
    cwd: string,
    /** A subshell's `exit` ends only itself. */
    readonly isSubshell = false,
  ) {
    this.env = env;
    this.cwd = cwd;
  }

  fork(): Shell {
    const sub = new Shell(this.core, this.env.clone(), this.cwd, true);
    sub.positional = [...this.positional];
    sub.arg0 = this.arg0;
    sub.lastStatus = this.lastStatus;
    sub.options = { ...this.options };
    sub.loopDepth = 0;
    return sub;
  }

  /** Path of a name typed here, made absolute. */
  resolve(path: string): string {
    return resolvePath(path, this.cwd);
  }

  get home(): string {
    return this.env.get('HOME') ?? '/root';
  }

  /** Changes directory (the caller checked it exists), keeping PWD and OLDPWD as bash does. */
  chdir(path: string): void {
    const abs = this.resolve(path);
    this.env.set('OLDPWD', this.cwd);
    this.cwd = abs;
    this.env.set('PWD', abs);
  }

  /** The value of `$-`. */
  flags(): string {
    return `${this.options.errexit ? 'e' : ''}h${this.isSubshell ? '' : 'i'}mB${this.options.nounset ? 'u' : ''}${this.options.xtrace ? 'x' : ''}${this.options.noglob ? 'f' : ''}H`;
  }
}
