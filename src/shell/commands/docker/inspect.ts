/**
 * `docker inspect` (containers, images, networks; `docker container|image|network inspect`) as a
 * plausible subset of the Engine API's objects, in its field order, and `-f` Go templates such as
 * `{{.NetworkSettings.Networks.dockercoins_default.IPAddress}}` or `{{range …}}{{.IPAddress}}{{end}}`.
 */
import { Random, type ContainerInfo, type DockerEngine, type ImageInfo, type NetworkInfo } from '../../../engine';
import { toGoJson } from '../../format/json';
import type { CommandContext } from '../../types';
import { cliError } from './client';
import { flagValue, type FlagDef, type ParsedFlags } from './flags';
import { parseTemplate, renderOne } from './template';

export const INSPECT_FLAGS: readonly FlagDef[] = [
  { long: 'format', short: 'f', value: true, description: 'Format the output using the given Go template' },
  { long: 'type', value: true, description: 'Return JSON for specified type' },
  { long: 'size', short: 's', description: 'Display total file sizes if the type is container' },
];

/** Go's RFC3339Nano: trailing zeros of the fraction dropped. */
function goTime(ms: number): string {
  if (ms <= 0) return '0001-01-01T00:00:00Z';
  return new Date(ms).toISOString().replace(/\.?0+Z$/, 'Z');
}

const derived = (seed: string): string => Random.fromSeed(seed).hex(64);

function portMap(list: readonly string[], bind: (key: string) => unknown): Record<string, unknown> {
  return Object.fromEntries(list.map((k) => [k, bind(k)]));
}

export function containerJson(c: ContainerInfo, engine: DockerEngine): Record<string, unknown> {
  const net = engine.network(c.network);
  const dir = `/var/lib/docker/containers/${c.id}`;
  const running = c.state === 'running';
  const bindings = (key: string, hostIp: string): unknown => {
    const list = c.ports.filter((p) => `${p.containerPort}/${p.protocol}` === key).map((p) => ({ HostIp: hostIp === 'api' ? p.hostIp : '', HostPort: String(p.hostPort) }));
    return list.length > 0 ? list : null;
  };
  const onDefaultBridge = c.network === 'bridge';
  const health = engine.health(c);
  return {
    Id: c.id,
    Created: goTime(c.created),
    Path: c.command[0] ?? '',
    Args: c.command.slice(1),
    State: {
      Status: c.state, Running: running, Paused: false, Restarting: c.state === 'restarting', OOMKilled: false, Dead: false,
      Pid: c.pid, ExitCode: c.exitCode, Error: '', StartedAt: goTime(c.startedAt), FinishedAt: goTime(c.finishedAt),
      ...(health ? { Health: { Status: health, FailingStreak: 0, Log: [] } } : {}),
    },
    Image: c.imageId,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    HostConfig: {
      Binds: c.mounts.length > 0 ? c.mounts.map((m) => `${m.source}:${m.target}:${m.readOnly ? 'ro' : 'rw'}`) : null,
      NetworkMode: c.network === 'bridge' ? 'default' : c.network,
      PortBindings: portMap([...new Set(c.ports.map((p) => `${p.containerPort}/${p.protocol}`))], (k) => bindings(k, 'config')),
      RestartPolicy: { Name: c.restartPolicy === 'no' ? '' : c.restartPolicy, MaximumRetryCount: 0 },
      AutoRemove: c.autoRemove,
    },
    Mounts: c.mounts.map((m) => ({ Type: 'bind', Source: m.source, Destination: m.target, Mode: m.readOnly ? 'ro' : 'rw', RW: !m.readOnly, Propagation: 'rprivate' })),
    Config: {
      Hostname: c.hostname, Domainname: '', User: '', AttachStdin: false, AttachStdout: true, AttachStderr: true,
      ...(c.exposed.length > 0 ? { ExposedPorts: portMap(c.exposed, () => ({})) } : {}),
      Tty: c.tty, OpenStdin: false, StdinOnce: false, Env: c.env, Cmd: c.cmd.length > 0 ? c.cmd : null, Image: c.image, Volumes: null,
      WorkingDir: engine.images.get(c.imageId)?.workingDir ?? '', Entrypoint: c.entrypoint.length > 0 ? c.entrypoint : null, OnBuild: null, Labels: c.labels,
    },
    NetworkSettings: {
      Bridge: '', SandboxID: running ? derived(`sandbox:${c.id}`) : '', HairpinMode: false,
      Ports: running ? portMap([...new Set([...c.exposed, ...c.ports.map((p) => `${p.containerPort}/${p.protocol}`)])], (k) => bindings(k, 'api')) : {},
      SandboxKey: running ? `/var/run/docker/netns/${derived(`netns:${c.id}`).slice(0, 12)}` : '',
      Gateway: onDefaultBridge && running ? net?.gateway ?? '' : '', IPAddress: onDefaultBridge ? c.ip : '', IPPrefixLen: onDefaultBridge && running ? 16 : 0,
      MacAddress: onDefaultBridge ? c.mac : '',
      Networks: {
        [c.network]: {
          IPAMConfig: null, Links: null, Aliases: c.network === 'bridge' ? null : [...c.aliases, c.hostname], NetworkID: net?.id ?? '',
          EndpointID: running ? derived(`endpoint:${c.id}:${c.startedAt}`) : '', Gateway: running ? net?.gateway ?? '' : '', IPAddress: c.ip,
          IPPrefixLen: running ? 16 : 0, IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0, MacAddress: c.mac, DriverOpts: null,
        },
      },
    },
  };
}

