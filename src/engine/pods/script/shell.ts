/**
 * A container's /bin/sh running a parsed script on the virtual clock. Commands that take time
 * (sleep, ping, wget) complete later; everything else completes at once, so the interpreter is
 * written in continuation-passing style. A loop whose body takes no time yields to the clock
 * every few iterations (a real busy loop spins a CPU; ours would otherwise freeze the page).
 *
 * As PID 1 the shell has no default action for SIGTERM and SIGINT (the kernel drops them): only a
 * `trap` makes it react, between two commands — so `trap 'exit 0' TERM; while true; do sleep 1;
 * done` stops within a second, and without the trap the pod waits out its grace period.
 */
import type { ProcessSignal } from '../../containers/process';
import { expandWord, expandWords, type Expansion } from './expand';
import { hasBinary, type Io, type ScriptHost } from './host';
import { testExpression } from './test';
import { parseScript, type AndOr, type Command, type List, type Redirect, type Word } from './parse';

/** A command still running: it calls its `done` later, and hears signals meanwhile. */
export interface Running {
  signal(sig: ProcessSignal): void;
}

export interface Call {
  readonly name: string;
  readonly args: readonly string[];
  readonly io: Io;
  readonly shell: Shell;
  readonly host: ScriptHost;
  /** The command's environment: exported variables plus `VAR=x cmd` assignments (computed when read). */
  readonly env: readonly (readonly [string, string])[];
  done(code: number): void;
}

/** A command: an exit status at once, or a Running that calls `done` later. */
export type CommandImpl = (call: Call) => number | Running;

export interface ShellOptions {
  readonly host: ScriptHost;
  readonly commands: Readonly<Record<string, CommandImpl>>;
  /** PID 1 ignores signals it has no trap for. */
  readonly pid1: boolean;
  /** "sh" (busybox ash or dash) or "bash": error messages differ. */
  readonly name: string;
  readonly positional?: readonly string[];
}

type Done = (status: number) => void;
const SPINS_PER_MS = 10;

export class Shell {
  readonly host: ScriptHost;
  readonly vars = new Map<string, string>();
  private readonly exported = new Set<string>();
  private readonly traps = new Map<string, string>();
  private status = 0;
  private exiting: number | undefined;
  private loopCtl: 'break' | 'continue' | undefined;
  private foreground: Running | undefined;
  private pendingTrap: string | undefined;
  private alive = true;
  private readonly positional: readonly string[];
  /** Background jobs still running, and the `wait` that waits for them. */
  private jobs = 0;
  private waiting: (() => void) | undefined;
  /** Ends the whole shell (a signal it has no trap for, when it is not PID 1). */
  private die: Done | undefined;
  private randomStream: ReturnType<ScriptHost['world']['random']['fork']> | undefined;
  private readonly lookups = new Map<string, boolean>();

  constructor(private readonly opts: ShellOptions) {
    this.host = opts.host;
    for (const [k, v] of opts.host.env) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
    this.positional = opts.positional ?? [opts.name];
  }

  /** Runs a script's text; `done` receives the shell's exit status (2 for a syntax error). */
  runText(text: string, io: Io, done: Done): void {
    const parsed = parseScript(text);
    if (!parsed.ok) {
      io.err(`${this.opts.name}: ${parsed.message}\n`);
      done(2);
      return;
    }
    this.die ??= done;
    this.runList(parsed.list, io, (status) => done(this.exiting ?? status));
  }

  /** Runs one command line already split into words (a container's `command`/`args`). */
  runArgv(argv: readonly string[], io: Io, done: Done): void {
    this.die ??= done;
    this.invoke(argv, [], io, done);
  }

  /** Signals the shell: PID 1 only reacts through traps; any other shell dies of them. */
  signal(sig: ProcessSignal): void {
    if (!this.alive) return;
    const name = sig === 'SIGTERM' ? 'TERM' : sig === 'SIGINT' ? 'INT' : 'KILL';
    const trap = this.traps.get(name);
    if (trap !== undefined) {
      this.pendingTrap = trap;
      // `wait` returns as soon as a trapped signal arrives (sleep does not).
      this.waiting?.();
      return;
    }
    if (this.opts.pid1 && sig !== 'SIGKILL') return;
    // Not PID 1: the signal's default action ends the shell and what it runs in the foreground.
    this.alive = false;
    this.foreground?.signal(sig);
    this.die?.(sig === 'SIGINT' ? 130 : sig === 'SIGTERM' ? 143 : 137);
  }

