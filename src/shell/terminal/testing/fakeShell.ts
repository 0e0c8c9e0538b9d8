/**
 * A stand-in for src/shell/session's ShellSession, for the terminal's own tests: a handful of
 * scripted commands over a real World (virtual clock, host filesystem), with the same contract
 * (acceptLine → 'ran' | 'incomplete' | 'empty', onOutput/onJobEnd, stdin, interrupt, exit).
 *
 * Commands: echo, printf (no newline), sleep N (virtual seconds), ask (prompts "overwrite? " and
 * reads one line), cat (echoes stdin until ^D), exit/logout, exit-later N, clear, true, false, plus any given in
 * `commands`. A line with an odd number of single quotes, or ending in "\", is incomplete.
 */
import { World, type Host, type Unsubscribe } from '../../../engine';
import { Emitter } from '../../../engine';
import type { Command, Environment } from '../../types';
import type { AcceptResult, TerminalShell } from '../shellPort';

export class MapEnvironment implements Environment {
  private readonly vars = new Map<string, string>();
  private readonly exportedNames = new Set<string>();

  constructor(initial: Readonly<Record<string, string>> = {}) {
    for (const [k, v] of Object.entries(initial)) {
      this.vars.set(k, v);
      this.exportedNames.add(k);
    }
  }

  get(name: string): string | undefined { return this.vars.get(name); }
  set(name: string, value: string): void { this.vars.set(name, value); }
  unset(name: string): void { this.vars.delete(name); this.exportedNames.delete(name); }
  export(name: string): void { this.exportedNames.add(name); }
  isExported(name: string): boolean { return this.exportedNames.has(name); }
  exported(): ReadonlyArray<readonly [string, string]> {
    return [...this.exportedNames].filter((n) => this.vars.has(n)).sort().map((n) => [n, this.vars.get(n)!] as const);
  }
  child(): Environment {
    const copy = new MapEnvironment();
    for (const [k, v] of this.vars) copy.set(k, v);
    for (const n of this.exportedNames) copy.export(n);
    return copy;
  }
}

interface FakeEvents extends Record<string, unknown> {
  output: string;
  jobEnd: number;
  clear: undefined;
  exit: number;
}

interface Job {
  readonly name: string;
  timer?: number;
  onLine?: (line: string) => void;
  onEof?: () => void;
}

export interface FakeShellOptions {
  readonly world?: World;
  readonly host?: string;
  /** Extra commands for completion (their run() is never called by the fake). */
  readonly commands?: readonly Command[];
  /** Offer takeUnreadInput (a tty keeping unread typeahead). */
  readonly keepsUnreadInput?: boolean;
  /** Announce exit with onExit after the job end, as ShellSession does (otherwise through `ended`). */
  readonly exitEvent?: boolean;
  /** Offer waitingForInput. */
  readonly announcesReads?: boolean;
}

const BUILTIN_NAMES = ['ask', 'cat', 'clear', 'echo', 'exit', 'false', 'logout', 'printf', 'sleep', 'true'];

export class FakeShell implements TerminalShell {
  readonly world: World;
  readonly host: Host;
  readonly env: MapEnvironment;
  cwd = '/root';
  readonly history: string[] = [];
  readonly stdinWrites: string[] = [];
  interrupts = 0;
  ended = false;
  columns = 80;
  takeUnreadInput: (() => string) | undefined;
  onExit: ((listener: (code: number) => void) => Unsubscribe) | undefined;
  private readonly events = new Emitter<FakeEvents>();
  private readonly commands: readonly Command[];
  private pending: string[] = [];
  private job: Job | undefined;
  private unread = '';
  private readonly exitEvent: boolean;
  private readonly readsAnnounced: boolean;

  constructor(opts: FakeShellOptions = {}) {
    this.world = opts.world ?? new World({ seed: 'terminal-tests' });
    this.host = this.world.host(opts.host ?? 'node1')!;
    this.env = new MapEnvironment({ ...this.host.loginEnv });
    this.commands = opts.commands ?? [];
    if (opts.keepsUnreadInput) {
      this.takeUnreadInput = () => {
        const text = this.unread;
        this.unread = '';
        return text;
      };
    }
    this.exitEvent = opts.exitEvent === true;
    if (opts.exitEvent) this.onExit = (listener) => this.events.on('exit', listener);
    this.readsAnnounced = opts.announcesReads === true;
  }

