/**
 * What Docker Hub holds for this playground: the images the workshop pulls (DockerCoins' base
 * images, redis, its prebuilt dockercoins/* images) and a few every learner tries. Sizes are the
 * uncompressed sizes `docker images` showed for these tags in the PWK era; layer counts match the
 * real images closely enough for pull output to look right. Digests and layer ids are derived from
 * the reference, so they are the same in every world, as a registry's content is.
 */
import { Random } from '../random';

export interface CatalogueImage {
  /** "library/redis", "dockercoins/rng" */
  readonly repository: string;
  readonly tag: string;
  readonly size: number;
  readonly layers: number;
  /** Days before the world's epoch the tag was pushed (floating tags), or a fixed date (old ones). */
  readonly created: { readonly daysBeforeEpoch: number } | { readonly at: string };
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly env: readonly string[];
  readonly exposed: readonly string[];
  readonly workingDir: string;
  /** The program its default command runs, when the simulation knows it. */
  readonly program?: string;
  /** Files worth finding with `docker exec … cat`. */
  readonly files?: Readonly<Record<string, string>>;
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const PYTHON_ENV = [PATH, 'LANG=C.UTF-8', 'GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D', 'PYTHON_VERSION=3.11.4', 'PYTHON_PIP_VERSION=23.1.2'];
const REDIS_ENTRYPOINT = '#!/bin/sh\nset -e\n\n# Drops privileges to the redis user before starting the server.\nif [ "$1" = \'redis-server\' -a "$(id -u)" = \'0\' ]; then\n\texec gosu redis "$0" "$@"\nfi\n\nexec "$@"\n';

function image(repository: string, tag: string, rest: Omit<CatalogueImage, 'repository' | 'tag'>): CatalogueImage {
  return { repository, tag, ...rest };
}

const CATALOGUE: readonly CatalogueImage[] = [
  image('library/python', 'alpine', {
    size: 51_600_000, layers: 5, created: { daysBeforeEpoch: 12 }, entrypoint: [], cmd: ['python3'], env: PYTHON_ENV, exposed: [], workingDir: '',
  }),
  image('library/ruby', 'alpine', {
    size: 76_900_000, layers: 5, created: { daysBeforeEpoch: 9 }, entrypoint: [], cmd: ['irb'], workingDir: '', exposed: [],
    env: [PATH.replace('PATH=', 'PATH=/usr/local/bundle/bin:'), 'LANG=C.UTF-8', 'RUBY_MAJOR=3.2', 'RUBY_VERSION=3.2.2', 'GEM_HOME=/usr/local/bundle', 'BUNDLE_SILENCE_ROOT_WARNING=1', 'BUNDLE_APP_CONFIG=/usr/local/bundle'],
  }),
  image('library/node', '4-slim', {
    size: 211_000_000, layers: 5, created: { at: '2018-04-03T19:53:01Z' }, entrypoint: [], cmd: ['node'], exposed: [], workingDir: '',
    env: [PATH, 'NPM_CONFIG_LOGLEVEL=info', 'NODE_VERSION=4.9.1'],
  }),
  image('library/redis', 'latest', {
    size: 130_000_000, layers: 6, created: { daysBeforeEpoch: 15 }, entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], exposed: ['6379/tcp'],
    workingDir: '/data', env: [PATH, 'GOSU_VERSION=1.16', 'REDIS_VERSION=7.0.11'], program: 'redis',
    files: { '/usr/local/bin/docker-entrypoint.sh': REDIS_ENTRYPOINT },
  }),
  image('library/alpine', 'latest', {
    size: 7_330_000, layers: 1, created: { daysBeforeEpoch: 21 }, entrypoint: [], cmd: ['/bin/sh'], exposed: [], workingDir: '', env: [PATH],
  }),
  image('library/busybox', 'latest', {
    size: 4_260_000, layers: 1, created: { daysBeforeEpoch: 24 }, entrypoint: [], cmd: ['sh'], exposed: [], workingDir: '', env: [PATH],
  }),
  image('library/nginx', 'latest', {
    size: 187_000_000, layers: 6, created: { daysBeforeEpoch: 10 }, entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'],
    exposed: ['80/tcp'], workingDir: '', env: [PATH, 'NGINX_VERSION=1.25.0', 'NJS_VERSION=0.7.12', 'PKG_RELEASE=1~bookworm'],
  }),
  image('library/registry', '2', {
    size: 24_200_000, layers: 5, created: { daysBeforeEpoch: 30 }, entrypoint: ['/entrypoint.sh'], cmd: ['/etc/docker/registry/config.yml'],
    exposed: ['5000/tcp'], workingDir: '', env: [PATH],
  }),
  ...(['hasher', 'rng', 'webui', 'worker'] as const).flatMap((svc) => (['v0.1', 'v0.2'] as const).map((tag) => image(`dockercoins/${svc}`, tag, {
    size: { hasher: 308_000_000, rng: 62_300_000, webui: 215_000_000, worker: 58_700_000 }[svc],
    layers: { hasher: 9, rng: 7, webui: 9, worker: 8 }[svc],
    created: { at: tag === 'v0.1' ? '2018-04-12T15:37:41Z' : '2018-04-12T15:41:09Z' },
    entrypoint: [], exposed: svc === 'worker' ? [] : ['80/tcp'], workingDir: '', env: svc === 'webui' ? [PATH, 'NODE_VERSION=4.9.1'] : PYTHON_ENV,
    cmd: { hasher: ['ruby', 'hasher.rb'], rng: ['python', 'rng.py'], webui: ['node', 'webui.js'], worker: ['python', 'worker.py'] }[svc],
    program: `dockercoins/${svc}`,
  }))),
];

