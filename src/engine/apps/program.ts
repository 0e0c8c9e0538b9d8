/**
 * What every DockerCoins program shares: its sandbox, its identity as a network client, exiting
 * once, and ignoring what arrives after it exited (a response to a request sent before SIGKILL).
 */
import type { ContainerProcess, ProcessSignal, Sandbox } from '../containers/process';
import type { NetClient } from '../net/client';
import type { World } from '../world';

export class ProgramBase {
  readonly world: World;
  readonly client: NetClient;
  /** The name other endpoints know this container by in traffic accounting. */
  readonly owner: string;
  private running = true;

  constructor(
    readonly sb: Sandbox,
    private readonly exitFn: (code: number) => void,
  ) {
    this.world = sb.world;
    this.owner = `${sb.node}/${sb.name}`;
    this.client = { node: sb.node, ip: sb.ip, name: this.owner };
  }

  get alive(): boolean {
    return this.running;
  }

  out(line: string): void {
    if (this.running) this.sb.log('stdout', line);
  }

  err(line: string): void {
    if (this.running) this.sb.log('stderr', line);
  }

  /** Ends the process (once); later calls and callbacks are ignored. */
  exit(code: number): void {
    if (!this.running) return;
    this.running = false;
    this.exitFn(code);
  }

  /** A timer that does nothing once the process has exited. */
  after(ms: number, fn: () => void): void {
    this.sb.setTimer(ms, () => {
      if (this.running) fn();
    });
  }
}

/**
 * The usual reaction to signals: SIGKILL always ends the process (137); `onTerm` decides what
 * SIGTERM and SIGINT do. A program that is PID 1 without a handler ignores SIGTERM, as the kernel
 * drops default-action signals sent to a namespace's init: `docker stop` then waits its 10 s.
 */
export function signals(p: ProgramBase, onTerm: (sig: 'SIGTERM' | 'SIGINT') => void, onKill: () => void = () => {}): ContainerProcess {
  return {
    signal(sig: ProcessSignal) {
      if (!p.alive) return;
      if (sig === 'SIGKILL') {
        onKill();
        p.exit(137);
        return;
      }
      onTerm(sig);
    },
  };
}
