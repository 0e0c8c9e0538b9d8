import { beforeAll, describe, expect, test } from 'vitest';
import type { CompletionRequest, Environment } from '../../types';
import { preloadCommands } from '../../session/preload';
import { shellOn, testWorld, type TestShell } from '../../testing/harness';
import { screen, useFakePrograms, writeProject } from '../compose/testing/fixture';
import { dockerCompose } from '../compose';
import { docker } from '.';
import type { World } from '../../../engine';

beforeAll(async () => {
  await preloadCommands();
});

function setup(seed = 'docker'): { world: World; sh: TestShell } {
  const world = testWorld({ seed });
  useFakePrograms(world);
  return { world, sh: shellOn(world, 'node1', { columns: 160 }) };
}

/** Runs lines and returns a transcript: each command, what the terminal shows, and a non-zero status. */
async function transcript(sh: TestShell, lines: readonly string[]): Promise<string> {
  const out: string[] = [];
  for (const line of lines) {
    const r = await sh.run(line);
    out.push(`$ ${line}`);
    if (r.output !== '') out.push(screen(r.output).replace(/\n$/, ''));
    if (r.exitCode !== 0) out.push(`[exit ${r.exitCode}]`);
  }
  return `${out.join('\n')}\n`;
}

describe('docker', () => {
  test('run, ps, images, logs, exec, inspect, stop, rm, rmi and their errors (golden)', async () => {
    const { sh } = setup();
    const text = await transcript(sh, [
      'docker ps',
      'docker run -d --name web -p 8080:80 nginx',
      'docker ps',
      'docker images',
      'docker exec web hostname',
      'docker exec web cat /etc/hosts',
      "docker inspect -f '{{.NetworkSettings.IPAddress}} {{.State.Status}} {{json .Config.Cmd}}' web",
      'docker run -d -p 8080:80 nginx',
      'docker run --rm alpine echo hello',
      'docker exec -it web sh',
      'docker stop web',
      'docker ps -a',
      'docker rm web',
      'docker rm web',
      'docker logs web',
      'docker stop web',
      'docker rmi nginx alpine',
      'docker images',
      'docker network ls',
      'docker fly',
    ]);
    await expect(text).toMatchFileSnapshot('golden/docker.txt');
  });

  test('stopping a process that ignores SIGTERM takes the 10 s grace period, then exit code 137', async () => {
    const { world, sh } = setup();
    writeProject(world, 'node1', '/root/w', { 'Dockerfile': 'FROM python:alpine\nCOPY worker.py /\nCMD ["python", "worker.py"]\n', 'worker.py': '' });
    await sh.run('cd w && docker build -t worker . && docker run -d --name w1 worker');
    sh.advance(2200);
    expect((await sh.run('docker logs --tail 1 w1')).stdout).toBe('INFO:__main__:4 units of work done, updating hash counter\n');
    const t = world.now();
    const r = await sh.run('docker stop -t 3 w1');
    expect(r.stdout).toBe('w1\n');
    expect(world.now() - t).toBeGreaterThanOrEqual(3000);
    expect(world.now() - t).toBeLessThan(3200);
    expect((await sh.run("docker ps -a --format '{{.Names}}: {{.Status}}'")).stdout).toBe('w1: Exited (137) Less than a second ago\n');
  });

  test('build: the context is sent, steps run, the second build comes from the cache', async () => {
    const { world, sh } = setup();
    writeProject(world, 'node1', '/root/app', { Dockerfile: 'FROM python:alpine\nRUN pip install Flask\nCOPY rng.py /\nCMD ["python", "rng.py"]\n', 'rng.py': 'print(1)\n' });
    await sh.run('cd app');
    const first = await sh.run('docker build -t rng .');
    expect(first.stdout).toMatch(/^Sending build context to Docker daemon {2}\d+(\.\d+)?kB\nStep 1\/4 : FROM python:alpine\n/);
    expect(first.stdout).toMatch(/Successfully built [0-9a-f]{12}\nSuccessfully tagged rng:latest\n$/);
    const second = await sh.run('docker build -t rng .');
    expect(second.stdout.match(/Using cache/g)).toHaveLength(3);
    expect((await sh.run('docker build -t x nowhere')).stderr).toBe('unable to prepare context: path "nowhere" not found\n');
    expect((await sh.run('docker build')).exitCode).toBe(1);
  });

  test('logs -f streams until the container exits; -q, --format and filters select what ps shows', async () => {
    const { sh } = setup();
    await sh.run('docker run -d --name front --label tier=front nginx && docker run -d --name back alpine sleep 3');
    const follow = await sh.run('docker logs -f back');
    expect(follow.exitCode).toBe(0);
    expect((await sh.run('docker ps -q')).stdout).toMatch(/^[0-9a-f]{12}\n$/);
    expect((await sh.run("docker ps -a --filter status=exited --format '{{.Names}}'")).stdout).toBe('back\n');
    expect((await sh.run("docker ps --filter label=tier=front --format 'table {{.Names}}\\t{{.Image}}'")).stdout).toBe('NAMES     IMAGE\nfront     nginx\n');
  });

  test('version, info, system df and docker compose version', async () => {
    const { sh } = setup();
    expect((await sh.run('docker --version')).stdout).toBe('Docker version 20.10.24, build 297e128\n');
    expect((await sh.run('docker version')).stdout).toMatch(/^Client: Docker Engine - Community\n Version: {11}20\.10\.24\n/);
    expect((await sh.run('docker info')).stdout).toContain('\n Server Version: 20.10.24\n');
    await sh.run('docker pull redis');
    expect((await sh.run('docker system df')).stdout).toBe([
      'TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE',
      'Images          1         0         130MB     130MB (100%)',
      'Containers      0         0         0B        0B',
      'Local Volumes   0         0         0B        0B',
      'Build Cache     0         0         0B        0B', '',
    ].join('\n'));
    expect((await sh.run('docker compose version')).stdout).toBe('Docker Compose version v2.17.2\n');
    expect((await sh.run('docker-compose --version')).stdout).toBe('docker-compose version 1.21.0, build 5920eb0\n');
  });

  test('pull prints the default tag, the layers and the reference', async () => {
    const { sh } = setup();
    const r = await sh.run('docker pull redis');
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Using default tag: latest', 'latest: Pulling from library/redis']);
    expect(r.stdout).toMatch(/Status: Downloaded newer image for redis:latest\ndocker\.io\/library\/redis:latest\n$/);
    const missing = await sh.run('docker pull dockercoins/worker:v0.3');
    expect(missing.stderr).toBe('Error response from daemon: manifest for dockercoins/worker:v0.3 not found: manifest unknown: manifest unknown\n');
  });
});

