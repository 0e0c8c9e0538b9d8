/**
 * Making sure every service has its image, as compose does before creating containers: build the
 * services that have a build context ("Building rng", the builder's steps, and the WARNING when an
 * image was built only because it was missing) and pull the others ("Pulling redis (redis:latest)...").
 */
import { parseImageRef, resolvePath } from '../../../engine';
import type { Effect } from '../../types';
import { runOperation } from '../docker/client';
import type { Service } from './project';
import { flushSummary, type ComposeSession } from './session';
import { builtImageName } from './style';

/** Builds one service's image; false (after saying why) when the build fails. */
export function* buildService(s: ComposeSession, service: Service, noCache = false): Generator<Effect, boolean, unknown> {
  const build = service.build!;
  const fs = s.ctx.host.fs;
  if (!fs.isDir(build.context)) {
    s.error(`build path ${build.context} either does not exist, is not accessible, or is not a valid URL.`);
    return false;
  }
  const dockerfile = fs.readFile(resolvePath(build.dockerfile, build.context));
  if (!dockerfile.ok) {
    s.error(`Cannot locate specified Dockerfile: ${build.dockerfile}`);
    return false;
  }
  s.info(`Building ${service.name}`);
  const op = s.engine.images.build({ context: build.context, dockerfile: dockerfile.value, dockerfileName: build.dockerfile, tags: [builtImageName(s.style, s.project, service)], noCache });
  if (!op.ok) {
    s.error(`Service '${service.name}' failed to build: ${op.error.message}`);
    return false;
  }
  const r = yield* runOperation(op.value, (t) => s.ctx.stdout.write(t));
  if (!r.ok) {
    s.error(`Service '${service.name}' failed to build: ${r.error.message}`);
    return false;
  }
  return true;
}

export function* pullService(s: ComposeSession, service: Service): Generator<Effect, boolean, unknown> {
  const image = service.image!;
  const ref = parseImageRef(image);
  const v1 = s.style === 'v1';
  if (v1) s.info(`Pulling ${service.name} (${ref ? `${ref.name}:${ref.tag}` : image})...`);
  const op = s.engine.images.pull(image);
  if (!op.ok) {
    s.error(op.error.message);
    return false;
  }
  // Compose v2 draws the pull as one progress line per service; its final form is " ✔ redis Pulled".
  const r = yield* runOperation(op.value, (t) => v1 && s.ctx.stdout.write(t));
  if (!r.ok) {
    s.error(r.error.message.replace(/: denied: requested access to the resource is denied$/, ''));
    return false;
  }
  if (!v1) flushSummary(s, 'Pulling', [{ kind: 'Service', name: service.name, status: 'Pulled', ok: true }]);
  return true;
}

export interface ImageFlags {
  /** --build: build even when the image exists. */
  readonly build: boolean;
  /** --no-build: never build. */
  readonly noBuild: boolean;
}

/** Builds or pulls what is missing; false when a service cannot get its image. */
export function* ensureImages(s: ComposeSession, services: readonly Service[], flags: ImageFlags): Generator<Effect, boolean, unknown> {
  for (const service of services) {
    if (service.build) {
      const exists = s.engine.images.get(builtImageName(s.style, s.project, service)) !== undefined;
      if (exists && !flags.build) continue;
      if (flags.noBuild) {
        if (exists) continue;
        s.error(`Service '${service.name}' needs to be built, but --no-build was passed.`);
        return false;
      }
      if (!(yield* buildService(s, service))) return false;
      if (!flags.build && s.style === 'v1') {
        s.warn(`Image for service ${service.name} was built because it did not already exist. To rebuild this image you must use \`docker-compose build\` or \`docker-compose up --build\`.`);
      }
    } else if (s.engine.images.get(service.image!) === undefined) {
      if (!(yield* pullService(s, service))) return false;
    }
  }
  return true;
}
