/**
 * docker-compose's read-mostly commands: ps (v1's texttable, v2's docker-style table), logs,
 * config, build, pull, exec and port.
 */
import type { ContainerInfo } from '../../../engine';
import { toYaml } from '../../format/yaml';
import { sleep, type Program } from '../../types';
import { POLL_MS } from '../docker/client';
import { ago, commandLine, dockerTable, ellipsis, portText, statusText } from '../docker/format';
import { interactiveNotice, isInteractiveShell } from '../docker/interactive';
import { buildService, pullService } from './images';
import { LogPrinter } from './logPrinter';
import { numberOf, projectContainers, selectServices, serviceOf, unknownService, type ComposeSession } from './session';

/** Python's str.center, which texttable uses for header cells. */
function center(text: string, width: number): string {
  const margin = width - text.length;
  if (margin <= 0) return text;
  const left = Math.floor(margin / 2) + (margin & width & 1);
  return ' '.repeat(left) + text + ' '.repeat(margin - left);
}

/** texttable with HEADER decoration: centred headers, a dash rule, cells padded, 3 spaces between columns. */
export function texttable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[], head: boolean): string => cells.map((c, i) => (head ? center(c, widths[i]!) : c.padEnd(widths[i]!))).join('   ');
  const total = widths.reduce((a, b) => a + b, 0) + 3 * (widths.length - 1);
  return [line(headers, true), '-'.repeat(total), ...rows.map((r) => line(r, false))].join('\n') + '\n';
}

function v1State(s: ComposeSession, c: ContainerInfo): string {
  switch (c.state) {
    case 'running': {
      const health = s.engine.health(c);
      return health === undefined ? 'Up' : health === 'starting' ? 'Up (health: starting)' : `Up (${health})`;
    }
    case 'restarting': return 'Restarting';
    case 'created':
    case 'exited': return `Exit ${c.exitCode}`;
  }
}

function v1Ports(c: ContainerInfo): string {
  if (c.state !== 'running') return '';
  const bound = new Set(c.ports.map((p) => `${p.containerPort}/${p.protocol}`));
  return [...c.ports.map(portText), ...c.exposed.filter((e) => !bound.has(e))].join(', ');
}

