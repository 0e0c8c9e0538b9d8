import { beforeAll, describe, expect, it } from 'vitest';
import { preloadCommands } from '../..';
import { shellOn, testWorld, type TestShell } from '../../testing/harness';
import { git } from '.';

const WORKER = '/root/container.training/dockercoins/worker/worker.py';

let cloned: TestShell;

/** A fresh node1 with container.training cloned, in ~/container.training/dockercoins. */
async function inClone(): Promise<TestShell> {
  const sh = shellOn(testWorld({ seed: 'git-repo' }), 'node1');
  const r = await sh.run('git clone -q https://github.com/jpetazzo/container.training && cd container.training/dockercoins');
  expect(r.exitCode).toBe(0);
  return sh;
}

/** What `sed -i 's/old/new/' file` does to a file. */
function edit(sh: TestShell, path: string, from: string, to: string): void {
  const text = sh.readFile(path)!;
  expect(text).toContain(from);
  sh.writeFile(path, text.replace(from, to));
}

beforeAll(async () => {
  await preloadCommands();
  cloned = await inClone();
});

describe('in a fresh clone', () => {
  it('status is clean, log lists the history, remote -v names GitHub, pull is up to date', async () => {
    expect((await cloned.run('git status')).stdout).toBe('# On branch master\nnothing to commit, working directory clean\n');
    expect((await cloned.run('git log -1')).stdout).toBe([
      'commit 97dd56b9e4d7a29986041d222aac4bdd660dceef',
      'Author: kubeplay <sources@kubeplay.invalid>',
      'Date:   Fri May 26 16:41:09 2023 +0200',
      '',
      '    dockercoins: say which coins are new in the worker logs',
      '',
    ].join('\n'));
    expect((await cloned.run('git log --oneline')).stdout.split('\n')).toHaveLength(5);
    expect((await cloned.run('git remote -v')).stdout)
      .toBe('origin\thttps://github.com/jpetazzo/container.training (fetch)\norigin\thttps://github.com/jpetazzo/container.training (push)\n');
    expect((await cloned.run('git remote')).stdout).toBe('origin\n');
    const pull = await cloned.run('git pull');
    expect(pull).toMatchObject({ stdout: 'Already up-to-date.\n', stderr: '', exitCode: 0 });
    expect((await cloned.run('git branch -a')).stdout).toBe('* master\n  remotes/origin/HEAD -> origin/master\n  remotes/origin/master\n');
  });

  it('.git holds git\'s own files', async () => {
    const r = await cloned.run('ls -1 ../.git; cat ../.git/packed-refs');
    expect(r.stdout).toBe([
      'HEAD', 'branches', 'config', 'description', 'hooks', 'index', 'info', 'logs', 'objects', 'packed-refs', 'refs',
      '# pack-refs with: peeled fully-peeled ',
      '97dd56b9e4d7a29986041d222aac4bdd660dceef refs/remotes/origin/master', '',
    ].join('\n'));
    expect(cloned.readFile('/root/container.training/.git/logs/HEAD')).toMatch(
      /^0{40} 97dd56b9e4d7a29986041d222aac4bdd660dceef root <root@node1\.\(none\)> \d{10} \+0000\tclone: from https:\/\/github\.com\/jpetazzo\/container\.training\n$/,
    );
  });
});

