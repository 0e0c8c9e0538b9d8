/**
 * One compose invocation: the project, the engine it talks to, its output conventions (compose v1
 * logs "WARNING:"/"ERROR:" to stderr, coloured on a terminal; status lines through one parallel
 * writer), and the project's containers as compose finds them — by their labels.
 */
import { COMPOSE_LABELS, type ContainerInfo, type DockerEngine } from '../../../engine';
import type { CommandContext } from '../../types';
import type { Project, Service } from './project';
import type { ComposeStyle } from './style';
import { ParallelWriter } from './writer';

export interface ComposeSession {
  readonly ctx: CommandContext;
  readonly engine: DockerEngine;
  readonly project: Project;
  readonly style: ComposeStyle;
  /** ANSI cursor moves for status lines (compose v1 writes them unless --no-ansi). */
  readonly ansi: boolean;
  readonly writer: ParallelWriter;
  /** Compose v2 reports a batch at its end ("[+] Running 6/6" and one line per object). */
  readonly summary: SummaryLine[];
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface SummaryLine {
  /** "Service" lines (a pull) show the name alone. */
  readonly kind: 'Network' | 'Container' | 'Service';
  readonly name: string;
  readonly status: string;
  readonly ok: boolean;
}

/** Compose v2's report of a batch: "[+] Running 6/6" then " ✔ Container dockercoins-rng-1  Started". */
export function flushSummary(s: ComposeSession, verb: string, pending: readonly SummaryLine[] = s.summary.splice(0)): void {
  // One line per object, showing where it ended up ("Stopped" then "Removed" is one "Removed" line).
  const byObject = new Map<string, SummaryLine>();
  for (const l of pending) byObject.set(`${l.kind} ${l.name}`, l);
  const lines = [...byObject.values()];
  if (lines.length === 0) return;
  const label = (l: SummaryLine): string => (l.kind === 'Service' ? l.name : `${l.kind} ${l.name}`);
  const done = lines.filter((l) => l.ok).length;
  const width = Math.max(...lines.map((l) => label(l).length));
  const rows = lines.map((l) => ` ${l.ok ? '✔' : '✘'} ${label(l).padEnd(width)}  ${l.status}\n`);
  s.ctx.stderr.write(`[+] ${verb} ${done}/${lines.length}\n${rows.join('')}`);
}

export function createSession(ctx: CommandContext, engine: DockerEngine, project: Project, style: ComposeStyle, noAnsi: boolean): ComposeSession {
  const ansi = !noAnsi;
  const tty = ctx.stderr.isTerminal && !noAnsi;
  const level = (name: string, colour: string): string => (tty ? `\u001b[${colour}m${name}\u001b[0m: ` : `${name}: `);
  return {
    ctx, engine, project, style, ansi,
    writer: new ParallelWriter(ctx.stderr, ansi),
    summary: [],
    info: (m) => ctx.stderr.write(`${m}\n`),
    warn: (m) => ctx.stderr.write(`${level('WARNING', '33')}${m}\n`),
    // Compose v2 prints errors bare, in lower case ("no such service: foo").
    error: (m) => ctx.stderr.write(style === 'v1' ? `${level('ERROR', '31')}${m}\n` : `${m.charAt(0).toLowerCase()}${m.slice(1)}\n`),
  };
}

export function numberOf(c: ContainerInfo): number {
  return Number(c.labels[COMPOSE_LABELS.number] ?? 0);
}

export function serviceOf(c: ContainerInfo): string {
  return c.labels[COMPOSE_LABELS.service] ?? '';
}

/** The project's containers (newest first, as the daemon lists them), optionally for some services only. */
export function projectContainers(s: ComposeSession, opts: { readonly services?: readonly string[] | undefined; readonly stopped?: boolean } = {}): ContainerInfo[] {
  return s.engine.containers(opts.stopped ?? false).filter((c) => c.labels[COMPOSE_LABELS.project] === s.project.name
    && c.labels[COMPOSE_LABELS.oneoff] !== 'True'
    && (opts.services === undefined || opts.services.includes(serviceOf(c))));
}

/** A service's containers in number order. */
export function serviceContainers(s: ComposeSession, service: Service): ContainerInfo[] {
  return projectContainers(s, { services: [service.name], stopped: true }).sort((a, b) => numberOf(a) - numberOf(b));
}

/** The name without the project prefix, as compose v1's log prefix shows it ("worker_1"). */
export function shortName(s: ComposeSession, c: ContainerInfo): string {
  const prefix = `${s.project.name}_`;
  return s.style === 'v1' && c.name.startsWith(prefix) ? c.name.slice(prefix.length) : c.name;
}

/** Checks service names given on the command line: compose's "No such service". */
export function unknownService(s: ComposeSession, names: readonly string[]): string | undefined {
  return names.find((n) => !s.project.services.some((x) => x.name === n));
}

/** The services named (all when none are), plus what they depend on, in dependency order. */
export function selectServices(s: ComposeSession, names: readonly string[], withDeps: boolean): Service[] {
  if (names.length === 0) return [...s.project.services];
  const wanted = new Set(names);
  if (withDeps) {
    let grew = true;
    while (grew) {
      grew = false;
      for (const svc of s.project.services) {
        if (!wanted.has(svc.name)) continue;
        for (const d of svc.dependsOn) {
          if (wanted.has(d)) continue;
          wanted.add(d);
          grew = true;
        }
      }
    }
  }
  return s.project.services.filter((x) => wanted.has(x.name));
}
