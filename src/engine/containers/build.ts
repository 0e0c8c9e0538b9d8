/**
 * `docker build` with the legacy builder of Docker 20.10 (what docker-compose 1.21 drove): each
 * instruction is a step printed as `Step N/M : <line>`; RUN and metadata steps run in an
 * intermediate container (` ---> Running in <id>` … `Removing intermediate container <id>`), every
 * step commits an image (` ---> <id>`), and a step whose parent and instruction (and, for COPY/ADD,
 * copied files) were seen before reuses that image (` ---> Using cache`).
 */
import { fnv32a } from '../api/names';
import { basename, resolvePath, type VirtualFs } from '../host/fs';
import type { Random } from '../random';
import { commandForm, copyArgs, keyValues, type Instruction } from './dockerfile';
import { pullImage, pullTarget, shortId, type ImageStore, type StoredImage } from './images';
import { programForCommand } from './programs';
import { runOutput } from './runOutput';
import { dockerErr, dockerOk, type DockerResult, type Healthcheck, type Operation } from './types';

export interface BuildEnv {
  readonly images: ImageStore;
  readonly fs: VirtualFs;
  readonly random: Random;
  /** Wall-clock now. */
  readonly now: () => number;
  readonly epochMs: number;
  /** (parent, instruction, files) → the image that step produced. */
  readonly cache: Map<string, string>;
}

export interface BuildRequest {
  readonly context: string;
  readonly instructions: readonly Instruction[];
  /** "dockercoins_rng:latest" */
  readonly tags: readonly string[];
  readonly noCache?: boolean;
}

/** Pause of a metadata step (CMD, EXPOSE…): the daemon still creates and removes a container. */
const METADATA_STEP_MS = 250;
const COPY_STEP_MS = 150;

/** Every file under a directory, as [path relative to it, content]. */
export function walkFiles(fs: VirtualFs, dir: string, prefix = ''): Array<readonly [string, string]> {
  const entries = fs.readdir(dir);
  if (!entries.ok) return [];
  const out: Array<readonly [string, string]> = [];
  for (const name of [...entries.value].sort()) {
    const path = `${dir === '/' ? '' : dir}/${name}`;
    if (fs.isDir(path)) out.push(...walkFiles(fs, path, `${prefix}${name}/`));
    else {
      const r = fs.readFile(path);
      if (r.ok) out.push([`${prefix}${name}`, r.value]);
    }
  }
  return out;
}

/** What `Sending build context to Docker daemon` counts. */
export function contextBytes(fs: VirtualFs, dir: string): number {
  return walkFiles(fs, dir).reduce((sum, [path, content]) => sum + content.length + path.length + 512, 0);
}

type CopyPlan = { readonly ok: true; readonly files: Array<readonly [string, string]> } | { readonly ok: false; readonly missing: string };

