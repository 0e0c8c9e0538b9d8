/**
 * registry:2 (Docker Distribution 2.8), the self-hosted registry the workshop runs on a NodePort:
 * the API answers on port 5000 — `GET /v2/` with `{}`, `GET /v2/_catalog` with the repositories
 * pushed so far (none: pushing images is not simulated) — and each request is logged in the
 * combined format. It exits at once on SIGTERM.
 */
import type { ProgramMain } from '../containers/process';
import { response, textBytes, type HttpHeader, type HttpService } from '../net/http';
import { rackTime } from './logTime';
import { ProgramBase, signals } from './program';

export const REGISTRY_PORT = 5000;

const NOT_FOUND = '{"errors":[{"code":"NOT_FOUND","message":"repository name not known to registry"}]}\n';

export const registryProgram: ProgramMain = (sb, exitFn) => {
  const p = new ProgramBase(sb, exitFn);
  const world = p.world;
  const random = world.random.fork(`registry/${sb.id}`);
  const info = (msg: string): void => {
    const at = new Date(world.wallNow()).toISOString().replace('Z', `${random.hex(6)}Z`);
    p.err(`time="${at}" level=info msg="${msg}" go.version=go1.19.9 instance.id=${sb.id.slice(0, 8)}-${sb.id.slice(8, 12)}-${sb.id.slice(12, 16)}-${sb.id.slice(16, 20)}-${sb.id.slice(20, 32)} service=registry version=2.8.2`);
  };
  info('redis not configured');
  info('Starting upload purge in 20m0s');
  info('using inmemory blob descriptor cache');
  info('listening on [::]:5000');

  const service: HttpService = {
    kind: 'http',
    owner: p.owner,
    handle(ex) {
      if (!p.alive) return ex.reset();
      const { method, path, version, clientIp, headers } = ex.request;
      const bare = path.replace(/\?.*/, '');
      const found = bare === '/v2/' || bare === '/v2/_catalog' || bare === '/';
      const text = bare === '/v2/_catalog' ? '{"repositories":[]}\n' : bare === '/v2/' ? '{}' : found ? '' : NOT_FOUND;
      const body = textBytes(text);
      const status = bare === '/' ? 200 : found ? 200 : 404;
      const out: HttpHeader[] = [
        ['Content-Type', 'application/json; charset=utf-8'], ['Docker-Distribution-Api-Version', 'registry/2.0'], ['Content-Length', String(body.length)],
      ];
      ex.respond(response('1.1', status, out, method === 'HEAD' ? new Uint8Array(0) : body));
      const agent = headers.find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? '';
      p.out(`${clientIp} - - [${rackTime(world.wallNow())}] "${method} ${path} HTTP/${version}" ${status} ${body.length} "" "${agent}"`);
    },
  };
  sb.listen(REGISTRY_PORT, service);
  return signals(p, () => p.exit(2));
};