describe('after editing files', () => {
  it('status lists changes relative to the current directory, in git 1.8.3\'s format (golden)', async () => {
    const sh = await inClone();
    edit(sh, WORKER, '    sleep(0.1)\n', '    sleep(0.05)\n');
    await sh.run('rm -f rng/rng.py; echo notes > ../notes.txt; mkdir scratch; echo x > scratch/a; mkdir webui/node_modules; touch webui/node_modules/x');
    const r = await sh.run('git status; echo; git status -s; echo; cd .. && git status --short');
    await expect(r.stdout).toMatchFileSnapshot('golden/status-dirty.txt');
  });

  it('diff shows a unified diff of the edit, with blob ids and function context (golden)', async () => {
    const sh = await inClone();
    edit(sh, WORKER, '    sleep(0.1)\n', '    sleep(0.05)\n');
    edit(sh, WORKER, 'def work_loop(interval=1):', 'def work_loop(interval=2):');
    edit(sh, '/root/container.training/dockercoins/rng/Dockerfile', 'EXPOSE 80\n', 'EXPOSE 80');
    const r = await sh.run('git diff');
    expect(r.exitCode).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('golden/diff-worker.txt');
    expect((await sh.run('git diff --name-status; git diff worker | grep -c "^diff"; git diff --cached; git diff -- nowhere')).stdout).toBe('M\tdockercoins/rng/Dockerfile\nM\tdockercoins/worker/worker.py\n1\n');
    expect((await sh.run('git diff nowhere')).stderr).toMatch(/^fatal: ambiguous argument 'nowhere': unknown revision or path not in the working tree\.\n/);
  });

  it('checkout -- restores the file from HEAD, and status is clean again', async () => {
    const sh = await inClone();
    const original = sh.readFile(WORKER);
    edit(sh, WORKER, '    sleep(0.1)\n', '    sleep(0.05)\n');
    await sh.run('rm -f hasher/hasher.rb');
    expect((await sh.run('git checkout -- worker/worker.py hasher')).exitCode).toBe(0);
    expect(sh.readFile(WORKER)).toBe(original);
    expect((await sh.run('git status -s')).stdout).toBe('');
    const missing = await sh.run('git checkout -- nothing-here');
    expect(missing).toMatchObject({ stderr: "error: pathspec 'nothing-here' did not match any file(s) known to git.\n", exitCode: 1 });
    expect((await sh.run('git checkout master')).stderr).toBe("Already on 'master'\n");
  });
});

describe('git outside a checkout, and git itself', () => {
  it('says so, as git 1.8 does', async () => {
    const sh = shellOn(testWorld(), 'node1');
    for (const sub of ['status', 'log', 'diff', 'remote -v', 'pull']) {
      expect(await sh.run(`git ${sub}`)).toMatchObject({ stderr: 'fatal: Not a git repository (or any of the parent directories): .git\n', exitCode: 128 });
    }
  });

  it('--version, usage, unknown commands with a suggestion, commands this node lacks', async () => {
    const sh = shellOn(testWorld(), 'node1');
    expect((await sh.run('git --version')).stdout).toBe('git version 1.8.3.1\n');
    const bare = await sh.run('git');
    expect(bare.exitCode).toBe(1);
    expect(bare.stdout).toMatch(/^usage: git \[--version\] \[--help\][\s\S]*\n {3}clone {6}Copy a repository into a new directory\n/);
    expect(await sh.run('git stauts')).toMatchObject({
      stderr: "git: 'stauts' is not a git command. See 'git --help'.\n\nDid you mean this?\n\tstatus\n", exitCode: 1,
    });
    expect((await sh.run('git commit -m x')).stderr).toMatch(/^git: 'commit' is not available on this node\. Available: branch, checkout, clone/);
    expect(await sh.run('git -C /tmp status')).toMatchObject({ exitCode: 129 });
    expect((await sh.run('git help clone')).stdout).toMatch(/^usage: git clone \[options\] \[--\] <repo> \[<dir>\]\n/);
    expect((await sh.run('which git')).stdout).toBe('/usr/bin/git\n');
  });

  it('completes subcommands, clone URLs and options', () => {
    const complete = (words: string[], current: string) => git.complete!({
      words: ['git', ...words], current, cwd: '/root', host: cloned.world.host('node1')!, world: cloned.world, env: cloned.session.env,
    });
    expect(complete([], 'cl')).toEqual(['clone']);
    expect(complete([], 's')).toEqual(['status']);
    expect(complete(['clone'], 'https://github.com/j')).toEqual(['https://github.com/jpetazzo/container.training', 'https://github.com/jpetazzo/dockercoins']);
    expect(complete(['clone'], '--de')).toEqual(['--depth']);
    expect(complete(['status'], '--s')).toEqual(['--short']);
    expect(complete(['checkout', '--'], '')).toEqual([]);
  });
});
