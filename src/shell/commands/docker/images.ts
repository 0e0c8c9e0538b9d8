/**
 * `docker images` / `docker image ls`, `docker rmi`, `docker pull` and `docker tag`.
 */
import { shortId, type DockerEngine, type ImageInfo } from '../../../engine';
import type { CommandContext, Program } from '../../types';
import { cliError, daemonError, runOperation } from './client';
import { ago, dockerTable, humanSize } from './format';
import { flagValue, type FlagDef, type ParsedFlags } from './flags';
import { parseTemplate, renderTemplate } from './template';

export const IMAGES_FLAGS: readonly FlagDef[] = [
  { long: 'all', short: 'a', description: 'Show all images (default hides intermediate images)' },
  { long: 'quiet', short: 'q', description: 'Only show image IDs' },
  { long: 'no-trunc', description: "Don't truncate output" },
  { long: 'digests', description: 'Show digests' },
  { long: 'format', value: true, description: 'Pretty-print images using a Go template' },
  { long: 'filter', short: 'f', value: true, description: 'Filter output based on conditions provided' },
];

interface ImageRow {
  readonly Repository: string;
  readonly Tag: string;
  readonly ID: string;
  readonly CreatedSince: string;
  readonly Size: string;
  readonly Digest: string;
}

function rowsOf(image: ImageInfo, now: number, trunc: boolean): ImageRow[] {
  const id = trunc ? shortId(image.id) : image.id;
  const base = { ID: id, CreatedSince: ago(image.created, now), Size: humanSize(image.size), Digest: image.repoDigests[0]?.split('@')[1] ?? '<none>' };
  if (image.repoTags.length === 0) return [{ Repository: '<none>', Tag: '<none>', ...base }];
  return image.repoTags.map((t) => {
    const colon = t.lastIndexOf(':');
    return { Repository: t.slice(0, colon), Tag: t.slice(colon + 1), ...base };
  });
}

export function runImages(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): number {
  const now = ctx.world.wallNow();
  const trunc = !parsed.bools.has('no-trunc');
  const images = engine.images.list(parsed.bools.has('all'));
  const repo = parsed.args[0];
  let rows = images.flatMap((i) => rowsOf(i, now, trunc));
  if (repo !== undefined) {
    const [name, tag] = repo.includes(':') ? repo.split(':') : [repo, undefined];
    rows = rows.filter((r) => r.Repository === name && (tag === undefined || r.Tag === tag));
  }
  if (parsed.bools.has('quiet')) {
    ctx.stdout.write([...new Set(rows.map((r) => r.ID))].map((id) => `${id}\n`).join(''));
    return 0;
  }
  const digests = parsed.bools.has('digests');
  const template = parseTemplate(flagValue(parsed, 'format')
    ?? (digests ? 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}' : 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}'));
  if (!template.ok) {
    ctx.stderr.write(`${template.error}\n`);
    return 64;
  }
  const headers = { Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', CreatedSince: 'CREATED', Size: 'SIZE', Digest: 'DIGEST' };
  ctx.stdout.write(renderTemplate(template.template, rows, headers, dockerTable));
  return 0;
}

export function runRmi(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): number {
  if (parsed.args.length === 0) {
    ctx.stderr.write('"docker rmi" requires at least 1 argument.\nSee \'docker rmi --help\'.\n\nUsage:  docker rmi [OPTIONS] IMAGE [IMAGE...]\n\nRemove one or more images\n');
    return 1;
  }
  let code = 0;
  for (const ref of parsed.args) {
    const r = engine.images.remove(ref, parsed.bools.has('force'));
    if (r.ok) ctx.stdout.write(r.value.map((l) => `${l}\n`).join(''));
    else code = r.error.kind === 'not-found' ? cliError(ctx, r.error.message) : daemonError(ctx, r.error);
  }
  return code;
}

export function* runPull(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): Program {
  const ref = parsed.args[0];
  if (ref === undefined || parsed.args.length > 1) {
    ctx.stderr.write('"docker pull" requires exactly 1 argument.\nSee \'docker pull --help\'.\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nPull an image or a repository from a registry\n');
    return 1;
  }
  const op = engine.images.pull(ref);
  if (!op.ok) {
    ctx.stderr.write(`${op.error.message}\n`);
    return 1;
  }
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  if (!last.includes(':') && !ref.includes('@')) ctx.stdout.write('Using default tag: latest\n');
  const r = yield* runOperation(op.value, (t) => ctx.stdout.write(t));
  if (!r.ok) return daemonError(ctx, r.error);
  const tag = r.value.repoTags.find((t) => t.startsWith(ref.replace(/:.*$/, ''))) ?? r.value.repoTags[0] ?? ref;
  ctx.stdout.write(`${tag.includes('/') ? 'docker.io/' : 'docker.io/library/'}${tag}\n`);
  return 0;
}

export function runTag(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): number {
  const [source, target] = parsed.args;
  if (source === undefined || target === undefined || parsed.args.length > 2) {
    ctx.stderr.write('"docker tag" requires exactly 2 arguments.\nSee \'docker tag --help\'.\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nCreate a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n');
    return 1;
  }
  const r = engine.images.tag(source, target);
  if (!r.ok) return r.error.kind === 'not-found' ? cliError(ctx, r.error.message) : daemonError(ctx, r.error);
  return 0;
}
