import { beforeAll, describe, expect, it } from 'vitest';
import { shellOn, testWorld, type TestShell } from '../../testing/harness';

let sh: TestShell;

beforeAll(async () => {
  sh = shellOn(testWorld({ seed: 'tree' }), 'node1');
  expect((await sh.run('git clone -q https://github.com/jpetazzo/container.training && cd container.training')).exitCode).toBe(0);
});

describe('tree', () => {
  it('draws dockercoins/ as the workshop shows it (golden)', async () => {
    const r = await sh.run('tree dockercoins');
    expect(r.exitCode).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('golden/tree-dockercoins.txt');
  });

  it('-L limits the depth, -d lists directories only, -a shows hidden files', async () => {
    expect((await sh.run('tree -L 1')).stdout).toBe([
      '.', '├── LICENSE', '├── README.md', '├── dockercoins', '├── k8s', '├── prepare-vms', '└── slides', '', '4 directories, 2 files', '',
    ].join('\n'));
    expect((await sh.run('tree -d dockercoins/webui')).stdout).toBe('dockercoins/webui\n└── files\n\n1 directory\n');
    const hidden = await sh.run('tree -a -L 1 --noreport | head -3');
    expect(hidden.stdout).toBe('.\n├── .git\n├── .gitignore\n');
    expect((await sh.run('tree -f --dirsfirst dockercoins/rng k8s')).stdout)
      .toBe('dockercoins/rng\n├── dockercoins/rng/Dockerfile\n└── dockercoins/rng/rng.py\nk8s\n└── k8s/dockercoins.yaml\n\n0 directories, 3 files\n');
  });

  it('shows symlinks without following them, and missing directories as errors', async () => {
    await sh.run('mkdir -p /tmp/t/d && touch /tmp/t/f && ln -s d /tmp/t/link');
    expect((await sh.run('tree /tmp/t /tmp/none')).stdout)
      .toBe('/tmp/t\n├── d\n├── f\n└── link -> d\n/tmp/none [error opening dir]\n\n2 directories, 1 file\n');
  });

  it("rejects options the way tree 1.6 does", async () => {
    expect(await sh.run('tree -L 0')).toMatchObject({ stderr: 'tree: Invalid level, must be greater than 0.\n', exitCode: 1 });
    expect(await sh.run('tree -L')).toMatchObject({ stderr: 'tree: Missing argument to -L option.\n', exitCode: 1 });
    const bad = await sh.run('tree -z');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^tree: Invalid argument -`z'\.\nusage: tree /);
    expect((await sh.run('tree --version')).stdout).toMatch(/^tree v1\.6\.0 /);
  });
});