  /** Stops everything: later completions of running commands are ignored. */
  kill(): void {
    this.alive = false;
  }

  /** The environment commands inherit, in the order `env` prints it. */
  environment(extra: readonly (readonly [string, string])[] = []): [string, string][] {
    const out: [string, string][] = [];
    const overridden = new Set(extra.map(([k]) => k));
    for (const k of this.exported) if (!overridden.has(k) && this.vars.has(k)) out.push([k, this.vars.get(k)!]);
    return [...out, ...extra.map(([k, v]): [string, string] => [k, v])];
  }

  private runList(list: List, io: Io, k: Done, index = 0): void {
    if (!this.alive) return;
    if (this.exiting !== undefined || this.loopCtl !== undefined || index >= list.length) {
      k(this.status);
      return;
    }
    const item = list[index]!;
    if (item.background) {
      this.jobs++;
      this.runAndOr(item, io, () => {
        if (--this.jobs === 0) this.waiting?.();
      });
      this.status = 0;
      this.runList(list, io, k, index + 1);
      return;
    }
    this.runAndOr(item, io, () => this.runList(list, io, k, index + 1));
  }

  private runAndOr(item: AndOr, io: Io, k: Done): void {
    const step = (i: number): void => {
      if (i >= item.rest.length || this.exiting !== undefined || this.loopCtl !== undefined) return k(this.status);
      const [op, next] = item.rest[i]!;
      if ((op === '&&') === (this.status === 0)) this.runPipeline(next.negate, next.commands, io, () => step(i + 1));
      else step(i + 1);
    };
    this.runPipeline(item.first.negate, item.first.commands, io, () => step(0));
  }

  /** Stages run one after another, each reading what the one before wrote. */
  private runPipeline(negate: boolean, commands: readonly Command[], io: Io, k: Done): void {
    const stage = (i: number, stdin: string | undefined): void => {
      const last = i === commands.length - 1;
      let captured = '';
      const stageIo: Io = {
        out: last ? (t) => io.out(t) : (t) => { captured += t; },
        err: (t) => io.err(t),
        ...(stdin !== undefined ? { stdin } : {}),
      };
      this.runCommand(commands[i]!, stageIo, (status) => {
        if (!last) return stage(i + 1, captured);
        this.status = negate ? (status === 0 ? 1 : 0) : status;
        k(this.status);
      });
    };
    stage(0, io.stdin);
  }

  private runCommand(cmd: Command, io: Io, k: Done): void {
    switch (cmd.kind) {
      case 'simple':
        return this.runSimple(cmd, io, k);
      case 'group':
        return this.runList(cmd.body, io, k);
      case 'if': {
        const branch = (i: number): void => {
          const b = cmd.branches[i];
          if (!b) return cmd.otherwise ? this.runList(cmd.otherwise, io, k) : k((this.status = 0));
          this.runList(b[0], io, (st) => (this.exiting !== undefined ? k(st) : st === 0 ? this.runList(b[1], io, k) : branch(i + 1)));
        };
        return branch(0);
      }
      case 'loop':
        return this.loop((again, stop) => this.runList(cmd.cond, io, (st) => {
          if (this.exiting !== undefined || (cmd.until ? st === 0 : st !== 0)) return stop();
          this.runList(cmd.body, io, again);
        }), k);
      case 'for': {
        const items = cmd.items ? this.expand(cmd.items, io) : this.positional.slice(1);
        let i = 0;
        return this.loop((again, stop) => {
          if (i >= items.length) return stop();
          this.vars.set(cmd.name, items[i++]!);
          this.runList(cmd.body, io, again);
        }, k);
      }
    }
  }