export function imageJson(i: ImageInfo): Record<string, unknown> {
  return {
    Id: i.id, RepoTags: i.repoTags, RepoDigests: i.repoDigests, Parent: i.parent, Comment: '', Created: goTime(i.created), DockerVersion: '20.10.24', Author: '',
    Config: {
      Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false,
      ...(i.exposed.length > 0 ? { ExposedPorts: portMap(i.exposed, () => ({})) } : {}),
      Tty: false, OpenStdin: false, StdinOnce: false, Env: i.env, Cmd: i.cmd.length > 0 ? i.cmd : null, Image: i.parent, Volumes: null,
      WorkingDir: i.workingDir, Entrypoint: i.entrypoint.length > 0 ? i.entrypoint : null, OnBuild: null, Labels: Object.keys(i.labels).length > 0 ? i.labels : null,
    },
    Architecture: 'amd64', Os: 'linux', Size: i.size, VirtualSize: i.size,
    RootFS: { Type: 'layers', Layers: i.layers },
  };
}

export function networkJson(n: NetworkInfo, engine: DockerEngine): Record<string, unknown> {
  const members = engine.containers(true).filter((c) => c.network === n.name && c.state === 'running');
  return {
    Name: n.name, Id: n.id, Created: goTime(n.created), Scope: n.scope, Driver: n.driver, EnableIPv6: false,
    IPAM: { Driver: 'default', Options: n.builtin ? null : {}, Config: n.subnet ? [{ Subnet: n.subnet, Gateway: n.gateway }] : [] },
    Internal: false, Attachable: false, Ingress: false, ConfigFrom: { Network: '' }, ConfigOnly: false,
    Containers: Object.fromEntries(members.map((c) => [c.id, { Name: c.name, EndpointID: derived(`endpoint:${c.id}:${c.startedAt}`), MacAddress: c.mac, IPv4Address: `${c.ip}/16`, IPv6Address: '' }])),
    Options: n.name === 'bridge' ? { 'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.name': 'docker0' } : {},
    Labels: n.labels,
  };
}

export function runInspect(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags, only?: 'container' | 'image' | 'network'): number {
  if (parsed.args.length === 0) {
    ctx.stderr.write('"docker inspect" requires at least 1 argument.\nSee \'docker inspect --help\'.\n\nUsage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]\n\nReturn low-level information on Docker objects\n');
    return 1;
  }
  const type = only ?? flagValue(parsed, 'type');
  const objects: unknown[] = [];
  let code = 0;
  for (const ref of parsed.args) {
    const c = type === undefined || type === 'container' ? engine.container(ref) : undefined;
    const i = !c && (type === undefined || type === 'image') ? engine.images.get(ref) : undefined;
    const n = !c && !i && (type === undefined || type === 'network') ? engine.network(ref) : undefined;
    if (c) objects.push(containerJson(c, engine));
    else if (i) objects.push(imageJson(i));
    else if (n) objects.push(networkJson(n, engine));
    else {
      code = cliError(ctx, `No such ${type ?? 'object'}: ${ref}`);
    }
  }
  const format = flagValue(parsed, 'format');
  if (format !== undefined) {
    const t = parseTemplate(format);
    if (!t.ok) {
      ctx.stderr.write(`${t.error}\n`);
      return 1;
    }
    for (const o of objects) ctx.stdout.write(`${renderOne(t.template, o)}\n`);
    return code;
  }
  if (objects.length > 0 || code === 0) ctx.stdout.write(toGoJson(objects, { indent: '    ', sortKeys: false }));
  else ctx.stdout.write('[]\n');
  return code;
}

