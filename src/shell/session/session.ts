/**
 * A login shell on one host: what the terminal talks to. It takes whole lines (the terminal owns
 * editing), asks for more while a command is unfinished, keeps history and aliases, runs each
 * command line as a foreground job and streams its output.
 *
 * Events fire synchronously: a command that finishes at once ends its job (onJobEnd) before
 * acceptLine returns; check `busy` after acceptLine, or count on onJobEnd.
 */
import type { Host, Unsubscribe, World } from '../../engine';
import { Emitter } from '../../engine';
import { BUILTINS } from '../commands/builtins';
import { COMMANDS } from '../commands';
import { CommandTable, loadCommand, readyCommand, type CommandEntry } from '../interpreter/commandTable';
import { runLineIn } from '../interpreter/commandApi';
import { ShellEnvironment } from '../interpreter/environment';
import { runScript } from '../interpreter/interpreter';
import { Shell, type Io, type ShellCore } from '../interpreter/shell';
import type { ContinuationReason } from '../parser/errors';
import { parse } from '../parser/parse';
import type { Script } from '../parser/ast';
import type { ShellGen } from '../runtime/effects';
import type { Process } from '../runtime/process';
import { Runtime } from '../runtime/runtime';
import { TtyInput, sourceInput } from '../runtime/streams';
import { TerminalDevice } from '../runtime/tty';
import type { Command, Environment, OutputStream } from '../types';
import { historyEntry, shouldRecord } from './history';
import { expandHistory } from './historyExpansion';
import { installPrograms } from './install';
import { expandPrompt } from './prompt';

export interface ShellSessionOptions {
  readonly world: World;
  /** The host's name: "node1". */
  readonly host: string;
  readonly columns?: number;
  /** Extra commands (a test's fake kubectl), replacing registered ones of the same name. */
  readonly commands?: readonly CommandEntry[];
}

export type OutputStreamName = 'stdout' | 'stderr';

export interface ShellSession {
  readonly host: Host;
  readonly world: World;
  readonly env: Environment;
  readonly cwd: string;
  readonly history: readonly string[];
  /** A job is running: typed lines go to writeStdin. */
  readonly busy: boolean;
  /** `exit` ran: this shell takes no more lines; the terminal starts a new login shell. */
  readonly ended: boolean;
  /** A running job waits for a line from the terminal. */
  readonly waitingForInput: boolean;
  /** `$?` */
  readonly lastStatus: number;
  prompt(): string;
  continuationPrompt(): string;
  acceptLine(line: string): 'ran' | 'incomplete' | 'empty';
  writeStdin(text: string): void;
  closeStdin(): void;
  interrupt(): void;
  resize(columns: number, rows?: number): void;
  onOutput(l: (text: string) => void): Unsubscribe;
  /** The same output, told apart (tests). */
  onStream(l: (text: string, stream: OutputStreamName) => void): Unsubscribe;
  onJobEnd(l: (exitCode: number) => void): Unsubscribe;
  onClearScreen(l: () => void): Unsubscribe;
  /** After `exit`/`logout`: the code it exited with. */
  onExit(l: (code: number) => void): Unsubscribe;
  commandNames(): string[];
  commandFor(name: string): Command | undefined;
  /** A job waits for a command's module to load (its first run). */
  readonly loading: boolean;
  /** Resolves when no module load is pending (the first run of a lazy command). */
  whenIdle(): Promise<void>;
  /** Lines typed during the last job that it never read: the terminal gives them to the prompt. */
  takeUnreadInput(): string;
  /** A program holds the terminal in raw mode (vi, nano): typed bytes go to writeRaw, output is drawn as is. */
  readonly rawMode: boolean;
  /** Bytes typed while in raw mode, as the terminal sent them. */
  writeRaw(data: string): void;
  /** What a full-screen program tells screen readers (its mode, the current line). */
  onAnnounce(l: (text: string) => void): Unsubscribe;
}

interface Events extends Record<string, unknown> {
  output: { text: string; stream: OutputStreamName };
  jobEnd: number;
  clear: undefined;
  exit: number;
  announce: string;
}

const sessionCounts = new WeakMap<Host, number>();

export function createShellSession(opts: ShellSessionOptions): ShellSession {
  return new Session(opts);
}

class Session implements ShellSession {
  readonly host: Host;
  readonly world: World;
  private readonly events = new Emitter<Events>();
  private readonly shell: Shell;
  private readonly core: ShellCore;
  private readonly runtime: Runtime;
  private readonly table: CommandTable;
  private columns: number;
  private pending: { lines: string[]; reasons: ContinuationReason[] } | undefined;
  private job: Process | undefined;
  private tty = new TtyInput();
  private readonly device: TerminalDevice;
  private exited = false;
  private readonly endProcess: () => void;
  /** What the startup files print, kept for the first listener. */
  private early: { text: string; stream: OutputStreamName }[] = [];
  private starting = true;

