/**
 * The process runtime: steps generator processes, parks them on the virtual clock, on pipes, on
 * promises (lazy modules) or on their children, and wakes them in a fixed order, so the same inputs
 * always give the same interleaving. After every synchronous slice the world settles, so
 * controllers react to what a command just did before anything else runs.
 *
 * Nothing escapes: an exception from a process is reported through onCrash and the process exits 1.
 */
import type { World } from '../../engine';
import { Interrupt } from '../types';
import type { InternalEffect, ShellGen } from './effects';
import { Process, ProcessExit, type Resume, type Signal } from './process';

/** How many loop iterations may run at one virtual instant before the loop waits for the next millisecond. */
const YIELDS_PER_MS = 500;

export class Runtime {
  private readonly queue: Process[] = [];
  private pumping = false;
  private nextPid: number;
  private current: Process | undefined;
  private pendingAwaits = 0;
  private idleWaiters: (() => void)[] = [];
  private sliceAt = -1;
  private sliceYields = 0;

  constructor(
    private readonly world: World,
    private readonly onCrash: (proc: Process, error: unknown) => void,
    firstPid = 1000,
  ) {
    this.nextPid = firstPid;
  }

  /** The process being stepped right now (the parent of anything it spawns). */
  get running(): Process | undefined {
    return this.current;
  }

  /** Module loads in flight (the `await` effect). */
  get awaiting(): number {
    return this.pendingAwaits;
  }

  /** Resolves once no process waits on a promise any more. */
  whenIdle(): Promise<void> {
    if (this.pendingAwaits === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Creates a process (a child of the running one) and queues it; call pump() to run it. */
  spawn(gen: ShellGen, label: string, parent: Process | undefined = this.current): Process {
    const proc = new Process(this.nextPid++, gen, label, parent);
    this.queue.push(proc);
    return proc;
  }

  /** Runs every ready process until all are blocked or done, then lets the world settle. */
  pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let p = this.queue.shift(); p !== undefined; p = this.queue.shift()) {
        if (p.state === 'ready') this.step(p);
      }
    } finally {
      this.pumping = false;
    }
    this.world.settle();
  }

  /** Ctrl+C: throws Interrupt into every process of the tree that is blocked in a command. */
  interrupt(root: Process): void {
    this.signalTree(root, 'INT');
    this.pump();
  }

  /** SIGPIPE: ends the tree at its current yield (finally blocks still run). */
  breakPipe(root: Process): void {
    this.signalTree(root, 'PIPE');
    this.pump();
  }

  /** A write to a pipe whose reader is gone: the running process stops at its next yield. */
  brokenPipeWrite(): void {
    if (this.current) this.current.brokenPipe = true;
  }

  private signalTree(p: Process, signal: Signal): void {
    for (const child of [...p.children]) this.signalTree(child, signal);
    if (p.done) return;
    // A shell waiting for its children lets them take the signal and reacts to how they died.
    if (signal === 'INT' && p.state === 'blocked' && p.blockKind === 'wait') return;
    if (p.state === 'running') {
      if (signal === 'PIPE') p.brokenPipe = true;
      return;
    }
    const resume: Resume = signal === 'INT' ? { kind: 'throw', error: new Interrupt() } : { kind: 'return', code: 141 };
    if (signal === 'PIPE') p.signal = 'PIPE';
    if (p.state === 'blocked') this.unblock(p, resume);
    else p.resume = resume;
  }

  private unblock(p: Process, resume: Resume): void {
    p.cancelBlock?.();
    p.cancelBlock = undefined;
    p.blockKind = undefined;
    p.state = 'ready';
    p.resume = resume;
    this.queue.push(p);
  }

  /** Wakes a blocked process and runs the queue (from a timer, a pipe, a promise). */
  private wake(p: Process, resume: Resume): void {
    if (p.state !== 'blocked') return;
    this.unblock(p, resume);
    this.pump();
  }

  private step(p: Process): void {
    const resume = p.resume;
    p.resume = { kind: 'next', value: undefined };
    p.state = 'running';
    this.current = p;
    let r: IteratorResult<InternalEffect, number>;
    try {
      r = resume.kind === 'throw' ? p.gen.throw(resume.error) : resume.kind === 'return' ? p.gen.return(resume.code) : p.gen.next(resume.value);
    } catch (e) {
      this.current = undefined;
      if (e instanceof Interrupt) {
        this.finish(p, 130, 'INT');
      } else if (e instanceof ProcessExit) {
        this.finish(p, e.status, undefined);
      } else {
        this.onCrash(p, e);
        this.finish(p, 1, undefined);
      }
      return;
    }
    this.current = undefined;
    if (r.done) {
      this.finish(p, p.signal === 'PIPE' ? 141 : r.value, p.signal);
      return;
    }
    if (p.brokenPipe && p.signal !== 'PIPE') {
      p.signal = 'PIPE';
      p.state = 'ready';
      p.resume = { kind: 'return', code: 141 };
      this.queue.push(p);
      return;
    }
    this.block(p, r.value);
  }

  private finish(p: Process, code: number, signal: Signal | undefined): void {
    p.state = 'done';
    p.exitCode = code;
    p.signal = signal;
    p.cancelBlock?.();
    p.cancelBlock = undefined;
    p.exited();
  }

  private block(p: Process, effect: InternalEffect): void {
    p.state = 'blocked';
    p.blockKind = undefined;
    switch (effect.kind) {
      case 'sleep': {
        p.blockKind = 'sleep';
        const id = this.world.clock.schedule(effect.ms, () => this.wake(p, { kind: 'next', value: undefined }), `shell:${p.label}`);
        p.cancelBlock = () => this.world.clock.cancel(id);
        return;
      }
      case 'read':
        // Commands' raw reads are turned into stream reads by the interpreter; a stray one reads nothing.
        this.unblock(p, { kind: 'next', value: null });
        return;
      case 'await': {
        p.blockKind = 'await';
        let live = true;
        p.cancelBlock = () => {
          live = false;
        };
        this.pendingAwaits++;
        effect.promise.then(
          (value) => live && this.wake(p, { kind: 'next', value }),
          (error: unknown) => live && this.wake(p, { kind: 'throw', error }),
        ).finally(() => this.awaitSettled());
        return;
      }
      case 'wait-io': {
        if (effect.source.ready()) {
          this.unblock(p, { kind: 'next', value: undefined });
          return;
        }
        p.blockKind = 'io';
        const off = effect.source.subscribe(() => {
          if (effect.source.ready()) this.wake(p, { kind: 'next', value: undefined });
        });
        p.cancelBlock = off;
        return;
      }
      case 'wait': {
        p.blockKind = 'wait';
        let live = true;
        p.cancelBlock = () => {
          live = false;
        };
        const check = (): void => {
          if (live && effect.procs.every((c) => c.done)) this.unblock(p, { kind: 'next', value: undefined });
        };
        for (const child of effect.procs) child.onExit(check);
        check();
        return;
      }
      case 'yield': {
        const now = this.world.clock.now();
        if (now !== this.sliceAt) {
          this.sliceAt = now;
          this.sliceYields = 0;
        }
        if (++this.sliceYields <= YIELDS_PER_MS) {
          this.unblock(p, { kind: 'next', value: undefined });
          return;
        }
        p.blockKind = 'yield';
        const id = this.world.clock.schedule(1, () => this.wake(p, { kind: 'next', value: undefined }), `shell:${p.label}`);
        p.cancelBlock = () => this.world.clock.cancel(id);
        return;
      }
    }
  }

  private awaitSettled(): void {
    this.pendingAwaits--;
    if (this.pendingAwaits === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
