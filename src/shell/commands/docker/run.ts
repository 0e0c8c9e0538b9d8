/**
 * `docker run [OPTIONS] IMAGE [COMMAND] [ARG...]`: pull the image when missing ("Unable to find
 * image … locally"), create, start, then either print the id (-d) or stay attached, streaming the
 * container's output until it exits (its exit code becomes ours). Ctrl+C is forwarded to the
 * container as SIGINT; a second one detaches. Errors print as the CLI does (`docker: …`, exit 125).
 */
import type { DockerEngine, LogEntry, PortBinding, RestartPolicy } from '../../../engine';
import { Interrupt, sleep, type CommandContext, type Program } from '../../types';
import { POLL_MS, runOperation } from './client';
import { flagValue, flagValues, type FlagDef, type ParsedFlags } from './flags';
import { interactiveNotice, isInteractiveShell } from './interactive';

export const RUN_FLAGS: readonly FlagDef[] = [
  { long: 'detach', short: 'd', description: 'Run container in background and print container ID' },
  { long: 'name', value: true, description: 'Assign a name to the container' },
  { long: 'publish', short: 'p', value: true, description: "Publish a container's port(s) to the host" },
  { long: 'publish-all', short: 'P', description: 'Publish all exposed ports to random ports' },
  { long: 'env', short: 'e', value: true, description: 'Set environment variables' },
  { long: 'rm', description: 'Automatically remove the container when it exits' },
  { long: 'interactive', short: 'i', description: 'Keep STDIN open even if not attached' },
  { long: 'tty', short: 't', description: 'Allocate a pseudo-TTY' },
  { long: 'network', value: true, description: 'Connect a container to a network' },
  { long: 'net', value: true, description: 'Connect a container to a network' },
  { long: 'restart', value: true, description: 'Restart policy to apply when a container exits (default "no")' },
  { long: 'volume', short: 'v', value: true, description: 'Bind mount a volume' },
  { long: 'entrypoint', value: true, description: 'Overwrite the default ENTRYPOINT of the image' },
  { long: 'label', short: 'l', value: true, description: 'Set meta data on a container' },
  { long: 'workdir', short: 'w', value: true, description: 'Working directory inside the container' },
  { long: 'hostname', short: 'h', value: true, description: 'Container host name' },
];

/** Docker hands out published ports without a host port from here upward. */
const EPHEMERAL_FIRST = 49153;

function fail(ctx: CommandContext, message: string): number {
  ctx.stderr.write(`docker: ${message}.\nSee 'docker run --help'.\n`);
  return 125;
}

export function parsePorts(specs: readonly string[], taken: (port: number) => boolean): { ok: true; ports: PortBinding[] } | { ok: false; error: string } {
  const ports: PortBinding[] = [];
  let next = EPHEMERAL_FIRST;
  for (const spec of specs) {
    const [body = '', proto = 'tcp'] = spec.split('/');
    const parts = body.split(':');
    const containerPort = Number(parts[parts.length - 1]);
    if (!Number.isInteger(containerPort) || containerPort < 1 || containerPort > 65535) return { ok: false, error: `Invalid containerPort: ${parts[parts.length - 1]}` };
    if (proto !== 'tcp' && proto !== 'udp') return { ok: false, error: `Invalid proto: ${proto}` };
    const hostIp = parts.length === 3 ? parts[0]! : '0.0.0.0';
    let hostPort = parts.length >= 2 && parts[parts.length - 2] !== '' ? Number(parts[parts.length - 2]) : NaN;
    if (parts.length >= 2 && parts[parts.length - 2] !== '' && (!Number.isInteger(hostPort) || hostPort < 1 || hostPort > 65535)) {
      return { ok: false, error: `Invalid hostPort: ${parts[parts.length - 2]}` };
    }
    if (Number.isNaN(hostPort)) {
      while (taken(next) || ports.some((p) => p.hostPort === next)) next++;
      hostPort = next++;
    }
    ports.push({ hostIp, hostPort, containerPort, protocol: proto });
  }
  return { ok: true, ports };
}

