/**
 * A compose project as docker-compose 1.21 loads it: the file found in the working directory or a
 * parent (or given with -f), read as YAML, variables substituted, checked against what the file
 * format allows, and normalized (build contexts and bind mounts made absolute, ports parsed,
 * commands split). The project's name comes from -p, COMPOSE_PROJECT_NAME or the directory.
 */
import { basename, dirname, loadYamlDocuments, resolvePath, type Mount, type RestartPolicy, type VirtualFs } from '../../../engine';
import { interpolate, missingVariableWarning, shlexSplit } from './interpolate';

export interface PortSpec {
  readonly hostIp: string;
  /** undefined: docker picks a free port ("80" alone). */
  readonly hostPort: number | undefined;
  readonly containerPort: number;
  readonly protocol: 'tcp' | 'udp';
}

export interface Service {
  readonly name: string;
  readonly image: string | undefined;
  readonly build: { readonly context: string; readonly dockerfile: string } | undefined;
  readonly ports: readonly PortSpec[];
  readonly mounts: readonly Mount[];
  readonly environment: Readonly<Record<string, string>>;
  readonly command: readonly string[] | undefined;
  readonly entrypoint: readonly string[] | undefined;
  readonly restart: RestartPolicy;
  readonly dependsOn: readonly string[];
  readonly containerName: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly scale: number;
  /** The service's mapping after substitution, for `config`. */
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface Project {
  readonly name: string;
  readonly dir: string;
  /** The file as messages name it: "./docker-compose.yml". */
  readonly file: string;
  readonly version: string;
  readonly services: readonly Service[];
  readonly networkName: string;
}

export type ProjectLoad =
  | { readonly ok: true; readonly project: Project; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: string; readonly warnings: readonly string[] };

export interface LoadOptions {
  readonly fs: VirtualFs;
  readonly cwd: string;
  readonly env: (name: string) => string | undefined;
  readonly files: readonly string[];
  readonly projectName: string | undefined;
  readonly projectDirectory: string | undefined;
}

export const SUPPORTED_FILENAMES = ['docker-compose.yml', 'docker-compose.yaml'];

export const NO_FILE_ERROR = `
        Can't find a suitable configuration file in this directory or any
        parent. Are you in the right directory?

        Supported filenames: ${SUPPORTED_FILENAMES.join(', ')}
        `;

const SERVICE_KEYS = new Set([
  'build', 'cap_add', 'cap_drop', 'cgroup_parent', 'command', 'container_name', 'cpu_shares', 'cpus', 'depends_on', 'deploy', 'devices', 'dns',
  'dns_search', 'domainname', 'entrypoint', 'env_file', 'environment', 'expose', 'extends', 'external_links', 'extra_hosts', 'healthcheck',
  'hostname', 'image', 'init', 'ipc', 'labels', 'links', 'logging', 'mac_address', 'mem_limit', 'network_mode', 'networks', 'pid', 'ports',
  'privileged', 'read_only', 'restart', 'scale', 'security_opt', 'shm_size', 'stdin_open', 'stop_grace_period', 'stop_signal', 'tmpfs', 'tty',
  'ulimits', 'user', 'volumes', 'volumes_from', 'working_dir',
]);
const TOP_KEYS = ['version', 'services', 'networks', 'volumes', 'secrets', 'configs'];
const VERSION_HELP = 'You might be seeing this error because you\'re using the wrong Compose file version. Either specify a supported version (e.g "2.2" or "3.3") and place your service definitions under the `services` key, or omit the `version` key and place your service definitions at the root of the file to use version 1.\nFor more on the Compose file format versions, see https://docs.docker.com/compose/compose-file/';

/** Compose v1's project name: lower case, letters, digits, dashes and underscores only. */
export function normalizeProjectName(name: string): string {
  return name.toLowerCase().replace(/[^-_a-z0-9]/g, '');
}

function findFile(fs: VirtualFs, cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    for (const name of SUPPORTED_FILENAMES) if (fs.isFile(`${dir === '/' ? '' : dir}/${name}`)) return `${dir === '/' ? '' : dir}/${name}`;
    if (dir === '/') return undefined;
  }
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function invalid(file: string, reason: string): string {
  return `The Compose file '${file}' is invalid because:\n${reason}`;
}

export function parsePort(spec: unknown): PortSpec | undefined {
  if (typeof spec === 'number') return { hostIp: '', hostPort: undefined, containerPort: spec, protocol: 'tcp' };
  if (isMap(spec)) {
    const target = Number(spec.target);
    if (!Number.isInteger(target)) return undefined;
    return { hostIp: '', hostPort: spec.published === undefined ? undefined : Number(spec.published), containerPort: target, protocol: spec.protocol === 'udp' ? 'udp' : 'tcp' };
  }
  if (typeof spec !== 'string') return undefined;
  const [body = '', proto = 'tcp'] = spec.split('/');
  const parts = body.split(':');
  const containerPort = Number(parts[parts.length - 1]);
  const hostPart = parts.length >= 2 ? parts[parts.length - 2]! : '';
  const hostPort = hostPart === '' ? undefined : Number(hostPart);
  if (!Number.isInteger(containerPort) || (hostPort !== undefined && !Number.isInteger(hostPort)) || (proto !== 'tcp' && proto !== 'udp')) return undefined;
  return { hostIp: parts.length === 3 ? parts[0]! : '', hostPort, containerPort, protocol: proto };
}

function commandOf(v: unknown): string[] | undefined {
  if (typeof v === 'string') return shlexSplit(v);
  if (Array.isArray(v)) return v.map(String);
  return undefined;
}

function environmentOf(v: unknown, env: (name: string) => string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(v)) {
    for (const item of v.map(String)) {
      const eq = item.indexOf('=');
      if (eq > 0) out[item.slice(0, eq)] = item.slice(eq + 1);
      else if (env(item) !== undefined) out[item] = env(item)!;
    }
  } else if (isMap(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (x === null || x === undefined) {
        if (env(k) !== undefined) out[k] = env(k)!;
      } else out[k] = String(x);
    }
  }
  return out;
}

