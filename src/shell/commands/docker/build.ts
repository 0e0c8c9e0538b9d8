/**
 * `docker build [-t NAME] [-f Dockerfile] PATH` with Docker 20.10's legacy builder: the CLI sends
 * the context ("Sending build context to Docker daemon  3.584kB"), the daemon streams the steps.
 */
import { resolvePath, type DockerEngine } from '../../../engine';
import type { CommandContext, Program } from '../../types';
import { runOperation } from './client';
import { humanSize } from './format';
import { flagValue, flagValues, type FlagDef, type ParsedFlags } from './flags';
import { contextSize } from './context';

export const BUILD_FLAGS: readonly FlagDef[] = [
  { long: 'tag', short: 't', value: true, description: "Name and optionally a tag in the 'name:tag' format" },
  { long: 'file', short: 'f', value: true, description: "Name of the Dockerfile (Default is 'PATH/Dockerfile')" },
  { long: 'no-cache', description: 'Do not use cache when building the image' },
  { long: 'quiet', short: 'q', description: 'Suppress the build output and print image ID on success' },
  { long: 'pull', description: 'Always attempt to pull a newer version of the image' },
  { long: 'rm', description: 'Remove intermediate containers after a successful build (default true)' },
];

export function* runBuild(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): Program {
  const path = parsed.args[0];
  if (path === undefined || parsed.args.length > 1) {
    ctx.stderr.write('"docker build" requires exactly 1 argument.\nSee \'docker build --help\'.\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nBuild an image from a Dockerfile\n');
    return 1;
  }
  const fs = ctx.host.fs;
  const context = resolvePath(path, ctx.cwd);
  if (!fs.exists(context)) {
    ctx.stderr.write(`unable to prepare context: path "${path}" not found\n`);
    return 1;
  }
  if (!fs.isDir(context)) {
    ctx.stderr.write(`unable to prepare context: context must be a directory: ${context}\n`);
    return 1;
  }
  const file = flagValue(parsed, 'file');
  const dockerfilePath = file === undefined ? `${context}/Dockerfile` : resolvePath(file, ctx.cwd);
  const dockerfile = fs.readFile(dockerfilePath);
  if (!dockerfile.ok) {
    ctx.stderr.write(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${dockerfilePath}: no such file or directory\n`);
    return 1;
  }
  const op = engine.images.build({
    context, dockerfile: dockerfile.value, dockerfileName: file ?? 'Dockerfile', tags: flagValues(parsed, 'tag'), noCache: parsed.bools.has('no-cache'),
  });
  if (!op.ok) {
    ctx.stderr.write(`${op.error.kind === 'invalid' && op.error.message.startsWith('invalid argument') ? '' : 'Error response from daemon: '}${op.error.message}\n`);
    return 1;
  }
  const quiet = parsed.bools.has('quiet');
  if (!quiet) ctx.stdout.write(`Sending build context to Docker daemon  ${humanSize(contextSize(fs, context), 4)}\n`);
  const r = yield* runOperation(op.value, (t) => !quiet && ctx.stdout.write(t));
  if (!r.ok) {
    ctx.stderr.write(`${r.error.message}\n`);
    return 1;
  }
  if (quiet) ctx.stdout.write(`${r.value.id}\n`);
  return 0;
}
