/**
 * Compose's log printer: every attached container's lines, interleaved as they are written, each
 * behind its prefix — v1: the name without the project (`worker_1`) left-justified to the longest
 * service name + 3, then ` | `; v2: the container name (`dockercoins-worker-1  | `) — coloured from
 * a rotating palette when stdout is a terminal. Containers get their colours in name order; ones
 * that start while attached (a scale from another terminal) join with the next colour.
 */
import type { ContainerInfo, LogEntry, Unsubscribe } from '../../../engine';
import { rfc3339Nano } from '../docker/format';
import { projectContainers, serviceOf, shortName, type ComposeSession } from './session';

/** compose/cli/colors.py's rainbow: cyan, yellow, green, magenta, red, blue, then their intense forms. */
const RAINBOW = ['36', '33', '32', '35', '31', '34', '36;1', '33;1', '32;1', '35;1', '31;1', '34;1'];

export interface LogPrinterOptions {
  readonly color: boolean;
  readonly timestamps: boolean;
  /** Print "<name> exited with code N" when an attached container stops (follow mode). */
  readonly reportExits: boolean;
  /** Attach to project containers that start later (of these services, all when undefined). */
  readonly followServices: readonly string[] | undefined;
}

export class LogPrinter {
  private readonly colours = new Map<string, string>();
  private readonly attached = new Map<string, ContainerInfo>();
  private readonly queue: string[] = [];
  private readonly offs: Unsubscribe[] = [];
  private nextColour = 0;
  private readonly width: number;

  constructor(private readonly s: ComposeSession, private readonly opts: LogPrinterOptions, containers: readonly ContainerInfo[]) {
    const names = s.style === 'v1' ? s.project.services.map((x) => x.name) : containers.map((c) => c.name);
    this.width = s.style === 'v1' ? Math.max(0, ...names.map((n) => n.length)) + 3 : Math.max(0, ...names.map((n) => n.length));
    for (const c of [...containers].sort((a, b) => (a.name < b.name ? -1 : 1))) this.attach(c);
  }

  private attach(c: ContainerInfo): void {
    this.attached.set(c.id, c);
    this.colours.set(c.id, RAINBOW[this.nextColour++ % RAINBOW.length]!);
  }

  private paint(id: string, text: string): string {
    return this.opts.color ? `\u001b[${this.colours.get(id)}m${text}\u001b[0m` : text;
  }

  private format(c: ContainerInfo, e: LogEntry): string {
    const name = shortName(this.s, c);
    const prefix = this.s.style === 'v1' ? `${name.padEnd(this.width)} |` : `${name.padEnd(this.width)}  |`;
    return `${this.paint(c.id, prefix)} ${this.opts.timestamps ? `${rfc3339Nano(e.time)} ` : ''}${e.line}\n`;
  }

  /** What the attached containers already wrote (the last `tail` lines of each), in time order. */
  history(tail: number | undefined): string {
    const rows: Array<{ c: ContainerInfo; e: LogEntry; order: number }> = [];
    let order = 0;
    for (const c of this.attached.values()) {
      const entries = this.s.engine.logs(c.id);
      if (!entries.ok) continue;
      const list = tail === undefined ? entries.value : tail <= 0 ? [] : entries.value.slice(-tail);
      for (const e of list) rows.push({ c, e, order: order++ });
    }
    rows.sort((a, b) => a.e.time - b.e.time || a.order - b.order);
    return rows.map((r) => this.format(r.c, r.e)).join('');
  }

  /** Starts queuing new lines (and exits, and newly started containers). */
  follow(): void {
    const engine = this.s.engine;
    this.offs.push(engine.events.on('log', ({ container, entry }) => {
      if (this.attached.has(container.id)) this.queue.push(this.format(container, entry));
    }));
    this.offs.push(engine.events.on('container', ({ action, container }) => {
      if (action === 'start' && !this.attached.has(container.id)) {
        const ours = projectContainers(this.s).some((c) => c.id === container.id);
        const wanted = this.opts.followServices === undefined || this.opts.followServices.includes(serviceOf(container));
        if (ours && wanted) this.attach(container);
      }
      if (action === 'die' && this.attached.has(container.id) && this.opts.reportExits) {
        this.queue.push(this.paint(container.id, `${container.name} exited with code ${container.exitCode}\n`));
      }
    }));
  }

  /** Writes what came in since the last call. */
  flush(): void {
    if (this.queue.length > 0) this.s.ctx.stdout.write(this.queue.splice(0).join(''));
  }

  /** Every attached container has stopped (compose then stops following). */
  get allExited(): boolean {
    return [...this.attached.values()].every((c) => c.state !== 'running' && c.state !== 'restarting');
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
  }
}
