/**
 * The images a docker engine holds: pulled ones (ids and digests from the registry, so stable
 * across worlds), built ones and the intermediate images of their build steps (the build cache).
 * References resolve as the daemon resolves them: "name:tag" (tag "latest" implied), a full id, or
 * a unique prefix of one.
 */
import { createdAt, findInCatalogue, findRepositoryInCatalogue, parseImageRef, registryIds, type CatalogueImage, type ImageRef } from './catalogue';
import { registryAnswer } from './publicRegistries';
import { podImage } from '../pods/images';
import { dockerErr, dockerOk, type DockerResult, type ImageInfo, type Operation } from './types';

/** The engine's own copy: tags move between images. */
export interface StoredImage extends ImageInfo {
  repoTags: string[];
  repoDigests: string[];
  intermediate: boolean;
}

/** How fast the playground's network pulls (compressed bytes per ms) and how much of an image is on the wire. */
const PULL_BYTES_PER_MS = 40_000;
const COMPRESSION = 0.35;
const PER_LAYER_MS = 180;

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

export class ImageStore {
  private readonly byId = new Map<string, StoredImage>();

  /** Newest first, as `docker images` lists them; intermediate images only with `all`. */
  list(all = false): StoredImage[] {
    return [...this.byId.values()].filter((i) => all || !i.intermediate).sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
  }

  get(id: string): StoredImage | undefined {
    return this.byId.get(id);
  }

  resolve(ref: string): StoredImage | undefined {
    const parsed = parseImageRef(ref);
    if (parsed) {
      const tag = `${parsed.name}:${parsed.tag}`;
      for (const image of this.byId.values()) if (image.repoTags.includes(tag)) return image;
    }
    const hex = ref.replace(/^sha256:/, '');
    if (/^[0-9a-f]{1,64}$/.test(hex)) {
      const matches = [...this.byId.values()].filter((i) => i.id.slice(7).startsWith(hex));
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  }

  add(image: StoredImage): void {
    this.byId.set(image.id, image);
  }

  /** Points a tag at an image; the image that had it keeps its other tags or becomes dangling. */
  tag(image: StoredImage, tag: string): void {
    for (const other of this.byId.values()) {
      if (other !== image) other.repoTags = other.repoTags.filter((t) => t !== tag);
    }
    if (!image.repoTags.includes(tag)) image.repoTags.push(tag);
  }

  delete(id: string): void {
    this.byId.delete(id);
  }

  children(id: string): StoredImage[] {
    return [...this.byId.values()].filter((i) => i.parent === id);
  }
}

export interface PullTarget {
  readonly ref: ImageRef;
  /** "redis:latest" */
  readonly tag: string;
}

/** Validates a reference before pulling, with the daemon's errors for bad and unknown ones. */
export function pullTarget(reference: string): DockerResult<PullTarget> {
  const ref = parseImageRef(reference);
  if (!ref) return dockerErr('invalid', 'invalid reference format');
  if (reference !== reference.toLowerCase() && /[A-Z]/.test(reference.split(':')[0]!)) {
    return dockerErr('invalid', 'invalid reference format: repository name must be lowercase');
  }
  return dockerOk({ ref, tag: `${ref.name}:${ref.tag}` });
}

/**
 * A pull as the daemon streams it: "<tag>: Pulling from <repo>", each layer's "Pull complete",
 * the digest and the status line. Returns the image, or the registry's refusal.
 */
export function* pullImage(store: ImageStore, target: PullTarget, epochMs: number): Operation<DockerResult<StoredImage>> {
  const answer = registryAnswer(fullReference(target.ref));
  if (answer === 'no-tag') return dockerErr('not-found', `manifest for ${target.tag} not found: manifest unknown: manifest unknown`);
  if (answer === 'no-repository') {
    return dockerErr('not-found', `pull access denied for ${target.ref.name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
  }
  const entry = registryImage(target.ref);
  const ids = registryIds(entry);
  yield { kind: 'out', text: `${target.ref.tag}: Pulling from ${target.ref.remote}\n` };
  const existing = store.get(ids.imageId);
  if (existing) {
    yield { kind: 'wait', ms: 400 };
    store.tag(existing, target.tag);
    yield { kind: 'out', text: `Digest: ${ids.digest}\nStatus: Image is up to date for ${target.tag}\n` };
    return dockerOk(existing);
  }
  // The base layer carries most of the bytes, later ones less and less.
  const weights = ids.layers.map((_, i) => (i === 0 ? 4 : 1 / i));
  const total = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < ids.layers.length; i++) {
    const bytes = (entry.size * COMPRESSION * weights[i]!) / total;
    yield { kind: 'wait', ms: Math.round(PER_LAYER_MS + bytes / PULL_BYTES_PER_MS) };
    yield { kind: 'out', text: `${shortId(ids.layers[i]!)}: Pull complete\n` };
  }
  const image: StoredImage = {
    id: ids.imageId, repoTags: [target.tag], repoDigests: [`${target.ref.name}@${ids.digest}`], created: createdAt(entry, epochMs), size: entry.size,
    layers: ids.layers, parent: '', cmd: entry.cmd, entrypoint: entry.entrypoint, env: entry.env, exposed: entry.exposed, workingDir: entry.workingDir,
    labels: {}, program: entry.program, intermediate: false, files: new Map(Object.entries(entry.files ?? {})), healthcheck: undefined,
  };
  store.add(image);
  store.tag(image, target.tag);
  yield { kind: 'out', text: `Digest: ${ids.digest}\nStatus: Downloaded newer image for ${target.tag}\n` };
  return dockerOk(image);
}

/** "docker.io/library/nginx:1.25", as containerd and the registry catalogue name it. */
function fullReference(ref: ImageRef): string {
  const first = ref.name.split('/')[0]!;
  const ownRegistry = ref.name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  return `${ownRegistry ? '' : 'docker.io/'}${ref.remote}:${ref.tag}`;
}

/**
 * The image a registry serves for a reference it has: the catalogue's own, else another tag of
 * the same repository (same config, its own digests), else an image shaped by what the kubelet
 * knows of the repository (its command, environment), with a typical size.
 */
function registryImage(ref: ImageRef): CatalogueImage {
  const exact = findInCatalogue(ref);
  if (exact) return exact;
  const sibling = findRepositoryInCatalogue(ref);
  if (sibling) return { ...sibling, tag: ref.tag };
  const known = podImage(fullReference(ref));
  const base = ref.remote.slice(ref.remote.lastIndexOf('/') + 1);
  return {
    repository: ref.remote, tag: ref.tag, size: 80_000_000, layers: 4, created: { daysBeforeEpoch: 20 },
    entrypoint: known.entrypoint, cmd: known.cmd.length > 0 || known.entrypoint.length > 0 ? known.cmd : [base],
    env: known.env, exposed: [], workingDir: known.workingDir === '/' ? '' : known.workingDir,
  };
}