function planCopy(fs: VirtualFs, context: string, args: string, workdir: string): CopyPlan {
  const parsed = copyArgs(args);
  if (!parsed) return { ok: false, missing: args };
  const dest = parsed.dest.startsWith('/') ? parsed.dest : `${workdir || '/'}/${parsed.dest}`;
  const intoDir = dest.endsWith('/') || parsed.sources.length > 1;
  const files: Array<readonly [string, string]> = [];
  for (const source of parsed.sources) {
    const path = resolvePath(source, context);
    if (fs.isDir(path)) {
      for (const [rel, content] of walkFiles(fs, path)) files.push([resolvePath(`${dest}/${rel}`), content]);
      continue;
    }
    const r = fs.readFile(path);
    if (!r.ok) return { ok: false, missing: source.replace(/^\.\//, '') };
    files.push([resolvePath(intoDir ? `${dest}/${basename(path)}` : dest), r.value]);
  }
  return { ok: true, files };
}

function newImage(parent: StoredImage, id: string, created: number, changes: Partial<StoredImage>): StoredImage {
  return {
    ...parent, id, repoTags: [], repoDigests: [], created, parent: parent.id, intermediate: true, layers: [...parent.layers], ...changes,
  };
}

/** Go durations as HEALTHCHECK options write them: "1s", "500ms", "1m30s". */
function durationMs(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  let ms = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) ms += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  return ms || fallback;
}

/** `HEALTHCHECK [--interval=…] [--timeout=…] [--retries=…] [--start-period=…] CMD …`, or NONE. */
function parseHealthcheck(args: string): Healthcheck | undefined {
  const m = /^((?:--\S+\s+)*)(CMD|NONE)\b\s*(.*)$/i.exec(args);
  if (!m || m[2]!.toUpperCase() === 'NONE') return undefined;
  const opt = (name: string): string | undefined => new RegExp(`--${name}=(\\S+)`).exec(m[1]!)?.[1];
  return {
    test: commandForm(m[3]!), intervalMs: durationMs(opt('interval'), 30_000), timeoutMs: durationMs(opt('timeout'), 30_000),
    retries: Number(opt('retries') ?? 3), startPeriodMs: durationMs(opt('start-period'), 0),
  };
}

/** Applies a metadata instruction to an image's config. */
function configChange(image: StoredImage, ins: Instruction): Partial<StoredImage> {
  switch (ins.keyword) {
    case 'CMD': {
      const cmd = commandForm(ins.args);
      return { cmd, program: programForCommand([...image.entrypoint, ...cmd]) ?? image.program };
    }
    case 'ENTRYPOINT': {
      // Setting ENTRYPOINT clears a CMD inherited from the base image, as the builder does.
      const entrypoint = commandForm(ins.args);
      return { entrypoint, cmd: [], program: programForCommand(entrypoint) };
    }
    case 'EXPOSE': {
      const ports = ins.args.split(/\s+/).filter(Boolean).map((p) => (p.includes('/') ? p : `${p}/tcp`));
      return { exposed: [...new Set([...image.exposed, ...ports])] };
    }
    case 'ENV': {
      const env = [...image.env];
      for (const [k, v] of keyValues(ins.args)) {
        const i = env.findIndex((e) => e.startsWith(`${k}=`));
        if (i >= 0) env[i] = `${k}=${v}`;
        else env.push(`${k}=${v}`);
      }
      return { env };
    }
    case 'LABEL':
      return { labels: { ...image.labels, ...Object.fromEntries(keyValues(ins.args)) } };
    case 'WORKDIR':
      return { workingDir: resolvePath(ins.args, image.workingDir || '/') };
    case 'HEALTHCHECK':
      return { healthcheck: parseHealthcheck(ins.args) };
    default:
      return {};
  }
}

/** The build itself; the caller validated the context and parsed the Dockerfile. */
export function* buildImage(env: BuildEnv, req: BuildRequest): Operation<DockerResult<StoredImage>> {
  const total = req.instructions.length;
  let current: StoredImage | undefined;
  for (let n = 0; n < total; n++) {
    const ins = req.instructions[n]!;
    yield { kind: 'out', text: `Step ${n + 1}/${total} : ${ins.original}\n` };
    if (ins.keyword === 'FROM') {
      const ref = ins.args.split(/\s+/)[0] ?? '';
      const target = pullTarget(ref);
      if (!target.ok) return target;
      current = env.images.resolve(target.value.tag);
      if (!current) {
        const pulled = yield* pullImage(env.images, target.value, env.epochMs);
        if (!pulled.ok) return pulled;
        current = pulled.value;
      }
      yield { kind: 'out', text: ` ---> ${shortId(current.id)}\n` };
      continue;
    }
    if (!current) return dockerErr('invalid', 'No build stage in current context');
    const copy = ins.keyword === 'COPY' || ins.keyword === 'ADD' ? planCopy(env.fs, req.context, ins.args, current.workingDir) : undefined;
    if (copy && !copy.ok) {
      return dockerErr('not-found', `${ins.keyword} failed: file not found in build context or excluded by .dockerignore: stat ${copy.missing}: file does not exist`);
    }
    const filesKey = copy?.ok ? String(fnv32a(copy.files.map(([p, c]) => `${p}\0${c}`).join('\0'))) : '';
    const key = `${current.id}\n${ins.original}\n${filesKey}`;
    const cached = req.noCache ? undefined : env.images.get(env.cache.get(key) ?? '');
    if (cached) {
      yield { kind: 'out', text: ' ---> Using cache\n' };
      yield { kind: 'out', text: ` ---> ${shortId(cached.id)}\n` };
      current = cached;
      continue;
    }
    const id = `sha256:${env.random.hex(64)}`;
    let changes: Partial<StoredImage>;
    if (copy?.ok) {
      yield { kind: 'wait', ms: COPY_STEP_MS };
      const files = new Map(current.files);
      for (const [path, content] of copy.files) files.set(path, content);
      const bytes = copy.files.reduce((s, [, c]) => s + c.length, 0);
      changes = { files, size: current.size + bytes, layers: [...current.layers, `sha256:${env.random.hex(64)}`] };
    } else {
      const container = env.random.hex(12);
      yield { kind: 'out', text: ` ---> Running in ${container}\n` };
      if (ins.keyword === 'RUN') {
        const run = runOutput(ins.args.startsWith('[') ? commandForm(ins.args).join(' ') : ins.args);
        let at = 0;
        for (const [offset, line] of run.lines) {
          yield { kind: 'wait', ms: offset - at };
          at = offset;
          yield { kind: 'out', text: `${line}\n` };
        }
        yield { kind: 'wait', ms: Math.max(0, run.durationMs - at) };
        changes = { size: current.size + run.sizeBytes, layers: [...current.layers, `sha256:${env.random.hex(64)}`] };
      } else {
        yield { kind: 'wait', ms: METADATA_STEP_MS };
        changes = configChange(current, ins);
      }
      yield { kind: 'out', text: `Removing intermediate container ${container}\n` };
    }
    const image = newImage(current, id, env.now(), changes);
    env.images.add(image);
    env.cache.set(key, id);
    yield { kind: 'out', text: ` ---> ${shortId(id)}\n` };
    current = image;
  }
  if (!current) return dockerErr('invalid', 'No build stage in current context');
  const result = current;
  yield { kind: 'out', text: `Successfully built ${shortId(result.id)}\n` };
  result.intermediate = false;
  for (const tag of req.tags) {
    env.images.tag(result, tag);
    yield { kind: 'out', text: `Successfully tagged ${tag}\n` };
  }
  return dockerOk(result);
}