/** A reference split the way the docker CLI does: Docker Hub implied, "library/" for official images, tag "latest". */
export interface ImageRef {
  /** "redis", "dockercoins/rng", "registry.example.com/app" — as `docker images` shows REPOSITORY. */
  readonly name: string;
  readonly tag: string;
  /** "library/redis" on Docker Hub. */
  readonly remote: string;
}

export function parseImageRef(ref: string): ImageRef | undefined {
  const at = ref.indexOf('@');
  const base = at >= 0 ? ref.slice(0, at) : ref;
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  const hasTag = colon > slash;
  let name = hasTag ? base.slice(0, colon) : base;
  const tag = hasTag ? base.slice(colon + 1) : 'latest';
  if (name.startsWith('docker.io/')) name = name.slice('docker.io/'.length);
  if (name.startsWith('library/')) name = name.slice('library/'.length);
  if (!/^[a-z0-9][a-z0-9._/:-]*$/.test(name) || name.endsWith('/') || name.includes('//')) return undefined;
  if (!/^[\w][\w.-]{0,127}$/.test(tag)) return undefined;
  const first = name.split('/')[0]!;
  const registry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  return { name, tag, remote: registry || name.includes('/') ? name : `library/${name}` };
}

export function findInCatalogue(ref: ImageRef): CatalogueImage | undefined {
  return CATALOGUE.find((c) => c.repository === ref.remote && c.tag === ref.tag);
}

/** Another tag of the same repository, whose configuration a tag the catalogue does not list shares. */
export function findRepositoryInCatalogue(ref: ImageRef): CatalogueImage | undefined {
  return CATALOGUE.find((c) => c.repository === ref.remote);
}

/** Stable ids for what a registry serves: the same reference gives the same digests in every world. */
export function registryIds(image: CatalogueImage): { readonly imageId: string; readonly digest: string; readonly layers: readonly string[] } {
  const r = Random.fromSeed(`registry:${image.repository}:${image.tag}`);
  const imageId = `sha256:${r.hex(64)}`;
  const digest = `sha256:${r.hex(64)}`;
  const layers = Array.from({ length: image.layers }, () => `sha256:${r.hex(64)}`);
  return { imageId, digest, layers };
}

export function createdAt(image: CatalogueImage, epochMs: number): number {
  if ('at' in image.created) return Date.parse(image.created.at);
  // A few hours into the day, so two images pushed "days" apart never share a minute.
  return epochMs - image.created.daysBeforeEpoch * 86_400_000 - 5 * 3_600_000;
}