  constructor(opts: ShellSessionOptions) {
    const host = opts.world.host(opts.host);
    if (!host) throw new Error(`createShellSession: no host named ${opts.host}`);
    this.host = host;
    this.world = opts.world;
    this.columns = opts.columns ?? 80;
    this.device = new TerminalDevice({ write: (bytes) => this.write(bytes, 'stdout'), announce: (text) => this.events.emit('announce', text) }, this.columns);
    const extra = new Set((opts.commands ?? []).map((c) => c.name));
    this.table = new CommandTable(BUILTINS, [...COMMANDS.filter((c) => !extra.has(c.name)), ...(opts.commands ?? [])]);
    installPrograms(host, this.table);

    const index = (sessionCounts.get(host) ?? 0) + 1;
    sessionCounts.set(host, index);
    const pid = opts.world.random.fork(`shell/${host.name}/${index}`).between(100, 999);
    const randomStream = opts.world.random.fork(`shell/${host.name}/${index}/RANDOM`);
    this.runtime = new Runtime(opts.world, (proc, error) => this.crashed(proc, error), pid + 1);
    // /dev/tty is the terminal of whichever job runs now.
    const terminal = (): Io => ({ stdin: sourceInput(this.tty, true), stdout: this.terminalOut('stdout'), stderr: this.terminalOut('stderr') });
    this.core = {
      world: opts.world,
      host,
      runtime: this.runtime,
      commands: this.table,
      aliases: new Map(),
      history: [],
      pid,
      random: () => randomStream.int(32768),
      columns: () => this.columns,
      clearScreen: () => this.events.emit('clear', undefined),
      get terminal() {
        return terminal();
      },
    };
    const env = new ShellEnvironment(host.loginEnv);
    env.set('SHLVL', '1');
    env.export('SHLVL');
    env.set('COLUMNS', String(this.columns));
    this.shell = new Shell(this.core, env, env.get('HOME') ?? '/root');
    // The login shell is a process of the host: its exported variables are visible there, as in
    // /proc/<pid>/environ (a lesson's check sees `export KUBECONFIG=...`).
    this.endProcess = host.addProcess({ pid, command: '-bash', environ: () => this.shell.env.exported() });
    this.runStartupFiles();
    this.starting = false;
  }

  get env(): Environment {
    return this.shell.env;
  }

  get cwd(): string {
    return this.shell.cwd;
  }

  get history(): readonly string[] {
    return this.core.history;
  }

  get busy(): boolean {
    return this.job !== undefined;
  }

  get ended(): boolean {
    return this.exited;
  }

  get waitingForInput(): boolean {
    return this.job !== undefined && (this.tty.hasReader || this.device.hasReader);
  }

  get rawMode(): boolean {
    return this.device.raw;
  }

  writeRaw(data: string): void {
    this.device.input(data);
  }

  onAnnounce(l: (text: string) => void): Unsubscribe {
    return this.events.on('announce', l);
  }

  get lastStatus(): number {
    return this.shell.lastStatus;
  }

  prompt(): string {
    const env = this.shell.env;
    return expandPrompt(env.get('PS1') ?? '\\s-\\v\\$ ', {
      hostname: env.get('HOSTNAME') ?? this.host.name,
      user: env.get('USER') ?? 'root',
      uid: 0,
      cwd: this.shell.cwd,
      home: env.get('HOME') ?? '/root',
    });
  }

  continuationPrompt(): string {
    return this.shell.env.get('PS2') ?? '> ';
  }

  acceptLine(line: string): 'ran' | 'incomplete' | 'empty' {
    if (this.exited) return 'empty';
    if (this.job) {
      this.writeStdin(`${line}\n`);
      return 'ran';
    }
    const expanded = expandHistory(line, this.core.history);
    if (!expanded.ok) {
      this.pending = undefined;
      this.write(`${expanded.message}\n`, 'stderr');
      this.shell.lastStatus = 1;
      this.events.emit('jobEnd', 1);
      return 'ran';
    }
    if (expanded.changed) {
      // Bash shows the line it is about to run.
      line = expanded.line;
      this.write(`${line}\n`, 'stderr');
    }
    const lines = [...(this.pending?.lines ?? []), line];
    const reasons = this.pending?.reasons ?? [];
    const aliases = this.core.aliases;
    const parsed = parse(lines.join('\n'), { interactive: true, aliases: (name) => aliases.get(name) });
    if (parsed.kind === 'incomplete') {
      this.pending = { lines, reasons: [...reasons, parsed.reason] };
      return 'incomplete';
    }
    this.pending = undefined;
    const entry = historyEntry(lines, reasons);
    if (shouldRecord(entry, this.core.history)) this.core.history.push(entry);
    if (parsed.kind === 'error') {
      this.write(`${parsed.message}\n`, 'stderr');
      this.shell.lastStatus = 2;
      this.events.emit('jobEnd', 2);
      return 'ran';
    }
    if (parsed.ast.items.length === 0) return 'empty';
    this.startJob(parsed.ast, entry);
    return 'ran';
  }

