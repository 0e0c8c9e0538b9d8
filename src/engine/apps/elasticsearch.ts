/**
 * elasticsearch:2 (2.4.6), as the workshop's "exposing containers" chapter runs seven of them
 * behind a Service: each starts as its own single-node cluster after the JVM's few seconds of
 * start-up, takes a random node name, and answers `GET /` on port 9200 with the banner that names
 * it — so repeated `curl <ClusterIP>:9200` show the load spreading. Anything else gets ES 2's
 * "No handler found". The JVM's shutdown hook ends it on SIGTERM (status 143).
 */
import type { ProgramMain } from '../containers/process';
import { response, textBytes, type HttpService } from '../net/http';
import { ProgramBase, signals } from './program';

export const ELASTICSEARCH_PORT = 9200;
const VERSION = '2.4.6';
const BUILD = '5376dca9f70f3abef96a77f4bb22720ace8240fd';
const BUILD_TIME = '2017-07-18T12:17:44Z';
/** From `docker run` to "started": the JVM, plugins, the gateway. */
const STARTUP_MS = 7_400;

/** ES 2 named each node after a comic-book character picked at random. */
const NAMES = [
  'Blackout', 'Gorgon', 'Moondragon', 'Silver Sable', 'Bushwacker', 'Thunderbird', 'Cloud', 'Stardust', 'Jack Flag', 'Nightside',
  'Quicksand', 'Living Totem', 'Wraith', 'Tempo', 'Shocker', 'Firestar', 'Sunspot', 'Mimic', 'Rage', 'Doorman', 'Hydro-Man', 'Vertigo',
];

const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** log4j's "[2023-06-01 09:00:07,123]". */
function logTime(wallMs: number): string {
  const d = new Date(Math.floor(wallMs));
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())},${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

export const elasticsearchProgram: ProgramMain = (sb, exitFn) => {
  const p = new ProgramBase(sb, exitFn);
  const world = p.world;
  const random = world.random.fork(`elasticsearch/${sb.id}`);
  const name = random.pick(NAMES);
  const uuid = random.string('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', 22);
  const log = (component: string, text: string): void => p.out(`[${logTime(world.wallNow())}][INFO ][${component.padEnd(25)}] [${name}] ${text}`);

  const banner = JSON.stringify({
    name, cluster_name: 'elasticsearch', cluster_uuid: uuid,
    version: { number: VERSION, build_hash: BUILD, build_timestamp: BUILD_TIME, build_snapshot: false, lucene_version: '5.5.4' },
    tagline: 'You Know, for Search',
  }, null, 2).replace(/": /g, '" : ');

  const service: HttpService = {
    kind: 'http',
    owner: p.owner,
    handle(ex) {
      if (!p.alive) return ex.reset();
      const path = ex.request.path.replace(/\?.*/, '');
      const ok = path === '/' && (ex.request.method === 'GET' || ex.request.method === 'HEAD');
      const body = textBytes(ok ? `${banner}\n` : `No handler found for uri [${path}] and method [${ex.request.method}]`);
      p.after(2, () => ex.respond(response('1.1', ok ? 200 : 400, [
        ['Content-Type', ok ? 'application/json; charset=UTF-8' : 'text/plain; charset=UTF-8'], ['Content-Length', String(body.length)],
      ], ex.request.method === 'HEAD' ? new Uint8Array(0) : body)));
    },
  };

  log('node', `version[${VERSION}], pid[1], build[${BUILD.slice(0, 7)}/${BUILD_TIME}]`);
  log('node', 'initializing ...');
  p.after(Math.round(STARTUP_MS * 0.4), () => {
    log('plugins', 'modules [reindex, lang-expression, lang-groovy], plugins [], sites []');
    log('env', 'using [1] data paths, mounts [[/usr/share/elasticsearch/data (/dev/sda1)]], net usable_space [42.1gb], net total_space [58.4gb], spins? [possibly], types [ext4]');
    log('node', 'initialized');
    log('node', 'starting ...');
  });
  p.after(STARTUP_MS, () => {
    sb.listen(ELASTICSEARCH_PORT, service);
    log('transport', `publish_address {${sb.ip}:9300}, bound_addresses {[::]:9300}`);
    log('discovery', `elasticsearch/${uuid}`);
    log('http', `publish_address {${sb.ip}:${ELASTICSEARCH_PORT}}, bound_addresses {[::]:${ELASTICSEARCH_PORT}}`);
    log('node', 'started');
    log('gateway', 'recovered [0] indices into cluster_state');
  });

  return signals(p, () => {
    log('node', 'stopping ...');
    log('node', 'stopped');
    log('node', 'closing ...');
    log('node', 'closed');
    p.exit(143);
  });
};
