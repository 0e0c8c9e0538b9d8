import { describe, expect, test } from 'vitest';
import { World } from '../world';
import { snapshotOf } from '../snapshot';
import { dockerOf, setProgramTable } from './runtime';
import type { DockerEngine } from './engine';
import { fakeContainerPrograms } from './testing/fakePrograms';
import { LOG_CAPACITY, LogRing } from './logs';
import type { ImageInfo, Operation } from './types';

function drain<R>(world: World, op: Operation<R>): { out: string; result: R } {
  let out = '';
  for (;;) {
    const step = op.next();
    if (step.done) return { out, result: step.value };
    if (step.value.kind === 'wait') world.advance(step.value.ms);
    else out += step.value.text;
  }
}

function setup(seed = 'docker'): { world: World; docker: DockerEngine } {
  const world = new World({ seed });
  setProgramTable(world, fakeContainerPrograms());
  return { world, docker: dockerOf(world, 'node1')! };
}

function pull(world: World, docker: DockerEngine, ref: string): string {
  const op = docker.images.pull(ref);
  if (!op.ok) throw new Error(op.error.message);
  return drain(world, op.value).out;
}

const RNG_DOCKERFILE = 'FROM python:alpine\nRUN pip install Flask\nCOPY rng.py /\nCMD python rng.py\nEXPOSE 80\n';

function buildRng(world: World, docker: DockerEngine): { out: string; image: ImageInfo } {
  const fs = world.host('node1')!.fs;
  fs.mkdir('/root/app/rng', { parents: true });
  fs.writeFile('/root/app/rng/rng.py', 'print("rng")\n');
  fs.writeFile('/root/app/rng/Dockerfile', RNG_DOCKERFILE);
  const op = docker.images.build({ context: '/root/app/rng', dockerfile: RNG_DOCKERFILE, tags: ['app_rng'] });
  if (!op.ok) throw new Error(op.error.message);
  const { out, result } = drain(world, op.value);
  if (!result.ok) throw new Error(result.error.message);
  return { out, image: result.value };
}