  writeStdin(text: string): void {
    if (this.job) this.tty.write(text);
  }

  closeStdin(): void {
    if (this.job) this.tty.endOfInput();
  }

  interrupt(): void {
    if (this.job) {
      this.runtime.interrupt(this.job);
    } else {
      // Ctrl+C at the prompt drops the line being continued and sets $? to 130, as bash does.
      this.pending = undefined;
      this.shell.lastStatus = 130;
    }
  }

  resize(columns: number, rows?: number): void {
    if (!Number.isFinite(columns) || columns < 1) return;
    this.columns = Math.floor(columns);
    this.shell.env.set('COLUMNS', String(this.columns));
    this.device.resize(this.columns, rows !== undefined && rows >= 1 ? Math.floor(rows) : this.device.rows);
  }

  onOutput(l: (text: string) => void): Unsubscribe {
    const off = this.events.on('output', ({ text }) => l(text));
    this.flushEarly();
    return off;
  }

  onStream(l: (text: string, stream: OutputStreamName) => void): Unsubscribe {
    const off = this.events.on('output', ({ text, stream }) => l(text, stream));
    this.flushEarly();
    return off;
  }

  onJobEnd(l: (exitCode: number) => void): Unsubscribe {
    return this.events.on('jobEnd', l);
  }

  onClearScreen(l: () => void): Unsubscribe {
    return this.events.on('clear', l);
  }

  onExit(l: (code: number) => void): Unsubscribe {
    return this.events.on('exit', l);
  }

  commandNames(): string[] {
    return [...new Set([...this.table.names(), ...this.core.aliases.keys()])].sort();
  }

  commandFor(name: string): Command | undefined {
    const entry = this.table.builtin(name) ?? this.table.program(name);
    if (!entry) return undefined;
    const ready = readyCommand(entry);
    // Completion asks before the first run: start loading, so the next Tab has it.
    if (!ready) loadCommand(entry).catch(() => undefined);
    return ready;
  }

  get loading(): boolean {
    return this.runtime.awaiting > 0;
  }

  whenIdle(): Promise<void> {
    return this.runtime.whenIdle();
  }

  takeUnreadInput(): string {
    return this.job ? '' : this.tty.takeUnread();
  }

  private terminalOut(stream: OutputStreamName): OutputStream {
    return { isTerminal: true, write: (text: string) => this.write(text, stream) };
  }

  private write(text: string, stream: OutputStreamName): void {
    if (text === '') return;
    if (this.starting) this.early.push({ text, stream });
    else this.events.emit('output', { text, stream });
  }

  private flushEarly(): void {
    const early = this.early.splice(0);
    for (const e of early) this.events.emit('output', e);
  }

  private crashed(proc: Process, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.write(`bash: ${proc.label}: internal error: ${message}\n`, 'stderr');
  }

  /** A login shell reads ~/.bash_profile (which sources ~/.bashrc: the aliases, PS1). */
  private runStartupFiles(): void {
    const home = this.shell.env.get('HOME') ?? '/root';
    const profile = ['.bash_profile', '.bash_login', '.profile'].map((f) => `${home}/${f}`).find((p) => this.host.fs.isFile(p));
    if (profile === undefined) return;
    const io: Io = { stdin: sourceInput(this.tty, true), stdout: this.terminalOut('stdout'), stderr: this.terminalOut('stderr') };
    const proc = this.runtime.spawn(runLineIn(this.shell, `. ${profile}`, io), 'bash_profile', undefined);
    this.runtime.pump();
    // Startup files that wait (a `read`, a `sleep`) would hold the prompt; bash would too, but here they are cut short.
    if (!proc.done) this.runtime.interrupt(proc);
    this.shell.lastStatus = 0;
  }

  private startJob(ast: Script, text: string): void {
    this.tty = new TtyInput();
    const io: Io = { stdin: sourceInput(this.tty, true, this.device), stdout: this.terminalOut('stdout'), stderr: this.terminalOut('stderr') };
    const proc = this.runtime.spawn(this.jobBody(ast, io), text, undefined);
    this.job = proc;
    proc.onExit(() => this.jobEnded(proc));
    this.runtime.pump();
  }

  private *jobBody(ast: Script, io: Io): ShellGen {
    return yield* runScript(this.shell, ast, io);
  }

  private jobEnded(proc: Process): void {
    this.job = undefined;
    // A program that ended without giving the terminal back (it crashed) leaves it in cooked mode.
    this.device.release();
    const code = proc.signal === 'INT' ? 130 : proc.exitCode;
    this.shell.lastStatus = code;
    this.shell.loopControl = undefined;
    // Mark the end first, so a listener that types the next line (typeahead) finds the shell gone.
    const exitCode = this.shell.exitRequested;
    const exiting = exitCode !== undefined && !this.exited;
    if (exiting) {
      this.exited = true;
      this.endProcess();
    }
    this.events.emit('jobEnd', code);
    if (exiting) this.events.emit('exit', exitCode);
  }
}
