/**
 * The docker engine's data, as its API (and so `docker inspect`, `docker ps`, compose) presents it.
 * Plain read-only records: the engine owns and mutates its own copies.
 */

/** Docker's container states (`State.Status`); "removing" and "dead" exist in docker, never here yet. */
export type DockerContainerState = 'created' | 'running' | 'restarting' | 'exited';

export type PortProtocol = 'tcp' | 'udp';

/** A published port: `-p 8001:80` is { hostIp: "0.0.0.0", hostPort: 8001, containerPort: 80, protocol: "tcp" }. */
export interface PortBinding {
  readonly hostIp: string;
  readonly hostPort: number;
  readonly containerPort: number;
  readonly protocol: PortProtocol;
}

/** A bind mount (`-v ./webui/files/:/files/`): the container sees the host's directory, live. */
export interface Mount {
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
}

export type RestartPolicy = 'no' | 'always' | 'unless-stopped' | 'on-failure';

/** What `docker create` / `docker run` / compose ask for. */
export interface ContainerSpec {
  /** The reference as given ("redis", "dockercoins_rng", "python:alpine"); resolved against local images. */
  readonly image: string;
  readonly name?: string;
  /** Replaces the image's CMD (`docker run IMAGE cmd…`, compose `command:`). */
  readonly cmd?: readonly string[];
  readonly entrypoint?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly ports?: readonly PortBinding[];
  readonly labels?: Readonly<Record<string, string>>;
  /** Network name; "bridge" (docker0, no DNS) when absent. */
  readonly network?: string;
  /** DNS names on that network besides the container's name and short id (compose: the service name). */
  readonly aliases?: readonly string[];
  readonly mounts?: readonly Mount[];
  readonly restart?: RestartPolicy;
  /** `--rm`: removed as soon as it exits. */
  readonly autoRemove?: boolean;
  readonly tty?: boolean;
}

/** One line a container wrote, with its wall-clock time (ms) and a per-container sequence number. */
export interface LogEntry {
  readonly seq: number;
  readonly time: number;
  readonly stream: 'stdout' | 'stderr';
  readonly line: string;
}

export interface ContainerInfo {
  /** 64 hex characters. */
  readonly id: string;
  readonly name: string;
  /** As the user referred to it ("redis", "dockercoins_worker"). */
  readonly image: string;
  /** "sha256:…" */
  readonly imageId: string;
  /** Entrypoint then command, as `docker ps` joins them. */
  readonly command: readonly string[];
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly env: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** Wall-clock ms. */
  readonly created: number;
  readonly state: DockerContainerState;
  readonly exitCode: number;
  /** Wall-clock ms of the last start and the last exit (0 when never). */
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly restartCount: number;
  readonly ports: readonly PortBinding[];
  /** "80/tcp": what the image exposes (shown by `docker ps` when not published). */
  readonly exposed: readonly string[];
  readonly network: string;
  readonly aliases: readonly string[];
  /** The address on its network while it runs, "" otherwise (docker releases it on stop). */
  readonly ip: string;
  readonly mac: string;
  readonly hostname: string;
  readonly mounts: readonly Mount[];
  readonly restartPolicy: RestartPolicy;
  readonly autoRemove: boolean;
  readonly tty: boolean;
  /** The program the container runs, if the runtime knows it ("dockercoins/rng"). */
  readonly program: string | undefined;
  /** Host pid of its main process while it runs, 0 otherwise. */
  readonly pid: number;
}

export interface ImageInfo {
  /** "sha256:<64 hex>" */
  readonly id: string;
  /** "redis:latest", "dockercoins_rng:latest"; empty for intermediate and dangling images. */
  readonly repoTags: readonly string[];
  /** "redis@sha256:…" for pulled images. */
  readonly repoDigests: readonly string[];
  /** Wall-clock ms. */
  readonly created: number;
  /** Uncompressed bytes, as `docker images` shows them. */
  readonly size: number;
  /** Layer digests, base first. */
  readonly layers: readonly string[];
  readonly parent: string;
  readonly cmd: readonly string[];
  readonly entrypoint: readonly string[];
  readonly env: readonly string[];
  readonly exposed: readonly string[];
  readonly workingDir: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Program key for its default command ("redis", "dockercoins/rng"). */
  readonly program: string | undefined;
  /** A build step's result, hidden from `docker images` (`-a` shows it). */
  readonly intermediate: boolean;
  /** Files the image adds to the base layout (COPY/ADD results, entrypoint scripts), path → content. */
  readonly files: ReadonlyMap<string, string>;
  readonly healthcheck: Healthcheck | undefined;
}

/** A Dockerfile HEALTHCHECK: docker runs `test` every interval and counts failures. */
export interface Healthcheck {
  readonly test: readonly string[];
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly startPeriodMs: number;
}

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy';

export interface NetworkInfo {
  /** 64 hex characters. */
  readonly id: string;
  readonly name: string;
  /** "bridge", "host", "null" */
  readonly driver: string;
  readonly scope: 'local';
  /** "172.18.0.0/16"; "" for host and none. */
  readonly subnet: string;
  readonly gateway: string;
  readonly created: number;
  readonly labels: Readonly<Record<string, string>>;
  /** Predefined networks (bridge, host, none) cannot be removed. */
  readonly builtin: boolean;
}

/** Failures as the daemon reports them: `message` is what follows "Error response from daemon: ". */
export interface DockerError {
  readonly kind: 'not-found' | 'conflict' | 'invalid' | 'port' | 'in-use' | 'not-running';
  readonly message: string;
}

export type DockerResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DockerError };

export function dockerOk<T>(value: T): DockerResult<T> {
  return { ok: true, value };
}

export function dockerErr<T = never>(kind: DockerError['kind'], message: string): DockerResult<T> {
  return { ok: false, error: { kind, message } };
}

/** What the engine tells its watchers; `docker events` calls the container ones "actions". */
export interface DockerEvents extends Record<string, unknown> {
  log: { readonly container: ContainerInfo; readonly entry: LogEntry };
  container: { readonly action: 'create' | 'start' | 'die' | 'stop' | 'kill' | 'destroy' | 'restart'; readonly container: ContainerInfo };
  image: { readonly action: 'pull' | 'tag' | 'delete' | 'build'; readonly image: ImageInfo };
  network: { readonly action: 'create' | 'destroy' | 'connect' | 'disconnect'; readonly network: NetworkInfo };
}

/** A long operation (pull, build) as the daemon streams it: waits on the virtual clock and output. */
export type OperationStep = { readonly kind: 'wait'; readonly ms: number } | { readonly kind: 'out'; readonly text: string };
export type Operation<R> = Generator<OperationStep, R, void>;

/** Compose's labels, which is all compose knows its containers by. */
export const COMPOSE_LABELS = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  number: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
  version: 'com.docker.compose.version',
  configHash: 'com.docker.compose.config-hash',
  network: 'com.docker.compose.network',
} as const;