  /**
   * Runs iterations until one calls `stop`. Iterations that complete at once run in a plain loop
   * (no recursion), a few per virtual millisecond.
   */
  private loop(iteration: (again: () => void, stop: () => void) => void, k: Done): void {
    let lastStatus = 0;
    const start = (): void => {
      for (let spins = 0; ; spins++) {
        let sync = true;
        let outcome: 'again' | 'stop' | undefined;
        iteration(() => {
          lastStatus = this.status;
          outcome = 'again';
          if (!sync) start();
        }, () => {
          outcome = 'stop';
          if (!sync) finish();
        });
        sync = false;
        if (outcome === undefined) return;
        if (outcome === 'stop') return finish();
        if (this.exiting !== undefined || !this.alive) return finish();
        if (this.loopCtl === 'break') return finish();
        this.loopCtl = undefined;
        if (spins + 1 >= SPINS_PER_MS) {
          this.host.setTimer(1, start);
          return;
        }
      }
    };
    const finish = (): void => {
      if (this.loopCtl === 'break') this.loopCtl = undefined;
      k(this.exiting ?? (this.status = lastStatus));
    };
    start();
  }

  private runSimple(cmd: Extract<Command, { kind: 'simple' }>, io: Io, k: Done): void {
    const argv = this.expand(cmd.words, io);
    const assigns = cmd.assigns.map(([name, word]): [string, string] => [name, this.expandOne(word, io)]);
    const redirected = this.redirect(cmd.redirects, io);
    if (redirected === undefined) {
      this.status = 1;
      return k(1);
    }
    if (argv.length === 0) {
      for (const [name, value] of assigns) this.vars.set(name, value);
      this.status = 0;
      return k(0);
    }
    this.invoke(argv, assigns, redirected, (code) => {
      this.status = code;
      this.foreground = undefined;
      const trap = this.pendingTrap;
      if (trap === undefined) return k(code);
      this.pendingTrap = undefined;
      this.runText(trap, io, (st) => k(this.exiting ?? st));
    });
  }

  private invoke(argv: readonly string[], assigns: readonly (readonly [string, string])[], io: Io, k: Done): void {
    const [first, ...args] = argv;
    const name = first!;
    if (name === 'wait' && this.jobs > 0) {
      // Waits for the background jobs, or for a trapped signal.
      this.waiting = () => {
        this.waiting = undefined;
        k(this.pendingTrap !== undefined ? 143 : 0);
      };
      return;
    }
    const builtin = this.builtin(name, args, io);
    if (builtin !== undefined) return k(builtin);
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (!this.found(name)) {
      io.err(this.notFound(name));
      return k(127);
    }
    // A program the image has but the simulation does not model runs until it is stopped.
    const run = this.opts.commands[base] ?? this.opts.commands['*'];
    if (!run) return k(0);
    let finished = false;
    const done = (code: number): void => {
      if (finished || !this.alive) return;
      finished = true;
      k(code);
    };
    const environment = (): [string, string][] => this.environment(assigns);
    const result = run({
      name: base, args, io, shell: this, host: this.host, done,
      get env() {
        return environment();
      },
    });
    if (typeof result === 'number') return done(result);
    if (!finished) this.foreground = result;
  }

  /** PATH lookups, remembered: images do not change their programs while a script runs. */
  private found(name: string): boolean {
    let hit = this.lookups.get(name);
    if (hit === undefined) this.lookups.set(name, (hit = hasBinary(this.host, name)));
    return hit;
  }

  private notFound(name: string): string {
    if (this.opts.name === 'bash') return `bash: line 1: ${name}: command not found\n`;
    return this.host.flavour === 'debian' ? `sh: 1: ${name}: not found\n` : `sh: ${name}: not found\n`;
  }

