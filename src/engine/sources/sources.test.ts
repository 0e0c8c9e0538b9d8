import { describe, expect, it } from 'vitest';
import { load, loadAll } from 'js-yaml';
import { Internet } from '../internet';
import { findGithubRepository, githubPath, knownRepositoryUrls, repositories } from './catalog';
import { gitBlobId, sha1Hex } from './sha1';
import { registerSourceSites } from './sites';
import { utf8Encode } from '../util/utf8';
import type { SourceRepository } from './types';
import { commandForm, parseDockerfile } from '../containers/dockerfile';
import { programForCommand } from '../containers/programs';

const training = (): SourceRepository => findGithubRepository({ owner: 'jpetazzo', name: 'container.training' })!;
const fileOf = (repo: SourceRepository, path: string): string => {
  const found = repo.files.find((f) => f.path === path);
  if (!found) throw new Error(`${path} is not in ${repo.owner}/${repo.name}`);
  return found.content;
};

/** Dockerfile instructions as the builder reads them: one per line, comments and blanks skipped. */
function instructions(dockerfile: string): { op: string; args: string }[] {
  return dockerfile.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).map((l) => {
    const m = l.match(/^([A-Z]+)\s+(.*)$/);
    if (!m) throw new Error(`not an instruction: ${l}`);
    return { op: m[1]!, args: m[2]! };
  });
}

describe('the repositories', () => {
  it('are found by their GitHub URLs, with or without .git, in any case', () => {
    expect(knownRepositoryUrls()).toEqual([
      'https://github.com/jpetazzo/container.training',
      'https://github.com/jpetazzo/dockercoins',
      'https://github.com/dockersamples/dockercoins',
    ]);
    for (const path of ['/jpetazzo/container.training', '/jpetazzo/container.training.git', '/JPetazzo/Container.Training/']) {
      expect(findGithubRepository(githubPath(path)!)).toBe(training());
    }
    expect(findGithubRepository(githubPath('/jpetazzo/nope')!)).toBeUndefined();
    expect(githubPath('/jpetazzo')).toBeUndefined();
  });

  it('lay DockerCoins out as the workshop does', () => {
    const app = training().files.filter((f) => f.path.startsWith('dockercoins/')).map((f) => f.path.slice('dockercoins/'.length));
    expect(app).toEqual([
      'docker-compose.images.yml', 'docker-compose.yml', 'hasher/Dockerfile', 'hasher/hasher.rb', 'rng/Dockerfile', 'rng/rng.py',
      'webui/Dockerfile', 'webui/files/dashboard.js', 'webui/files/index.html', 'webui/files/webui.css', 'webui/webui.js',
      'worker/Dockerfile', 'worker/worker.py',
    ]);
    const dockercoinsOnly = repositories().filter((r) => r.name === 'dockercoins');
    expect(dockercoinsOnly.map((r) => r.owner)).toEqual(['jpetazzo', 'dockersamples']);
    for (const repo of dockercoinsOnly) expect(repo.files.map((f) => f.path)).toEqual(['README.md', ...app].sort());
  });

  it('keep their files sorted and their commits newest first', () => {
    for (const repo of repositories()) {
      const paths = repo.files.map((f) => f.path);
      expect(paths).toEqual([...paths].sort());
      expect(repo.commits.map((c) => c.time)).toEqual([...repo.commits.map((c) => c.time)].sort((a, b) => b - a));
      for (const c of repo.commits) expect(c.sha).toMatch(/^[0-9a-f]{40}$/);
    }
  });
});

