/**
 * A login shell whose interpreter is still loading. The first prompt needs only PS1, which the
 * login environment already holds; the parser, interpreter and builtins (a fifth of the page's
 * first JavaScript) arrive a moment later. A line entered before then waits, as if bash were still
 * reading its startup files: the terminal shows it running, and it runs as soon as the real shell is
 * there; a Tab asks for it too (`whenLoaded`: the terminal session holds the Tab until it can
 * complete). Everything after that goes straight to the real shell.
 */
import { Emitter, type Host, type Unsubscribe, type World } from '../../engine';
import type { Command, Environment } from '../types';
import { expandPrompt } from '../session/prompt';
import type { AcceptResult, TerminalShell } from './shellPort';

interface Events extends Record<string, unknown> {
  output: string;
  jobEnd: number;
  clear: undefined;
  exit: number;
  announce: string;
}

export interface DeferredShellOptions {
  readonly world: World;
  readonly host: string;
  readonly columns?: number;
  /** Creates the real shell once its code has loaded. */
  readonly load: () => Promise<TerminalShell>;
  /** A line is waiting: start loading the shell's code now if nobody has yet. */
  readonly hurry?: () => void;
}

export function createDeferredShell(opts: DeferredShellOptions): TerminalShell {
  return new DeferredShell(opts);
}

class DeferredShell implements TerminalShell {
  readonly host: Host;
  readonly world: World;
  private real: TerminalShell | undefined;
  private pending: string | undefined;
  private columns: number;
  private rows: number | undefined;
  private readonly events = new Emitter<Events>();
  private readonly loginEnv: LoginEnvironment;
  private readonly hurry: () => void;
  private readonly loaded: Promise<void>;

  constructor(opts: DeferredShellOptions) {
    const host = opts.world.host(opts.host);
    if (!host) throw new Error(`createDeferredShell: no host named ${opts.host}`);
    this.host = host;
    this.world = opts.world;
    this.columns = opts.columns ?? 80;
    this.loginEnv = new LoginEnvironment(host.loginEnv);
    this.hurry = opts.hurry ?? (() => {});
    this.loaded = opts.load().then((shell) => this.arrive(shell), (error: unknown) => {
      this.events.emit('output', `bash: the shell could not load (${error instanceof Error ? error.message : String(error)}); reload the page\n`);
      throw error;
    });
    // Nobody may be waiting: the failure has been told on the terminal.
    this.loaded.catch(() => {});
  }

  whenLoaded = (): Promise<void> | undefined => {
    if (this.real) return undefined;
    this.hurry();
    return this.loaded;
  };

  get env(): Environment {
    return this.real?.env ?? this.loginEnv;
  }

  get cwd(): string {
    return this.real?.cwd ?? this.host.loginEnv['HOME'] ?? '/root';
  }

  get history(): readonly string[] {
    return this.real?.history ?? [];
  }

  get busy(): boolean {
    return this.real ? this.real.busy : this.pending !== undefined;
  }

  get ended(): boolean | undefined {
    return this.real?.ended;
  }

  get waitingForInput(): boolean | undefined {
    return this.real?.waitingForInput;
  }

  takeUnreadInput = (): string => this.real?.takeUnreadInput?.() ?? '';

  get rawMode(): boolean {
    return this.real?.rawMode === true;
  }

  writeRaw = (data: string): void => this.real?.writeRaw?.(data);

  onAnnounce = (listener: (text: string) => void): Unsubscribe => this.events.on('announce', listener);

  prompt(): string {
    if (this.real) return this.real.prompt();
    const env = this.host.loginEnv;
    const home = env['HOME'] ?? '/root';
    return expandPrompt(env['PS1'] ?? '\\s-\\v\\$ ', { hostname: env['HOSTNAME'] ?? this.host.name, user: env['USER'] ?? 'root', uid: 0, cwd: home, home });
  }

  continuationPrompt(): string {
    return this.real?.continuationPrompt() ?? '> ';
  }

  acceptLine(line: string): AcceptResult {
    if (this.real) return this.real.acceptLine(line);
    if (line.trim() === '') return 'empty';
    this.pending = line;
    this.hurry();
    return 'ran';
  }

  writeStdin(text: string): void {
    this.real?.writeStdin(text);
  }

  closeStdin(): void {
    this.real?.closeStdin();
  }

  interrupt(): void {
    if (this.real) {
      this.real.interrupt();
    } else if (this.pending !== undefined) {
      // ^C before the shell arrived: the waiting line is dropped, as bash drops a line it never read.
      this.pending = undefined;
      this.events.emit('jobEnd', 130);
    }
  }

  resize(columns: number, rows?: number): void {
    this.columns = columns;
    this.rows = rows;
    this.real?.resize(columns, rows);
  }

  onOutput(listener: (text: string) => void): Unsubscribe {
    return this.events.on('output', listener);
  }

  onJobEnd(listener: (exitCode: number) => void): Unsubscribe {
    return this.events.on('jobEnd', listener);
  }

  onClearScreen(listener: () => void): Unsubscribe {
    return this.events.on('clear', listener);
  }

  onExit = (listener: (exitCode: number) => void): Unsubscribe => this.events.on('exit', listener);

  commandNames(): string[] {
    return this.real?.commandNames() ?? [];
  }

  commandFor(name: string): Command | undefined {
    return this.real?.commandFor(name);
  }

  private arrive(shell: TerminalShell): void {
    this.real = shell;
    shell.resize(this.columns, this.rows);
    shell.onOutput((text) => this.events.emit('output', text));
    shell.onJobEnd((code) => this.events.emit('jobEnd', code));
    shell.onClearScreen(() => this.events.emit('clear', undefined));
    shell.onExit?.((code) => this.events.emit('exit', code));
    shell.onAnnounce?.((text) => this.events.emit('announce', text));
    const line = this.pending;
    this.pending = undefined;
    if (line === undefined) return;
    // The terminal shows the line as running: its end is reported once, whatever bash made of it
    // (a job that ended inside acceptLine has already reported through the forwarding above).
    let reported = false;
    const stop = shell.onJobEnd(() => {
      reported = true;
    });
    const result = shell.acceptLine(line);
    stop();
    if (!reported && (result !== 'ran' || !shell.busy)) this.events.emit('jobEnd', result === 'ran' ? shell.lastStatus ?? 0 : 0);
  }
}

/** The login environment, read-only, until the real shell (with its own variables) is there. */
class LoginEnvironment implements Environment {
  constructor(private readonly vars: Readonly<Record<string, string>>) {}
  get(name: string): string | undefined {
    return this.vars[name];
  }
  set(): void {}
  unset(): void {}
  export(): void {}
  isExported(name: string): boolean {
    return name in this.vars;
  }
  exported(): ReadonlyArray<readonly [string, string]> {
    return Object.entries(this.vars);
  }
  child(): Environment {
    return this;
  }
}