function serviceOf(name: string, raw: Record<string, unknown>, dir: string, file: string, env: (n: string) => string | undefined): Service | string {
  for (const key of Object.keys(raw)) if (!SERVICE_KEYS.has(key)) return invalid(file, `Unsupported config option for services.${name}: '${key}'`);
  const b = raw.build;
  const build = typeof b === 'string' ? { context: resolvePath(b, dir), dockerfile: 'Dockerfile' }
    : isMap(b) ? { context: resolvePath(String(b.context ?? '.'), dir), dockerfile: String(b.dockerfile ?? 'Dockerfile') } : undefined;
  const image = raw.image === undefined || raw.image === null ? undefined : String(raw.image);
  if (!build && !image) return invalid(file, `Service ${name} has neither an image nor a build context specified. At least one must be provided.`);
  const ports: PortSpec[] = [];
  for (const p of Array.isArray(raw.ports) ? raw.ports : []) {
    const port = parsePort(p);
    if (!port) return invalid(file, `services.${name}.ports is invalid: Invalid port "${String(p)}", should be [[remote_ip:]remote_port[-remote_port]:]port[/protocol]`);
    ports.push(port);
  }
  const mounts: Mount[] = [];
  for (const v of Array.isArray(raw.volumes) ? raw.volumes.map(String) : []) {
    const [source = '', target, mode] = v.split(':');
    // Named and anonymous volumes are not modelled; bind mounts (paths) are.
    if (target === undefined || !/^[./~]/.test(source)) continue;
    mounts.push({ source: resolvePath(source.replace(/^~/, '/root'), dir), target: target.replace(/(.)\/+$/, '$1'), readOnly: mode === 'ro' });
  }
  const restart = String(raw.restart ?? 'no').split(':')[0]!;
  const deps = raw.depends_on;
  const labels = isMap(raw.labels) ? Object.fromEntries(Object.entries(raw.labels).map(([k, v]) => [k, String(v)])) : environmentOf(raw.labels, () => undefined);
  return {
    name, image, build, ports, mounts, environment: environmentOf(raw.environment, env), command: commandOf(raw.command), entrypoint: commandOf(raw.entrypoint),
    restart: (['no', 'always', 'unless-stopped', 'on-failure'].includes(restart) ? restart : 'no') as RestartPolicy,
    dependsOn: Array.isArray(deps) ? deps.map(String) : isMap(deps) ? Object.keys(deps) : [],
    containerName: raw.container_name === undefined ? undefined : String(raw.container_name), labels,
    scale: typeof raw.scale === 'number' ? raw.scale : 1, raw,
  };
}