export function ps(s: ComposeSession, names: readonly string[], quiet: boolean, servicesOnly: boolean): number {
  const unknown = unknownService(s, names);
  if (unknown !== undefined) {
    s.error(`No such service: ${unknown}`);
    return 1;
  }
  if (servicesOnly) {
    s.ctx.stdout.write(selectServices(s, names, false).map((x) => `${x.name}\n`).join(''));
    return 0;
  }
  const containers = projectContainers(s, { services: names.length > 0 ? names : undefined, stopped: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (quiet) {
    s.ctx.stdout.write(containers.map((c) => `${c.id}\n`).join(''));
    return 0;
  }
  if (s.style === 'v2') {
    const now = s.ctx.world.wallNow();
    const running = containers.filter((c) => c.state === 'running');
    s.ctx.stdout.write(dockerTable([
      ['NAME', 'IMAGE', 'COMMAND', 'SERVICE', 'CREATED', 'STATUS', 'PORTS'],
      ...running.map((c) => [c.name, c.image, `"${ellipsis(commandLine(c.command), 20)}"`, serviceOf(c), ago(c.created, now), statusText(c, now, s.engine.health(c)), c.ports.map(portText).join(', ')]),
    ]));
    return 0;
  }
  const rows = containers.map((c) => {
    const command = c.command.join(' ');
    return [c.name, command.length > 30 ? `${command.slice(0, 26)} ...` : command, v1State(s, c), v1Ports(c)];
  });
  s.ctx.stdout.write(texttable(['Name', 'Command', 'State', 'Ports'], rows));
  return 0;
}

export interface LogsFlags {
  readonly follow: boolean;
  readonly tail: number | undefined;
  readonly timestamps: boolean;
  readonly noColor: boolean;
}

export function* logs(s: ComposeSession, names: readonly string[], flags: LogsFlags): Program {
  const unknown = unknownService(s, names);
  if (unknown !== undefined) {
    s.error(`No such service: ${unknown}`);
    return 1;
  }
  const containers = projectContainers(s, { services: names.length > 0 ? names : undefined, stopped: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (s.style === 'v1') s.ctx.stdout.write(`Attaching to ${containers.map((c) => c.name).join(', ')}\n`);
  const printer = new LogPrinter(s, { color: s.ctx.stdout.isTerminal && !flags.noColor, timestamps: flags.timestamps, reportExits: flags.follow, followServices: names.length > 0 ? names : undefined }, containers);
  s.ctx.stdout.write(printer.history(flags.tail));
  if (!flags.follow) return 0;
  printer.follow();
  try {
    while (!printer.allExited) {
      yield sleep(POLL_MS);
      printer.flush();
    }
    return 0;
  } finally {
    printer.dispose();
  }
}

/** The configuration as compose resolved it (absolute paths, normalized ports), keys sorted. */
export function config(s: ComposeSession, servicesOnly: boolean, quiet: boolean): number {
  if (quiet) return 0;
  if (servicesOnly) {
    s.ctx.stdout.write(s.project.services.map((x) => `${x.name}\n`).join(''));
    return 0;
  }
  const services: Record<string, unknown> = {};
  for (const x of s.project.services) {
    const out: Record<string, unknown> = { ...x.raw };
    if (x.build) out.build = { context: x.build.context, ...(x.build.dockerfile !== 'Dockerfile' ? { dockerfile: x.build.dockerfile } : {}) };
    if (x.ports.length > 0) out.ports = x.ports.map((p) => `${p.hostIp ? `${p.hostIp}:` : ''}${p.hostPort ?? ''}${p.hostPort !== undefined ? ':' : ''}${p.containerPort}/${p.protocol}`);
    if (x.mounts.length > 0) out.volumes = x.mounts.map((m) => `${m.source}:${m.target}:${m.readOnly ? 'ro' : 'rw'}`);
    if (x.command) out.command = x.command;
    if (Object.keys(x.environment).length > 0) out.environment = x.environment;
    services[x.name] = out;
  }
  const version = s.project.version.includes('.') ? s.project.version : `${s.project.version}.0`;
  // PyYAML quotes with single quotes where go-yaml uses double ones ("version: '2.0'").
  const yaml = toYaml(s.project.version === '1' ? services : { services, version });
  s.ctx.stdout.write(yaml.replace(/(: |- )"([^"'\\]*)"$/gm, "$1'$2'"));
  return 0;
}

export function* build(s: ComposeSession, names: readonly string[], noCache: boolean): Program {
  const unknown = unknownService(s, names);
  if (unknown !== undefined) {
    s.error(`No such service: ${unknown}`);
    return 1;
  }
  for (const service of selectServices(s, names, false)) {
    if (!service.build) {
      s.info(`${service.name} uses an image, skipping`);
      continue;
    }
    if (!(yield* buildService(s, service, noCache))) return 1;
  }
  return 0;
}

export function* pull(s: ComposeSession, names: readonly string[]): Program {
  const unknown = unknownService(s, names);
  if (unknown !== undefined) {
    s.error(`No such service: ${unknown}`);
    return 1;
  }
  for (const service of selectServices(s, names, false)) {
    if (service.image === undefined) continue;
    if (!(yield* pullService(s, service))) return 1;
  }
  return 0;
}

export function exec(s: ComposeSession, argv: readonly string[], index: number, noTty: boolean): number {
  const [name, ...command] = argv;
  if (name === undefined || command.length === 0) {
    s.ctx.stderr.write('Execute a command in a running container\n\nUsage: exec [options] [-e KEY=VAL...] SERVICE COMMAND [ARGS...]\n');
    return 1;
  }
  if (unknownService(s, [name]) !== undefined) {
    s.error(`No such service: ${name}`);
    return 1;
  }
  const c = projectContainers(s, { services: [name] }).find((x) => numberOf(x) === index);
  if (!c) {
    s.error(`No container found for ${name}_${index}`);
    return 1;
  }
  if (!noTty && isInteractiveShell(command)) return interactiveNotice(s.ctx, 'exec', c.name);
  const r = s.engine.exec(c.id, command);
  if (!r.ok) {
    s.error(r.error.message);
    return 1;
  }
  s.ctx.stdout.write(r.value.stdout);
  s.ctx.stderr.write(r.value.stderr);
  return r.value.exitCode;
}

export function port(s: ComposeSession, name: string | undefined, privatePort: string | undefined, index: number): number {
  if (name === undefined || privatePort === undefined) {
    s.ctx.stderr.write('Print the public port for a port binding.\n\nUsage: port [options] SERVICE PRIVATE_PORT\n');
    return 1;
  }
  const c = projectContainers(s, { services: [name] }).find((x) => numberOf(x) === index);
  if (!c) {
    s.error(`No container found for ${name}_${index}`);
    return 1;
  }
  const [num, proto = 'tcp'] = privatePort.split('/');
  const p = c.ports.find((x) => String(x.containerPort) === num && x.protocol === proto);
  s.ctx.stdout.write(p ? `${p.hostIp || '0.0.0.0'}:${p.hostPort}\n` : '\n');
  return 0;
}