describe('images', () => {
  test('a pull streams its layers, then is up to date', () => {
    const { world, docker } = setup();
    const first = pull(world, docker, 'redis');
    expect(first.split('\n')[0]).toBe('latest: Pulling from library/redis');
    expect(first.match(/: Pull complete/g)).toHaveLength(6);
    expect(first).toMatch(/Status: Downloaded newer image for redis:latest\n$/);
    expect(world.now()).toBeGreaterThan(1000);
    expect(pull(world, docker, 'redis:latest')).toMatch(/Status: Image is up to date for redis:latest/);
    expect(docker.images.list().map((i) => i.repoTags)).toEqual([['redis:latest']]);
  });

  test('unknown repositories and tags fail as the registry answers', () => {
    const { world, docker } = setup();
    const op = docker.images.pull('nosuchthing');
    expect(op.ok && drain(world, op.value).result).toMatchObject({ ok: false, error: { message: expect.stringContaining('pull access denied for nosuchthing') } });
    const v3 = docker.images.pull('dockercoins/worker:v0.3');
    expect(v3.ok && drain(world, v3.value).result).toMatchObject({ error: { message: 'manifest for dockercoins/worker:v0.3 not found: manifest unknown: manifest unknown' } });
    const typo = docker.images.pull('ngnix');
    expect(typo.ok && drain(world, typo.value).result).toMatchObject({ error: { message: "pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied" } });
    const tag = docker.images.pull('nginx:1.99');
    expect(tag.ok && drain(world, tag.value).result).toMatchObject({ error: { message: 'manifest for nginx:1.99 not found: manifest unknown: manifest unknown' } });
  });

  test('tags the registry has beyond the catalogue pull too, with their own ids (nginx:1.25, httpd)', () => {
    const { world, docker } = setup();
    expect(pull(world, docker, 'nginx:1.25')).toMatch(/^1\.25: Pulling from library\/nginx\n[\s\S]*Status: Downloaded newer image for nginx:1\.25\n$/);
    expect(pull(world, docker, 'httpd')).toMatch(/Status: Downloaded newer image for httpd:latest\n$/);
    expect(docker.images.list().map((i) => i.repoTags[0]).sort()).toEqual(['httpd:latest', 'nginx:1.25']);
  });

  test('a build prints its steps, and the second one comes from the cache', () => {
    const { world, docker } = setup();
    const { out, image } = buildRng(world, docker);
    const lines = out.split('\n');
    expect(lines.filter((l) => l.startsWith('Step '))).toEqual([
      'Step 1/5 : FROM python:alpine', 'Step 2/5 : RUN pip install Flask', 'Step 3/5 : COPY rng.py /', 'Step 4/5 : CMD python rng.py', 'Step 5/5 : EXPOSE 80',
    ]);
    expect(out).toContain('alpine: Pulling from library/python');
    expect(out).toContain('Successfully installed Flask-2.3.2');
    expect(out).toMatch(/ ---> Running in [0-9a-f]{12}\n/);
    expect(out).toMatch(/Removing intermediate container [0-9a-f]{12}\n ---> [0-9a-f]{12}\n/);
    expect(out).toMatch(/Successfully built [0-9a-f]{12}\nSuccessfully tagged app_rng:latest\n$/);
    expect(image.program).toBe('dockercoins/rng');
    expect(image.exposed).toEqual(['80/tcp']);
    expect(image.files.get('/rng.py')).toBe('print("rng")\n');
    const again = buildRng(world, docker);
    expect(again.image.id).toBe(image.id);
    expect(again.out.match(/ ---> Using cache/g)).toHaveLength(4);
    expect(docker.images.list().map((i) => i.repoTags[0])).toEqual(['app_rng:latest', 'python:alpine']);
  });

  test('rmi refuses an image a container uses, then untags and deletes', () => {
    const { world, docker } = setup();
    pull(world, docker, 'redis');
    const c = docker.create({ image: 'redis' });
    expect(c.ok).toBe(true);
    expect(docker.images.remove('redis')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^conflict: unable to remove repository reference "redis" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}$/) } });
    if (c.ok) docker.remove(c.value.id);
    const removed = docker.images.remove('redis');
    expect(removed.ok && removed.value.slice(0, 3)).toEqual(['Untagged: redis:latest', expect.stringMatching(/^Untagged: redis@sha256:/), expect.stringMatching(/^Deleted: sha256:/)]);
    expect(docker.images.list()).toEqual([]);
  });
});