export function loadProject(opts: LoadOptions): ProjectLoad {
  const warnings: string[] = [];
  let path: string;
  let shown: string;
  const given = opts.files[opts.files.length - 1];
  if (given !== undefined) {
    path = resolvePath(given, opts.cwd);
    shown = given.startsWith('/') || given.startsWith('.') ? given : `./${given}`;
    if (!opts.fs.isFile(path)) return { ok: false, error: `.FileNotFoundError: [Errno 2] No such file or directory: '${shown}'`, warnings };
  } else {
    const found = findFile(opts.fs, opts.cwd);
    if (!found) return { ok: false, error: NO_FILE_ERROR, warnings };
    path = found;
    shown = dirname(found) === opts.cwd ? `./${basename(found)}` : found;
  }
  const text = opts.fs.readFile(path);
  if (!text.ok) return { ok: false, error: `.IsADirectoryError: [Errno 21] Is a directory: '${shown}'`, warnings };
  // PyYAML, which compose v1 reads with, follows YAML 1.1 like go-yaml: the reader's "kubernetes" flavour.
  const read = loadYamlDocuments(text.value, 'kubernetes');
  if (!read.ok) {
    const p = read.problem;
    return { ok: false, error: `yaml.scanner.ScannerError: ${p.reason}\n  in "${shown}", line ${p.line}, column ${p.column + 1}`, warnings };
  }
  if (read.value.length > 1) return { ok: false, error: `yaml.composer.ComposerError: expected a single document in the stream\n  in "${shown}"`, warnings };
  const doc = read.value[0];
  if (!isMap(doc)) return { ok: false, error: `Top level object in '${shown}' needs to be an object not '${doc === null || doc === undefined ? "<class 'NoneType'>" : `<class '${Array.isArray(doc) ? 'list' : 'str'}'>`}'.`, warnings };
  const sub = interpolate(doc, opts.env);
  for (const name of sub.missing) warnings.push(missingVariableWarning(name));
  const root = sub.value as Record<string, unknown>;
  const version = root.version === undefined ? '1' : String(root.version);
  if (!/^(1|2(\.[0-4])?|3(\.[0-6])?)$/.test(version)) {
    return { ok: false, error: `Version in "${shown}" is unsupported. ${VERSION_HELP}`, warnings };
  }
  const dir = opts.projectDirectory !== undefined ? resolvePath(opts.projectDirectory, opts.cwd) : dirname(path);
  let servicesRaw: Record<string, unknown>;
  if (version === '1') {
    servicesRaw = root;
  } else {
    const extra = Object.keys(root).find((k) => !TOP_KEYS.includes(k) && !k.startsWith('x-'));
    if (extra !== undefined) {
      return { ok: false, error: invalid(shown, `Invalid top-level property "${extra}". Valid top-level sections for this Compose file are: version, services, networks, volumes, and extensions starting with "x-".\n\n${VERSION_HELP}`), warnings };
    }
    servicesRaw = isMap(root.services) ? root.services : {};
  }
  const services: Service[] = [];
  for (const [name, raw] of Object.entries(servicesRaw)) {
    if (!isMap(raw)) return { ok: false, error: invalid(shown, `services.${name} must be a mapping`), warnings };
    const service = serviceOf(name, raw, dir, shown, opts.env);
    if (typeof service === 'string') return { ok: false, error: service, warnings };
    services.push(service);
  }
  for (const s of services) {
    const missing = s.dependsOn.find((d) => !services.some((x) => x.name === d));
    if (missing !== undefined) return { ok: false, error: `Service '${s.name}' depends on service '${missing}' which is undefined.`, warnings };
  }
  const name = normalizeProjectName(opts.projectName ?? opts.env('COMPOSE_PROJECT_NAME') ?? basename(dir));
  return { ok: true, project: { name, dir, file: shown, version, services: orderByDependencies(services), networkName: `${name}_default` }, warnings };
}

/** Services in file order, each after the services it depends on (compose's topological sort). */
function orderByDependencies(services: readonly Service[]): Service[] {
  const out: Service[] = [];
  const visit = (s: Service, seen: Set<string>): void => {
    if (out.includes(s) || seen.has(s.name)) return;
    seen.add(s.name);
    for (const d of s.dependsOn) {
      const dep = services.find((x) => x.name === d);
      if (dep) visit(dep, seen);
    }
    out.push(s);
  };
  for (const s of services) visit(s, new Set());
  return out;
}