  /** The shell's own commands; undefined when `name` is not one. */
  private builtin(name: string, args: readonly string[], io: Io): number | undefined {
    switch (name) {
      case ':':
      case 'true':
      case 'set':
        return 0;
      case 'false':
        return 1;
      case 'wait':
        return 0;
      case 'exit': {
        const code = args[0] === undefined ? this.status : Number.parseInt(args[0], 10);
        this.exiting = Number.isNaN(code) ? 2 : code & 255;
        return this.exiting;
      }
      case 'break':
      case 'continue':
        this.loopCtl = name;
        return 0;
      case 'export':
        for (const arg of args) {
          const eq = arg.indexOf('=');
          const key = eq < 0 ? arg : arg.slice(0, eq);
          if (eq >= 0) this.vars.set(key, arg.slice(eq + 1));
          this.exported.add(key);
        }
        return 0;
      case 'unset':
        for (const arg of args) {
          this.vars.delete(arg);
          this.exported.delete(arg);
        }
        return 0;
      case 'cd': {
        const dir = args[0] ?? this.vars.get('HOME') ?? '/';
        if (this.host.files.list(dir) === undefined) {
          io.err(`sh: cd: can't cd to ${dir}: No such file or directory\n`);
          return 2;
        }
        this.vars.set('PWD', dir);
        return 0;
      }
      case 'trap': {
        if (args.length < 2) return 0;
        const [action, ...signals] = args;
        for (const s of signals) {
          const key = s.replace(/^SIG/, '').replace(/^15$/, 'TERM').replace(/^2$/, 'INT');
          if (action === '-') this.traps.delete(key);
          else this.traps.set(key, action!);
        }
        return 0;
      }
      case 'read':
        return 1;
      case 'test':
      case '[':
        return testExpression(name === '[' ? args.slice(0, args[args.length - 1] === ']' ? -1 : args.length) : args, this.host);
      default:
        return undefined;
    }
  }

  /** Applies redirections to an Io; undefined (after an error message) when a file cannot be opened. */
  private redirect(redirects: readonly Redirect[], io: Io): Io | undefined {
    let out = io.out;
    let err = io.err;
    let stdin = io.stdin;
    for (const r of redirects) {
      if (r.op === 'dup') {
        if (r.fd === 2) err = out;
        else out = err;
        continue;
      }
      const path = this.expandOne(r.target, io);
      if (r.op === '<') {
        const text = this.host.files.readFile(path);
        if (text === undefined) {
          io.err(`sh: can't open '${path}': No such file or directory\n`);
          return undefined;
        }
        stdin = text;
        continue;
      }
      if (!this.host.files.writeFile(path, '', r.op === '>>')) {
        io.err(`sh: can't create ${path}: nonexistent directory\n`);
        return undefined;
      }
      const write = (t: string): void => {
        this.host.files.writeFile(path, t, true);
      };
      if (r.fd === 1) out = write;
      else err = write;
    }
    return { out, err, ...(stdin !== undefined ? { stdin } : {}) };
  }

  expand(words: readonly Word[], io: Io): string[] {
    this.expansionIo = io;
    return expandWords(words, this.expansion);
  }

  private expandOne(word: Word, io: Io): string {
    this.expansionIo = io;
    return expandWord(word, this.expansion);
  }

  /** One expansion context per shell (scripts expand words in tight loops: no closures per word). */
  private readonly expansion: Expansion = {
    variable: (name) => this.variable(name),
    assign: (name, value) => this.vars.set(name, value),
    error: (text) => this.expansionIo.err(text),
    substitute: (script) => {
      // Command substitution runs in a subshell; what it prints by the time it returns is its value.
      const io = this.expansionIo;
      const child = new Shell({ ...this.opts, pid1: false, positional: this.positional });
      for (const [k, v] of this.vars) child.vars.set(k, v);
      let text = '';
      child.runList(script, { out: (t) => { text += t; }, err: (t) => io.err(t) }, () => undefined);
      child.kill();
      this.expansionIo = io;
      return text;
    },
  };

  private expansionIo: Io = { out: () => undefined, err: () => undefined };

  private variable(name: string): string | undefined {
    switch (name) {
      case '?': return String(this.status);
      case '$': return this.opts.pid1 ? '1' : '7';
      case '#': return String(this.positional.length - 1);
      case '@':
      case '*': return this.positional.slice(1).join(' ');
      case 'RANDOM':
        this.randomStream ??= this.host.world.random.fork(`sh/${this.host.hostname}/${this.host.world.now()}`);
        return String(this.randomStream.int(32768));
      default:
        if (/^\d$/.test(name)) return this.positional[Number(name)];
        return this.vars.get(name);
    }
  }
}