describe('completion', () => {
  const env: Environment = {
    get: () => undefined, set: () => undefined, unset: () => undefined, export: () => undefined, isExported: () => false, exported: () => [], child: () => env,
  };
  const request = (world: World, words: string[], current: string, cwd = '/root'): CompletionRequest => ({ words, current, cwd, host: world.host('node1')!, world, env });

  test('docker: subcommands, then running containers for stop, images for run', async () => {
    const { world, sh } = setup();
    expect(docker.complete!(request(world, ['docker'], 'im'))).toEqual(['image', 'images']);
    await sh.run('docker run -d --name web nginx && docker run -d --name worker alpine sleep 1');
    sh.advance(2000);
    expect(docker.complete!(request(world, ['docker', 'stop'], 'w'))).toEqual(['web']);
    expect(docker.complete!(request(world, ['docker', 'rm'], 'w'))).toEqual(['web', 'worker']);
    expect(docker.complete!(request(world, ['docker', 'run'], 'n'))).toEqual(['nginx']);
    expect(docker.complete!(request(world, ['docker', 'compose'], 'u'))).toEqual(['up']);
  });

  test('docker-compose: commands, then the services of the compose file here', () => {
    const { world } = setup();
    writeProject(world, 'node1', '/root/dockercoins');
    expect(dockerCompose.complete!(request(world, ['docker-compose'], 'lo', '/root/dockercoins'))).toEqual(['logs']);
    expect(dockerCompose.complete!(request(world, ['docker-compose', 'logs'], 'w', '/root/dockercoins'))).toEqual(['webui', 'worker']);
    expect(dockerCompose.complete!(request(world, ['docker-compose', 'scale'], 'wo', '/root/dockercoins'))).toEqual(['worker=']);
    expect(dockerCompose.complete!(request(world, ['docker-compose', 'logs'], 'w', '/root'))).toEqual([]);
  });
});
