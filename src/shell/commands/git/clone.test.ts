import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { findGithubRepository } from '../../../engine';
import { preloadCommands } from '../..';
import { shellOn, testWorld, type TestShell } from '../../testing/harness';

const TRAINING = 'https://github.com/jpetazzo/container.training';

function node1(seed = 'git-clone'): TestShell {
  return shellOn(testWorld({ seed }), 'node1');
}

/** A terminal's raw bytes, readable: carriage returns and erase-to-end-of-line made visible. */
function visible(raw: string): string {
  return raw.replaceAll('\x1b[K', '<EL>').replaceAll('\r', '<CR>\n');
}

beforeAll(async () => {
  await preloadCommands();
});

describe('git clone on a terminal', () => {
  it('streams the server lines and the counters, redrawn in place, then writes the tree (golden)', async () => {
    const sh = node1();
    const r = await sh.run(`git clone ${TRAINING}`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    await expect(visible(r.stderr)).toMatchFileSnapshot('golden/clone-terminal.txt');
    expect(sh.world.now()).toBeGreaterThan(2000);
    expect(sh.world.now()).toBeLessThan(10_000);
  });

  it('writes the repository into the directory, with a .git that names the remote', async () => {
    const sh = node1();
    await sh.run(`git clone ${TRAINING}`);
    const repo = findGithubRepository({ owner: 'jpetazzo', name: 'container.training' })!;
    for (const f of repo.files) expect(sh.readFile(`/root/container.training/${f.path}`)).toBe(f.content);
    expect((await sh.run('cd container.training/dockercoins && ls -1')).stdout).toBe('docker-compose.images.yml\ndocker-compose.yml\nhasher\nrng\nwebui\nworker\n');
    const compose = load(sh.readFile('/root/container.training/dockercoins/docker-compose.yml')!) as { services: Record<string, unknown> };
    expect(Object.keys(compose.services)).toEqual(['rng', 'hasher', 'webui', 'redis', 'worker']);
    expect(sh.readFile('/root/container.training/.git/HEAD')).toBe('ref: refs/heads/master\n');
    expect(sh.readFile('/root/container.training/.git/config')).toContain(`[remote "origin"]\n\turl = ${TRAINING}\n`);
    expect(sh.readFile('/root/container.training/.git/refs/heads/master')).toBe(`${repo.commits[0]!.sha}\n`);
  });

  it('cat worker/worker.py shows the loop the lesson explains', async () => {
    const sh = node1();
    await sh.run(`git clone ${TRAINING}`);
    const r = await sh.run('cd ~/container.training/dockercoins && grep -n "def \\|sleep\\|incrby\\|hset" worker/worker.py');
    expect(r.stdout).toMatch(/def work_once\(\):[\s\S]*sleep\(0\.1\)[\s\S]*hset\("wallet"[\s\S]*def work_loop\(interval=1\):[\s\S]*incrby\("hashes", loops_done\)[\s\S]*sleep\(10\)/);
  });

  it('is the same, byte for byte, for the same seed', async () => {
    const a = node1('same');
    const b = node1('same');
    const ra = await a.run(`git clone ${TRAINING}`);
    const rb = await b.run(`git clone ${TRAINING}`);
    expect(rb.output).toBe(ra.output);
    expect(b.world.now()).toBe(a.world.now());
    const listing = 'ls -laR container.training';
    expect((await b.run(listing)).stdout).toBe((await a.run(listing)).stdout);
    const other = await node1('other').run(`git clone ${TRAINING}`);
    expect(other.output).not.toBe(ra.output);
  });

  it('Ctrl+C stops it and leaves no directory behind', async () => {
    const sh = node1();
    const job = sh.start(`git clone ${TRAINING}`);
    sh.advance(1500);
    sh.interrupt();
    const r = await job.done();
    expect(r.exitCode).toBe(130);
    expect((await sh.run('ls -d container.training')).exitCode).toBe(2);
  });
});

describe('git clone elsewhere', () => {
  it('prints only "Cloning into" when stderr is not a terminal (golden)', async () => {
    const sh = node1();
    const r = await sh.run(`git clone ${TRAINING}.git 2>&1 | cat; git clone https://github.com/jpetazzo/dockercoins 2>/tmp/log; cat /tmp/log`);
    await expect(r.output).toMatchFileSnapshot('golden/clone-pipe.txt');
    expect(sh.readFile('/root/dockercoins/worker/worker.py')).toContain('def work_loop(interval=1):');
  });

  it('clones the DockerCoins-only repositories with the application at their root', async () => {
    const sh = node1();
    expect((await sh.run('git clone https://github.com/dockersamples/dockercoins.git samples && ls -1 samples')).stdout)
      .toBe('README.md\ndocker-compose.images.yml\ndocker-compose.yml\nhasher\nrng\nwebui\nworker\n');
  });

  it('--progress draws counters into a pipe; -q is silent; --depth 1 fetches a smaller pack', async () => {
    const sh = node1();
    expect((await sh.run(`git clone --progress ${TRAINING} a 2>&1 | cat`)).stdout).toContain('Resolving deltas: 100% (15602/15602), done.\n');
    expect((await sh.run(`git clone -q ${TRAINING} b`)).output).toBe('');
    const shallow = await sh.run(`git clone --depth 1 ${TRAINING} c`);
    expect(shallow.stderr).toContain('Receiving objects: 100% (1731/1731), 9.31 MiB');
    expect((await sh.run('cd c && git log --oneline')).stdout).toBe('97dd56b dockercoins: say which coins are new in the worker logs\n');
  });

  it('clones into an empty directory and from a local checkout', async () => {
    const sh = node1();
    await sh.run(`mkdir empty && git clone -q ${TRAINING} empty`);
    const local = await sh.run('git clone empty copy');
    expect(local.stderr).toBe("Cloning into 'copy'...\ndone.\n");
    expect((await sh.run('cd copy && git remote -v && git status')).stdout)
      .toBe('origin\t/root/empty (fetch)\norigin\t/root/empty (push)\n# On branch master\nnothing to commit, working directory clean\n');
  });

  it('fails as git does: existing directory, unknown repository or host, ssh, git://, no arguments (golden)', async () => {
    const sh = node1();
    await sh.run(`git clone -q ${TRAINING}`);
    const lines = [
      `git clone ${TRAINING}`,
      'git clone https://github.com/jpetazzo/container.trainnig',
      'git clone https://gitlab.com/jpetazzo/container.training gitlab',
      'git clone git@github.com:jpetazzo/container.training.git ssh',
      'git clone git://github.com/jpetazzo/container.training gitproto',
      'git clone no-such-dir',
      `git clone -b main ${TRAINING} branch`,
      'git clone --frobnicate x',
      'git clone',
    ];
    let transcript = '';
    for (const line of lines) {
      const r = await sh.run(line);
      transcript += `$ ${line}\n${r.output}[exit ${r.exitCode}]\n`;
    }
    await expect(transcript).toMatchFileSnapshot('golden/clone-errors.txt');
    expect((await sh.run('ls')).stdout).toBe('container.training\n');
  });
});