describe('containers', () => {
  function webProject(world: World, docker: DockerEngine): { rng: string } {
    buildRng(world, docker);
    docker.createNetwork('app_default');
    const rng = docker.create({ image: 'app_rng', name: 'app_rng_1', network: 'app_default', aliases: ['rng'], ports: [{ hostIp: '0.0.0.0', hostPort: 8001, containerPort: 80, protocol: 'tcp' }] });
    if (!rng.ok) throw new Error(rng.error.message);
    expect(docker.start(rng.value.id).ok).toBe(true);
    return { rng: rng.value.id };
  }

  test('a started container has an address on its network, its program listens there, the port is published', () => {
    const { world, docker } = setup();
    const { rng } = webProject(world, docker);
    const c = docker.container(rng)!;
    expect(c.state).toBe('running');
    expect(c.ip).toBe('172.18.0.2');
    expect(c.hostname).toBe(rng.slice(0, 12));
    expect(docker.logs(rng)).toMatchObject({ ok: true, value: [{ line: ' * Running on http://0.0.0.0:80/ (Press CTRL+C to quit)' }] });
    const viaPort = world.network.dial('node1', '127.0.0.1', 8001);
    expect(viaPort.ok && viaPort.listener.process).toBe('app_rng_1');
    expect(world.network.dial('node2', world.host('node1')!.ip, 8001).ok).toBe(true);
    expect(world.network.dial('node2', '172.18.0.2', 80).ok).toBe(false);
  });

  test('a second container publishing the same port fails to start: port is already allocated', () => {
    const { world, docker } = setup();
    webProject(world, docker);
    const other = docker.create({ image: 'app_rng', name: 'other', ports: [{ hostIp: '0.0.0.0', hostPort: 8001, containerPort: 80, protocol: 'tcp' }] });
    const started = other.ok ? docker.start('other') : undefined;
    expect(started).toMatchObject({ ok: false, error: { kind: 'port', message: expect.stringMatching(/^driver failed programming external connectivity on endpoint other \([0-9a-f]{64}\): Bind for 0.0.0.0:8001 failed: port is already allocated$/) } });
    expect(docker.container('other')!.state).toBe('created');
  });

  test('stop: SIGTERM ends a server at once; the worker ignores it and is killed after 10 s (137)', () => {
    const { world, docker } = setup();
    const { rng } = webProject(world, docker);
    docker.stop(rng);
    expect(docker.container(rng)).toMatchObject({ state: 'exited', exitCode: 0, ip: '' });
    expect(world.network.dial('node1', '127.0.0.1', 8001)).toEqual({ ok: false, reason: 'refused' });
    const fs = world.host('node1')!.fs;
    fs.writeFile('/root/app/rng/worker.py', '');
    const built = docker.images.build({ context: '/root/app/rng', dockerfile: 'FROM python:alpine\nCOPY worker.py /\nCMD python worker.py\n', tags: ['app_worker'] });
    if (built.ok) drain(world, built.value);
    const w = docker.create({ image: 'app_worker', network: 'app_default' });
    if (!w.ok) throw new Error(w.error.message);
    docker.start(w.value.id);
    world.advance(2500);
    expect(docker.logs(w.value.id).ok && docker.logs(w.value.id)).toMatchObject({ value: { length: 3 } });
    docker.stop(w.value.id);
    world.advance(9999);
    expect(docker.container(w.value.id)!.state).toBe('running');
    world.advance(1);
    expect(docker.container(w.value.id)).toMatchObject({ state: 'exited', exitCode: 137 });
  });

  test('a long run keeps memory bounded; a stopped container holds no timer, listener or address', () => {
    const { world, docker } = setup();
    const { rng } = webProject(world, docker);
    const baseline = { timers: world.clock.pending(), listeners: world.network.all().length };
    world.host('node1')!.fs.writeFile('/root/app/rng/worker.py', '');
    const built = docker.images.build({ context: '/root/app/rng', dockerfile: 'FROM python:alpine\nCOPY worker.py /\nCMD python worker.py\n', tags: ['app_worker'] });
    if (built.ok) drain(world, built.value);
    const w = docker.create({ image: 'app_worker', network: 'app_default' });
    if (!w.ok) throw new Error(w.error.message);
    docker.start(w.value.id);
    world.advance(3 * 3600 * 1000);
    expect(docker.logs(w.value.id)).toMatchObject({ ok: true, value: { length: LOG_CAPACITY } });
    docker.kill(w.value.id);
    docker.stop(rng);
    expect(world.clock.pending()).toBe(baseline.timers);
    expect(world.network.all().length).toBe(baseline.listeners - 2);
    expect(world.network.routeFrom('node1', '172.18.0.2')).toBeUndefined();
  });

  test('service names resolve on the project network, to running containers only', () => {
    const { world, docker } = setup();
    const { rng } = webProject(world, docker);
    let resolve: ((name: string) => string | undefined) | undefined;
    setProgramTable(world, { ...fakeContainerPrograms(), 'dockercoins/worker': (sb) => ((resolve = (n) => sb.resolve(n)), { signal: () => undefined }) });
    world.host('node1')!.fs.writeFile('/root/app/rng/worker.py', '');
    const built = docker.images.build({ context: '/root/app/rng', dockerfile: 'FROM python:alpine\nCOPY worker.py /\nCMD ["python", "worker.py"]\n', tags: ['app_worker'] });
    if (built.ok) drain(world, built.value);
    const w = docker.create({ image: 'app_worker', network: 'app_default', aliases: ['worker'] });
    if (!w.ok) throw new Error(w.error.message);
    docker.start(w.value.id);
    expect(resolve?.('rng')).toBe('172.18.0.2');
    expect(resolve?.('app_rng_1')).toBe('172.18.0.2');
    expect(resolve?.('worker')).toBe('172.18.0.3');
    expect(resolve?.('redis')).toBeUndefined();
    docker.stop(rng);
    expect(resolve?.('rng')).toBeUndefined();
  });

  test('rm refuses a running container; rm -f kills it; --rm removes on exit', () => {
    const { world, docker } = setup();
    const { rng } = webProject(world, docker);
    expect(docker.remove(rng)).toMatchObject({ ok: false, error: { message: `You cannot remove a running container ${rng}. Stop the container before attempting removal or force remove` } });
    expect(docker.remove(rng, { force: true }).ok).toBe(true);
    expect(docker.containers(true)).toEqual([]);
    expect(world.network.dial('node1', '127.0.0.1', 8001).ok).toBe(false);
    const echo = docker.create({ image: 'python:alpine', cmd: ['echo', 'hello'], autoRemove: true });
    if (!echo.ok) throw new Error(echo.error.message);
    docker.start(echo.value.id);
    expect(docker.container(echo.value.id)!.state).toBe('running');
    world.advance(100);
    expect(docker.container(echo.value.id)).toBeUndefined();
  });

  test('restart policy "always" brings a crashed container back with back-off', () => {
    const { world, docker } = setup();
    pull(world, docker, 'alpine');
    const c = docker.create({ image: 'alpine', cmd: ['false'], restart: 'always' });
    if (!c.ok) throw new Error(c.error.message);
    docker.start(c.value.id);
    world.advance(30);
    expect(docker.container(c.value.id)).toMatchObject({ state: 'restarting', exitCode: 1 });
    world.advance(2000);
    expect(docker.container(c.value.id)!.restartCount).toBeGreaterThanOrEqual(3);
    docker.stop(c.value.id);
    expect(docker.container(c.value.id)!.state).toBe('exited');
  });

  test('exec runs the toolbox inside: hostname, cat of copied files, ls', () => {
    const { world, docker } = setup();
    const { rng } = webProject(world, docker);
    expect(docker.exec(rng, ['hostname'])).toEqual({ ok: true, value: { stdout: `${rng.slice(0, 12)}\n`, stderr: '', exitCode: 0 } });
    expect(docker.exec(rng, ['cat', '/rng.py'])).toMatchObject({ value: { stdout: 'print("rng")\n' } });
    expect(docker.exec(rng, ['ls', '/'])).toMatchObject({ value: { stdout: expect.stringContaining('\nrng.py\n') } });
    expect(docker.exec(rng, ['nope'])).toMatchObject({ value: { exitCode: 126, stderr: expect.stringContaining('executable file not found in $PATH') } });
  });

  test('the snapshot lists containers per host with compose labels', () => {
    const { world, docker } = setup();
    expect(snapshotOf(world).hosts[0]!.containers).toEqual([]);
    buildRng(world, docker);
    docker.create({ image: 'app_rng', name: 'app_rng_1', labels: { 'com.docker.compose.project': 'app', 'com.docker.compose.service': 'rng' } });
    expect(snapshotOf(world).hosts[0]!.containers).toEqual([
      { id: expect.any(String), name: 'app_rng_1', project: 'app', service: 'rng', image: 'app_rng', state: 'created', ip: '', ports: [] },
    ]);
  });

  test('the same seed gives the same ids', () => {
    const ids = (seed: string): string[] => {
      const { world, docker } = setup(seed);
      const { rng } = webProject(world, docker);
      return [rng, docker.network('app_default')!.id, docker.images.list()[0]!.id];
    };
    expect(ids('a')).toEqual(ids('a'));
    expect(ids('a')).not.toEqual(ids('b'));
  });
});

test('the log ring keeps the most recent lines only', () => {
  const ring = new LogRing(3);
  for (let i = 1; i <= 5; i++) ring.push(i, 'stdout', `line ${i}`);
  expect(ring.tail().map((e) => e.line)).toEqual(['line 3', 'line 4', 'line 5']);
  expect(ring.tail(2).map((e) => e.seq)).toEqual([4, 5]);
  expect(ring.after(4).map((e) => e.line)).toEqual(['line 5']);
});