  get busy(): boolean {
    return this.job !== undefined;
  }

  /** Offered only with `announcesReads`, like src/shell/session's ShellSession. */
  get waitingForInput(): boolean | undefined {
    return this.readsAnnounced ? this.job?.onLine !== undefined : undefined;
  }

  prompt(): string {
    const dir = this.cwd === '/root' ? '~' : this.cwd.slice(this.cwd.lastIndexOf('/') + 1) || '/';
    return `[${this.host.name} ${dir}]$ `;
  }

  continuationPrompt(): string {
    return '> ';
  }

  acceptLine(line: string): AcceptResult {
    this.pending.push(line);
    const full = this.pending.join('\n');
    if (line.endsWith('\\') || (full.split("'").length - 1) % 2 === 1) return 'incomplete';
    this.pending = [];
    if (full.trim() === '') return 'empty';
    if (!full.startsWith(' ') && this.history[this.history.length - 1] !== full) this.history.push(full);
    this.start(full.replace(/\\\n/g, ''));
    return 'ran';
  }

  writeStdin(text: string): void {
    this.stdinWrites.push(text);
    if (this.job?.onLine) this.job.onLine(text.replace(/\n$/, ''));
    else this.unread += text;
  }

  closeStdin(): void {
    this.job?.onEof?.();
  }

  interrupt(): void {
    this.interrupts++;
    this.pending = [];
    if (this.job) this.end(130);
  }

  resize(columns: number): void {
    this.columns = columns;
  }

  onOutput(listener: (text: string) => void): Unsubscribe { return this.events.on('output', listener); }
  onJobEnd(listener: (exitCode: number) => void): Unsubscribe { return this.events.on('jobEnd', listener); }
  onClearScreen(listener: () => void): Unsubscribe { return this.events.on('clear', () => listener()); }

  commandNames(): string[] {
    return [...new Set([...BUILTIN_NAMES, ...this.commands.map((c) => c.name)])].sort();
  }

  commandFor(name: string): Command | undefined {
    return this.commands.find((c) => c.name === name);
  }

  /** Output outside any job (a shell's startup files, a background notice). */
  say(text: string): void {
    this.print(text);
  }

  private print(text: string): void {
    this.events.emit('output', text);
  }

  private end(code: number): void {
    const job = this.job;
    if (!job) return;
    if (job.timer !== undefined) this.world.clock.cancel(job.timer);
    this.job = undefined;
    this.events.emit('jobEnd', code);
  }

  private start(line: string): void {
    const [name = '', ...args] = line.trim().split(/\s+/);
    const job: Job = { name };
    this.job = job;
    switch (name) {
      case 'echo': this.print(`${args.join(' ')}\n`); return this.end(0);
      case 'printf': this.print(args.join(' ')); return this.end(0);
      case 'true': return this.end(0);
      case 'false': return this.end(1);
      case 'clear': this.events.emit('clear', undefined); return this.end(0);
      case 'exit':
      case 'logout':
        this.ended = true;
        this.end(0);
        if (this.exitEvent) this.events.emit('exit', 0);
        return;
      case 'exit-later':
        // Ends after N seconds with `exit`: the job end is announced before the exit, as ShellSession does.
        job.timer = this.world.clock.schedule(Number(args[0] ?? '0') * 1000, () => {
          this.ended = true;
          this.end(0);
          if (this.exitEvent) this.events.emit('exit', 0);
        }, 'fake-exit');
        return;
      case 'sleep':
        job.timer = this.world.clock.schedule(Number(args[0] ?? '0') * 1000, () => this.end(0), 'fake-sleep');
        return;
      case 'ask':
        this.print("cp: overwrite '/root/.kube/config'? ");
        job.onLine = (answer) => {
          this.print(`answer=${answer}\n`);
          this.end(answer.startsWith('y') ? 0 : 1);
        };
        return;
      case 'cat':
        job.onLine = (text) => this.print(`${text}\n`);
        job.onEof = () => this.end(0);
        return;
      default:
        this.print(`bash: ${name}: command not found\n`);
        return this.end(127);
    }
  }
}