export function* runRun(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): Program {
  const [image, ...cmd] = parsed.args;
  if (image === undefined) {
    ctx.stderr.write('"docker run" requires at least 1 argument.\nSee \'docker run --help\'.\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun a command in a new container\n');
    return 125;
  }
  const tty = parsed.bools.has('tty');
  const restart = (flagValue(parsed, 'restart') ?? 'no').split(':')[0]!;
  if (!['no', 'always', 'unless-stopped', 'on-failure'].includes(restart)) return fail(ctx, `invalid restart policy ${restart}`);
  const taken = (port: number): boolean => ctx.world.network.isListening(ctx.host.name, port);
  const published = parsePorts(flagValues(parsed, 'publish'), taken);
  if (!published.ok) return fail(ctx, published.error);
  if (!engine.images.get(image)) {
    const op = engine.images.pull(image);
    if (!op.ok) return fail(ctx, op.error.message);
    ctx.stderr.write(`Unable to find image '${image.includes(':') ? image : `${image}:latest`}' locally\n`);
    const pulled = yield* runOperation(op.value, (t) => ctx.stderr.write(t));
    if (!pulled.ok) return fail(ctx, `Error response from daemon: ${pulled.error.message}`);
  }
  const found = engine.images.get(image);
  const command = cmd.length > 0 ? cmd : found?.cmd ?? [];
  if (parsed.bools.has('interactive') && tty && isInteractiveShell(command)) return interactiveNotice(ctx, 'run');
  let ports = published.ports;
  if (parsed.bools.has('publish-all') && found) {
    const all = parsePorts(found.exposed.filter((e) => !ports.some((p) => `${p.containerPort}/${p.protocol}` === e)), taken);
    if (all.ok) ports = [...ports, ...all.ports];
  }
  const env: Record<string, string> = {};
  for (const e of flagValues(parsed, 'env')) {
    const eq = e.indexOf('=');
    if (eq > 0) env[e.slice(0, eq)] = e.slice(eq + 1);
    else if (ctx.env.get(e) !== undefined) env[e] = ctx.env.get(e)!;
  }
  const mounts = flagValues(parsed, 'volume').map((v) => {
    const [source = '', target = source, mode = ''] = v.split(':');
    return { source: source.startsWith('/') ? source : `${ctx.cwd}/${source}`, target, readOnly: mode === 'ro' };
  });
  const entrypoint = flagValue(parsed, 'entrypoint');
  const name = flagValue(parsed, 'name');
  const network = flagValue(parsed, 'network') ?? flagValue(parsed, 'net');
  const labels = Object.fromEntries(flagValues(parsed, 'label').map((l) => [l.split('=')[0]!, l.slice(l.indexOf('=') + 1)]));
  const created = engine.create({
    image, ...(name !== undefined ? { name } : {}), ...(cmd.length > 0 ? { cmd } : {}), ...(entrypoint !== undefined ? { entrypoint: entrypoint ? [entrypoint] : [] } : {}),
    env, ports, labels, ...(network !== undefined ? { network } : {}), mounts, restart: restart as RestartPolicy, autoRemove: parsed.bools.has('rm'), tty,
  });
  if (!created.ok) return fail(ctx, `Error response from daemon: ${created.error.message}`);
  const c = created.value;
  const detach = parsed.bools.has('detach');
  const queue: LogEntry[] = [];
  const offLog = detach ? () => undefined : engine.events.on('log', ({ container, entry }) => container.id === c.id && queue.push(entry));
  try {
    const started = engine.start(c.id);
    if (!started.ok) return fail(ctx, `Error response from daemon: ${started.error.message}`);
    if (detach) {
      ctx.stdout.write(`${c.id}\n`);
      return 0;
    }
    let interrupts = 0;
    for (;;) {
      for (const e of queue.splice(0)) (e.stream === 'stderr' && !tty ? ctx.stderr : ctx.stdout).write(`${e.line}\n`);
      if (c.state === 'exited' || (c.state === 'created' && !engine.container(c.id))) return c.exitCode;
      try {
        yield sleep(POLL_MS);
      } catch (e) {
        if (!(e instanceof Interrupt)) throw e;
        // The CLI forwards SIGINT to the container (--sig-proxy); a second Ctrl+C leaves it running.
        if (++interrupts > 1) return 130;
        if (engine.container(c.id)?.state === 'running') engine.kill(c.id, 'SIGINT');
      }
    }
  } finally {
    offLog();
  }
}
