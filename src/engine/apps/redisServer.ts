/**
 * The `redis` image's program: Redis 7.0 as PID 1 on port 6379. Commands run at once (well under a
 * millisecond each, so they answer at the same virtual instant); start-up, background saves and
 * shutdown log what Redis logs. dump.rdb survives a stop/start of the same container (compose
 * stop/start keeps the counter; down/up starts from nothing), as the container's filesystem does.
 */
import type { ProgramMain } from '../containers/process';
import { type RedisService } from '../net/redis';
import type { World } from '../world';
import { redisTime } from './logTime';
import { ProgramBase, signals } from './program';
import { RedisStore, type RedisValue } from './redisStore';
import { registerRedis } from './stats';
import { VERSIONS } from './versions';

export const REDIS_PORT = 6379;

/** Redis 7's default `save 3600 1 300 100 60 10000`: [seconds, changes]. */
const SAVE_RULES: ReadonlyArray<readonly [number, number]> = [[3600, 1], [300, 100], [60, 10000]];

/** dump.rdb of each container (by id), kept across restarts of that container. */
const rdbFiles = new WeakMap<World, Map<string, { readonly data: ReadonlyMap<string, RedisValue>; readonly savedAt: number }>>();

function rdbOf(world: World): Map<string, { readonly data: ReadonlyMap<string, RedisValue>; readonly savedAt: number }> {
  let files = rdbFiles.get(world);
  if (!files) rdbFiles.set(world, (files = new Map()));
  return files;
}

export const redisProgram: ProgramMain = (sb, exitFn) => {
  const p = new ProgramBase(sb, exitFn);
  const world = p.world;
  const store = new RedisStore(() => world.now());
  const files = rdbOf(world);
  const log = (role: string, mark: string, text: string, pid = 1): void => p.out(`${pid}:${role} ${redisTime(world.wallNow())} ${mark} ${text}`);
  let lastSave = world.now();
  let childPid = 20 + world.random.fork(`redis/${sb.id}`).int(10);

  log('C', '#', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  log('C', '#', `Redis version=${VERSIONS.redis}, bits=64, commit=00000000, modified=0, pid=1, just started`);
  log('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
  log('M', '*', 'monotonic clock: POSIX clock_gettime');
  log('M', '*', `Running mode=standalone, port=${REDIS_PORT}.`);
  log('M', '#', 'WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.');
  log('M', '#', 'Server initialized');
  log('M', '#', "WARNING overcommit_memory is set to 0! Background save may fail under low memory condition. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.");
  const rdb = files.get(sb.id);
  if (rdb) {
    store.load(rdb.data);
    log('M', '*', `Loading RDB produced by version ${VERSIONS.redis}`);
    log('M', '*', `RDB age ${Math.max(0, Math.round((world.now() - rdb.savedAt) / 1000))} seconds`);
    log('M', '*', 'RDB memory usage when created 0.85 Mb');
    log('M', '*', `Done loading RDB, keys loaded: ${store.size}, keys expired: 0.`);
    log('M', '*', 'DB loaded from disk: 0.000 seconds');
  }
  log('M', '*', 'Ready to accept connections');

  const save = (): void => {
    files.set(sb.id, { data: store.dump(), savedAt: world.now() });
    store.dirty = 0;
    lastSave = world.now();
  };

  const service: RedisService = {
    kind: 'redis',
    owner: p.owner,
    execute(args, reply) {
      if (p.alive) reply(store.execute(args));
    },
  };
  sb.listen(REDIS_PORT, service);
  const unregister = registerRedis(world, { node: sb.node, name: sb.name, store });

  // serverCron's save check, once a second.
  const cron = (): void => {
    const elapsed = (world.now() - lastSave) / 1000;
    const rule = SAVE_RULES.find(([seconds, changes]) => elapsed >= seconds && store.dirty >= changes);
    if (rule) {
      const pid = childPid++;
      log('M', '*', `${rule[1]} changes in ${rule[0]} seconds. Saving...`);
      log('M', '*', `Background saving started by pid ${pid}`);
      save();
      p.after(6, () => {
        log('C', '*', 'DB saved on disk', pid);
        log('C', '*', 'Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB', pid);
      });
      p.after(100, () => log('M', '*', 'Background saving terminated with success'));
    }
    p.after(1000, cron);
  };
  p.after(1000, cron);

  let stopping = false;
  return signals(p, (sig) => {
    if (stopping) return;
    stopping = true;
    p.out(`1:signal-handler (${Math.floor(world.wallNow() / 1000)}) Received ${sig} scheduling shutdown...`);
    // The shutdown runs at the next serverCron tick.
    p.after(100, () => {
      log('M', '#', 'User requested shutdown...');
      log('M', '*', 'Saving the final RDB snapshot before exiting.');
      save();
      log('M', '*', 'DB saved on disk');
      log('M', '#', 'Redis is now ready to exit, bye bye...');
      unregister();
      p.exit(0);
    });
  }, unregister);
};
