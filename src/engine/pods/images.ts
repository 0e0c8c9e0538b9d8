/**
 * What the kubelet needs to know of an image to run it in a pod: its ENTRYPOINT and CMD (which a
 * pod's `command` and `args` replace, as Kubernetes documents), its environment, working
 * directory and STOPSIGNAL, which userland it ships (busybox applets, a Debian base, nothing) and
 * which program its default command runs. Matched by repository, whatever the tag: the lessons
 * use `nginx`, `nginx:1.25` and `nginx:alpine` alike.
 */
/** Which userland an image ships; "unknown" images may hold any program (the simulation does not know them). */
export type ImageFlavour = 'busybox' | 'debian' | 'scratch' | 'unknown';

export interface PodImage {
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  /** KEY=value, PATH first, as `docker inspect` lists them. */
  readonly env: readonly string[];
  readonly workingDir: string;
  readonly flavour: ImageFlavour;
  /** The image's STOPSIGNAL when it is not SIGTERM (nginx stops gracefully on SIGQUIT). */
  readonly stopSignal?: 'SIGQUIT';
  /** A program key for the image's own binary, when its name alone does not say it ("/webcolor"). */
  readonly binaries?: Readonly<Record<string, string>>;
  /** /etc/os-release's PRETTY_NAME. */
  readonly os: string;
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const ALPINE = 'Alpine Linux v3.18';
const BOOKWORM = 'Debian GNU/Linux 12 (bookworm)';
const PYTHON_ENV = [PATH, 'LANG=C.UTF-8', 'GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D', 'PYTHON_VERSION=3.11.4', 'PYTHON_PIP_VERSION=23.1.2'];
const RUBY_ENV = [PATH.replace('PATH=', 'PATH=/usr/local/bundle/bin:'), 'LANG=C.UTF-8', 'RUBY_MAJOR=3.2', 'RUBY_VERSION=3.2.2', 'GEM_HOME=/usr/local/bundle'];
const NODE4_ENV = [PATH, 'NPM_CONFIG_LOGLEVEL=info', 'NODE_VERSION=4.9.1'];

function img(flavour: ImageFlavour, cmd: readonly string[], rest: Partial<PodImage> = {}): PodImage {
  return { entrypoint: [], cmd, env: [PATH], workingDir: '/', flavour, os: flavour === 'busybox' ? ALPINE : BOOKWORM, ...rest };
}

/** Repository (as normalized by containerd, without the tag) → image. First match wins. */
const IMAGES: ReadonlyArray<readonly [RegExp, PodImage]> = [
  [/^docker\.io\/library\/alpine$/, img('busybox', ['/bin/sh'])],
  [/^docker\.io\/library\/busybox$/, img('busybox', ['sh'], { os: 'BusyBox v1.36.1' })],
  [/^docker\.io\/library\/nginx$/, img('debian', ['nginx', '-g', 'daemon off;'], {
    entrypoint: ['/docker-entrypoint.sh'], stopSignal: 'SIGQUIT',
    env: [PATH, 'NGINX_VERSION=1.25.0', 'NJS_VERSION=0.7.12', 'PKG_RELEASE=1~bookworm'],
  })],
  [/^docker\.io\/library\/redis$/, img('debian', ['redis-server'], {
    entrypoint: ['docker-entrypoint.sh'], workingDir: '/data', env: [PATH, 'GOSU_VERSION=1.16', 'REDIS_VERSION=7.0.11'],
  })],
  [/^docker\.io\/library\/elasticsearch$/, img('debian', ['elasticsearch'], {
    entrypoint: ['/docker-entrypoint.sh'], workingDir: '/usr/share/elasticsearch', os: 'Debian GNU/Linux 8 (jessie)',
    env: [PATH.replace('PATH=', 'PATH=/usr/share/elasticsearch/bin:'), 'LANG=C.UTF-8', 'JAVA_HOME=/usr/lib/jvm/java-8-openjdk-amd64/jre', 'ELASTICSEARCH_VERSION=2.4.6'],
  })],
  [/^docker\.io\/library\/registry$/, img('busybox', ['/etc/docker/registry/config.yml'], { entrypoint: ['/entrypoint.sh'], binaries: { '/entrypoint.sh': 'registry' } })],
  [/^docker\.io\/library\/(ubuntu|debian)$/, img('debian', ['bash'])],
  [/^docker\.io\/library\/python$/, img('busybox', ['python3'], { env: PYTHON_ENV })],
  [/^docker\.io\/library\/ruby$/, img('busybox', ['irb'], { env: RUBY_ENV })],
  [/^docker\.io\/library\/node$/, img('debian', ['node'], { env: NODE4_ENV })],
  [/^docker\.io\/jpetazzo\/(web)?color$/, img('busybox', ['/webcolor'], { binaries: { '/webcolor': 'jpetazzo/color' } })],
  [/^docker\.io\/dockercoins\/(rng|worker)$/, img('busybox', [], { env: PYTHON_ENV })],
  [/^docker\.io\/dockercoins\/hasher$/, img('busybox', ['ruby', 'hasher.rb'], { env: RUBY_ENV })],
  [/^docker\.io\/dockercoins\/webui$/, img('debian', ['node', 'webui.js'], { env: NODE4_ENV, os: 'Debian GNU/Linux 8 (jessie)' })],
];

/** Entrypoint scripts that end in `exec "$@"`: what follows them is the real program. */
export const ENTRYPOINT_WRAPPERS: ReadonlySet<string> = new Set(['docker-entrypoint.sh', '/docker-entrypoint.sh', '/usr/local/bin/docker-entrypoint.sh']);

/** The dockercoins images' CMDs (rng and worker share a base image, not a command). */
const DOCKERCOINS_CMD: Readonly<Record<string, readonly string[]>> = {
  rng: ['python', 'rng.py'], worker: ['python', 'worker.py'], hasher: ['ruby', 'hasher.rb'], webui: ['node', 'webui.js'],
};

/** Images the simulation does not know: no userland to speak of, no default command. */
const UNKNOWN: PodImage = img('unknown', [], { os: '' });

/** The image a normalized reference ("docker.io/library/nginx:latest") names. */
export function podImage(ref: string): PodImage {
  const repo = repositoryOf(ref);
  for (const [re, image] of IMAGES) {
    if (!re.test(repo)) continue;
    const svc = /^docker\.io\/dockercoins\/(\w+)$/.exec(repo)?.[1];
    return svc && DOCKERCOINS_CMD[svc] ? { ...image, cmd: DOCKERCOINS_CMD[svc] } : image;
  }
  return UNKNOWN;
}

/** "docker.io/library/nginx:1.25" → "docker.io/library/nginx" (digests too). */
export function repositoryOf(ref: string): string {
  const at = ref.indexOf('@');
  const base = at >= 0 ? ref.slice(0, at) : ref;
  const colon = base.lastIndexOf(':');
  return colon > base.lastIndexOf('/') ? base.slice(0, colon) : base;
}

/**
 * The process a container runs, by Kubernetes' rules: `command` replaces the ENTRYPOINT (and
 * drops the CMD), `args` replaces the CMD.
 */
export function effectiveArgv(image: PodImage, command: readonly string[] | undefined, args: readonly string[] | undefined): string[] {
  const entry = command && command.length > 0 ? command : image.entrypoint;
  const cmd = args && args.length > 0 ? args : command && command.length > 0 ? [] : image.cmd;
  return [...entry, ...cmd];
}
