/**
 * The image side of a docker engine: list, pull, build, tag and remove, with the daemon's wording
 * for what goes wrong (unknown images, images still used by containers or by other images).
 */
import { buildImage, type BuildEnv } from './build';
import { parseDockerfile } from './dockerfile';
import type { DockerEngine } from './engine';
import { pullImage, pullTarget, shortId, type StoredImage } from './images';
import { dockerErr, dockerOk, type DockerResult, type ImageInfo, type Operation } from './types';

export interface BuildOptions {
  /** Absolute path of the context directory on the host. */
  readonly context: string;
  /** The Dockerfile's text (the client sends it with the context) and its name for messages. */
  readonly dockerfile: string;
  readonly dockerfileName?: string;
  /** "dockercoins_rng" or "dockercoins_rng:latest"; tags are normalized with ":latest". */
  readonly tags: readonly string[];
  readonly noCache?: boolean;
}

export class EngineImages {
  private readonly cache = new Map<string, string>();

  constructor(private readonly engine: DockerEngine) {}

  /** Newest first; intermediate build images only with `all`. */
  list(all = false): ImageInfo[] {
    return this.engine.imageStore.list(all);
  }

  get(ref: string): ImageInfo | undefined {
    return this.engine.imageStore.resolve(ref);
  }

  /** A pull, after checking the reference; run the operation to stream it. */
  pull(ref: string): DockerResult<Operation<DockerResult<ImageInfo>>> {
    const target = pullTarget(ref);
    if (!target.ok) return target;
    const engine = this.engine;
    return dockerOk((function* () {
      const r = yield* pullImage(engine.imageStore, target.value, engine.world.epochMs);
      if (r.ok) {
        engine.events.emit('image', { action: 'pull', image: r.value });
        engine.world.touch();
      }
      return r;
    })());
  }

  build(opts: BuildOptions): DockerResult<Operation<DockerResult<ImageInfo>>> {
    const parsed = parseDockerfile(opts.dockerfile, opts.dockerfileName);
    if (!parsed.ok) return dockerErr('invalid', parsed.message);
    const tags: string[] = [];
    for (const tag of opts.tags) {
      const t = pullTarget(tag);
      if (!t.ok) return dockerErr('invalid', `invalid argument "${tag}" for "-t, --tag" flag: ${t.error.message}`);
      tags.push(t.value.tag);
    }
    const engine = this.engine;
    const env: BuildEnv = {
      images: engine.imageStore, fs: engine.host.fs, random: engine.random, now: () => engine.world.wallNow(), epochMs: engine.world.epochMs, cache: this.cache,
    };
    return dockerOk((function* () {
      const r = yield* buildImage(env, { context: opts.context, instructions: parsed.instructions, tags, ...(opts.noCache ? { noCache: true } : {}) });
      if (r.ok) {
        engine.events.emit('image', { action: 'build', image: r.value });
        engine.world.touch();
      }
      return r;
    })());
  }

  tag(source: string, target: string): DockerResult<ImageInfo> {
    const image = this.engine.imageStore.resolve(source);
    if (!image) return dockerErr('not-found', `No such image: ${source}`);
    const t = pullTarget(target);
    if (!t.ok) return t;
    this.engine.imageStore.tag(image, t.value.tag);
    this.engine.events.emit('image', { action: 'tag', image });
    this.engine.world.touch();
    return dockerOk(image);
  }

  /** `docker rmi`: the "Untagged:" and "Deleted:" lines, or why the daemon refused. */
  remove(ref: string, force = false): DockerResult<string[]> {
    const store = this.engine.imageStore;
    const image = store.resolve(ref);
    if (!image) return dockerErr('not-found', `No such image: ${ref}`);
    const byTag = store.resolve(ref) === image && !/^(sha256:)?[0-9a-f]+$/.test(ref);
    const tag = byTag ? image.repoTags.find((t) => t === ref || t === `${ref}:latest`) : undefined;
    if (tag && image.repoTags.length > 1) {
      image.repoTags = image.repoTags.filter((t) => t !== tag);
      this.engine.world.touch();
      return dockerOk([`Untagged: ${tag}`]);
    }
    const user = this.engine.imageInUse(image.id);
    if (user) {
      if (user.state === 'running' && force) return dockerErr('conflict', `conflict: unable to delete ${shortId(image.id)} (cannot be forced) - image is being used by running container ${shortId(user.id)}`);
      if (!force) {
        return dockerErr('conflict', tag
          ? `conflict: unable to remove repository reference "${ref}" (must force) - container ${shortId(user.id)} is using its referenced image ${shortId(image.id)}`
          : `conflict: unable to delete ${shortId(image.id)} (must be forced) - image is being used by stopped container ${shortId(user.id)}`);
      }
    }
    const lines = [...image.repoTags.map((t) => `Untagged: ${t}`), ...image.repoDigests.map((d) => `Untagged: ${d}`)];
    image.repoTags = [];
    image.repoDigests = [];
    if (store.children(image.id).length > 0) {
      if (lines.length === 0) return dockerErr('conflict', `conflict: unable to delete ${shortId(image.id)} (cannot be forced) - image has dependent child images`);
      this.engine.world.touch();
      return dockerOk(lines);
    }
    // Delete the image, then each untagged build step below it that nothing else builds on.
    let current: StoredImage | undefined = image;
    while (current) {
      store.delete(current.id);
      lines.push(`Deleted: ${current.id}`);
      this.engine.events.emit('image', { action: 'delete', image: current });
      const parent = store.get(current.parent);
      current = parent && parent.intermediate && parent.repoTags.length === 0 && store.children(parent.id).length === 0 ? parent : undefined;
    }
    if (!image.parent) for (const layer of image.layers) lines.push(`Deleted: ${layer}`);
    this.engine.world.touch();
    return dockerOk(lines);
  }
}