describe('the DockerCoins files', () => {
  it('docker-compose.yml is the v2 file: five services, published ports, the files volume, no networks', () => {
    const compose = load(fileOf(training(), 'dockercoins/docker-compose.yml')) as Record<string, unknown>;
    expect(compose).toEqual({
      version: '2',
      services: {
        rng: { build: 'rng', ports: ['8001:80'] },
        hasher: { build: 'hasher', ports: ['8002:80'] },
        webui: { build: 'webui', ports: ['8000:80'], volumes: ['./webui/files/:/files/'] },
        redis: { image: 'redis' },
        worker: { build: 'worker' },
      },
    });
    const images = load(fileOf(training(), 'dockercoins/docker-compose.images.yml')) as { services: Record<string, { image?: string }> };
    expect(images.services['rng']!.image).toBe('${REGISTRY_SLASH}rng${COLON_TAG}');
  });

  it('Dockerfiles start FROM the workshop bases and CMD the program the runtime maps to a model', () => {
    const expected: Record<string, [string, string, number]> = {
      rng: ['python:alpine', 'python rng.py', 5],
      hasher: ['ruby:alpine', 'ruby hasher.rb', 7],
      worker: ['python:alpine', 'python worker.py', 4],
      webui: ['node:4-slim', 'node webui.js', 6],
    };
    for (const [svc, [base, cmd, steps]] of Object.entries(expected)) {
      const parsed = instructions(fileOf(training(), `dockercoins/${svc}/Dockerfile`));
      expect(parsed[0]).toEqual({ op: 'FROM', args: base });
      expect(parsed.find((s) => s.op === 'CMD')?.args).toBe(cmd);
      expect(parsed).toHaveLength(steps);
      for (const s of parsed) expect(['FROM', 'RUN', 'COPY', 'CMD', 'EXPOSE', 'HEALTHCHECK']).toContain(s.op);
      const copied = parsed.filter((s) => s.op === 'COPY').map((s) => s.args.split(' ')[0]!.replace(/\/$/, ''));
      for (const source of copied) {
        expect(training().files.some((f) => f.path === `dockercoins/${svc}/${source}` || f.path.startsWith(`dockercoins/${svc}/${source}/`))).toBe(true);
      }
    }
  });

  it("the container runtime's builder reads each Dockerfile and maps its CMD to the service's program", () => {
    for (const svc of ['rng', 'hasher', 'worker', 'webui']) {
      const parsed = parseDockerfile(fileOf(training(), `dockercoins/${svc}/Dockerfile`));
      if (!parsed.ok) throw new Error(parsed.message);
      const cmd = parsed.instructions.find((i) => i.keyword === 'CMD')!;
      expect(programForCommand(commandForm(cmd.args))).toBe(`dockercoins/${svc}`);
    }
  });

  it('worker.py reads as the loop the lesson explains: sleep, rng, hasher, coin, counter flush', () => {
    const worker = fileOf(training(), 'dockercoins/worker/worker.py');
    for (const line of [
      'redis = Redis("redis")',
      'requests.get("http://rng/32")',
      'requests.post("http://hasher/"',
      '    sleep(0.1)',
      'if not hex_hash.startswith("0"):',
      'log.info("Coin found: {}...".format(hex_hash[:8]))',
      'redis.hset("wallet", hex_hash, random_bytes)',
      'log.info("{} units of work done, updating hash counter"',
      'redis.incrby("hashes", loops_done)',
      'deadline = time() + interval',
      'log.error("Waiting 10s and restarting.")',
      'sleep(10)',
    ]) {
      expect(worker).toContain(line);
    }
  });

  it('rng and hasher sleep 0.1 s per request; rng is single-threaded; webui serves /json on port 80', () => {
    expect(fileOf(training(), 'dockercoins/rng/rng.py')).toMatch(/PAUSE = 0\.1[\s\S]*threaded=False/);
    expect(fileOf(training(), 'dockercoins/hasher/hasher.rb')).toMatch(/PAUSE = 0\.1[\s\S]*Digest::SHA2\.new\(256\)\.hexdigest/);
    const webui = fileOf(training(), 'dockercoins/webui/webui.js');
    expect(webui).toContain("client.hlen('wallet'");
    expect(webui).toContain("client.get('hashes'");
    expect(webui).toContain("console.log('WEBUI running on port 80')");
    const page = fileOf(training(), 'dockercoins/webui/files/index.html');
    expect(page).toContain('<title>DockerCoin Miner WebUI</title>');
    expect(page).toContain('Current mining speed: ~<span id="speed">?</span> hashes/second');
    expect(fileOf(training(), 'dockercoins/webui/files/dashboard.js')).toContain('setInterval(refresh, 1000)');
  });

  it('k8s/dockercoins.yaml holds five Deployments of the v0.1 images and four Services', () => {
    const docs = loadAll(fileOf(training(), 'k8s/dockercoins.yaml')) as { kind: string; metadata: { name: string }; spec: Record<string, unknown> }[];
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'Deployment/hasher', 'Service/hasher', 'Deployment/redis', 'Service/redis', 'Deployment/rng', 'Service/rng',
      'Deployment/webui', 'Service/webui', 'Deployment/worker',
    ]);
    expect(docs.find((d) => d.metadata.name === 'webui' && d.kind === 'Service')!.spec['type']).toBe('NodePort');
  });

  it('every text file ends with a newline', () => {
    for (const repo of repositories()) for (const f of repo.files) expect(f.content.endsWith('\n'), f.path).toBe(true);
  });
});

describe('SHA-1 and blob ids', () => {
  it('match known digests', () => {
    expect(sha1Hex([])).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1Hex(utf8Encode('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex(utf8Encode('a'.repeat(1000)))).toBe('291e9a6c66994949b57ba5e650361e98fc36b1ba');
    // `git hash-object` of an empty file and of "hello\n".
    expect(gitBlobId('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    expect(gitBlobId('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });
});

describe('the sites', () => {
  const internet = new Internet();
  registerSourceSites(internet);
  registerSourceSites(internet);

  it('answer git discovery for known repositories and 404 for others', () => {
    const r = internet.fetch('https://github.com/jpetazzo/container.training.git/info/refs?service=git-upload-pack');
    expect(r.ok && r.body).toContain('97dd56b9e4d7a29986041d222aac4bdd660dceef refs/heads/master');
    expect(r.ok && r.body.startsWith('001e# service=git-upload-pack\n0000')).toBe(true);
    expect(internet.fetch('https://github.com/jpetazzo/nope/info/refs?service=git-upload-pack')).toMatchObject({ ok: false, status: 404 });
    expect(internet.fetch('https://gitlab.com/jpetazzo/container.training')).toMatchObject({ ok: false, error: 'dns' });
  });

  it('serve raw files on the default branch', () => {
    const r = internet.fetch('https://raw.githubusercontent.com/jpetazzo/container.training/master/dockercoins/docker-compose.yml');
    expect(r.ok && r.body).toContain('version: "2"');
    expect(internet.fetch('https://raw.githubusercontent.com/jpetazzo/container.training/main/README.md')).toMatchObject({ status: 404 });
  });
});
