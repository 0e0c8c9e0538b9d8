import { beforeAll, describe, expect, it } from 'vitest';
import { shellOn, testWorld } from '../../testing/harness';
import { preloadCommands } from '../../session/preload';

// Coreutils load lazily: jobs driven by hand (start/advance) need them loaded first.
beforeAll(() => preloadCommands());

const setup = () => {
  const world = testWorld({ seed: 'system' });
  return { world, sh: shellOn(world, 'node1') };
};

describe('who and where', () => {
  it('id, whoami', async () => {
    const { sh } = setup();
    expect((await sh.run('id; id -u; id -g; id -un; id -gn; whoami')).stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n0\n0\nroot\nroot\nroot\n');
    expect((await sh.run('id nobody')).stdout).toBe('uid=99(nobody) gid=99(nobody) groups=99(nobody)\n');
    expect((await sh.run('id bob')).stderr).toBe("id: 'bob': no such user\n");
  });

  it('hostname -i is the node\'s IP, -I adds the trailing space', async () => {
    const { world, sh } = setup();
    const ip = world.host('node1')!.ip;
    expect(ip).toMatch(/^192\.168\.0\.\d+$/);
    expect((await sh.run('hostname; hostname -i; hostname -I; hostname -s; hostname -f')).stdout).toBe(`node1\n${ip}\n${ip} \nnode1\nnode1\n`);
    expect((await sh.run('hostname other')).stderr).toBe('hostname: you must be root to change the host name\n');
  });

  it('uname', async () => {
    const { sh } = setup();
    expect((await sh.run('uname; uname -r; uname -n; uname -m; uname -sr')).stdout).toBe('Linux\n4.4.0-210-generic\nnode1\nx86_64\nLinux 4.4.0-210-generic\n');
    expect((await sh.run('uname -a')).stdout).toBe('Linux node1 4.4.0-210-generic #242-Ubuntu SMP Fri Apr 16 09:57:56 UTC 2021 x86_64 x86_64 x86_64 GNU/Linux\n');
  });
});

describe('time', () => {
  it('date reads the virtual clock in CentOS\'s format', async () => {
    const { sh } = setup();
    expect((await sh.run('date')).stdout).toBe('Thu Jun  1 09:00:00 UTC 2023\n');
    sh.advance(3_723_000);
    expect((await sh.run('date; date +%F_%T; date -u +%s; date -R')).stdout).toBe('Thu Jun  1 10:02:03 UTC 2023\n2023-06-01_10:02:03\n1685613723\nThu, 01 Jun 2023 10:02:03 +0000\n');
    expect((await sh.run('date -d @0 +%Y')).stdout).toBe('1970\n');
    expect((await sh.run('date -d nonsense')).stderr).toBe('date: invalid date ‘nonsense’\n');
  });

  it('sleep takes virtual time, with suffixes', async () => {
    const { world, sh } = setup();
    const before = world.now();
    await sh.run('sleep 1.5; sleep 1m');
    expect(world.now() - before).toBe(61_500);
    expect((await sh.run('sleep')).stderr).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    expect((await sh.run('sleep x')).stderr).toBe("sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n");
  });

  it('yes streams until its reader has enough', async () => {
    const { sh } = setup();
    expect((await sh.run('yes hello | head -2')).stdout).toBe('hello\nhello\n');
  });
});

describe('running other programs', () => {
  it('sudo runs as root with secure_path and a reset environment', async () => {
    const { sh } = setup();
    expect((await sh.run('sudo whoami')).stdout).toBe('root\n');
    expect((await sh.run('export KUBECONFIG=/x; sudo env | grep -c KUBECONFIG; sudo -E env | grep KUBECONFIG')).stdout).toBe('0\nKUBECONFIG=/x\n');
    expect((await sh.run('sudo nosuch')).stderr).toBe('sudo: nosuch: command not found\n');
    expect((await sh.run('sudo cd /tmp')).stderr).toBe('');
    expect((await sh.run('sudo export X=1')).stderr).toBe('sudo: export: command not found\n');
  });

  it('env prints the exported variables or runs a command with more', async () => {
    const { sh } = setup();
    expect((await sh.run('env | grep ^HOME=')).stdout).toBe('HOME=/root\n');
    expect((await sh.run('env GREETING=hi env | grep GREETING; env -i env | wc -l')).stdout).toBe('GREETING=hi\n0\n');
    expect((await sh.run('env nosuch')).stderr).toBe("env: 'nosuch': No such file or directory\n");
  });

  it('which finds programs on PATH, CentOS-style when it cannot', async () => {
    const { sh } = setup();
    expect((await sh.run('which grep')).stdout).toBe('/usr/bin/grep\n');
    const r = await sh.run('which nosuch');
    expect(r.stderr).toBe('/usr/bin/which: no nosuch in (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/root/bin)\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('names and numbers', () => {
  it('seq', async () => {
    const { sh } = setup();
    expect((await sh.run('seq 3; seq 2 4 | tr "\\n" " "; echo; seq 1 2 7 | tr "\\n" " "; echo; seq -w 8 10 | tr "\\n" " "; echo; seq -s, 3')).stdout).toBe('1\n2\n3\n2 3 4 \n1 3 5 7 \n08 09 10 \n1,2,3\n');
    expect((await sh.run('seq 0.5 0.5 1.5')).stdout).toBe('0.5\n1.0\n1.5\n');
    expect((await sh.run('seq x')).stderr).toBe("seq: invalid floating point argument: ‘x’\nTry 'seq --help' for more information.\n");
  });

  it('basename, dirname, realpath, readlink', async () => {
    const { sh } = setup();
    expect((await sh.run('basename /a/b/c.txt .txt; basename /a/b/; dirname a/b/; dirname a; dirname /')).stdout).toBe('c\nb\na\n.\n/\n');
    await sh.run('ln -s /etc/hosts /tmp/h');
    expect((await sh.run('readlink /tmp/h; readlink -f /tmp/h; realpath /tmp/../tmp/h; readlink /etc/hosts; echo $?')).stdout).toBe('/etc/hosts\n/etc/hosts\n/etc/hosts\n1\n');
    expect((await sh.run('basename')).stderr).toBe("basename: missing operand\nTry 'basename --help' for more information.\n");
  });
});

describe('disk and memory', () => {
  it('df, du and free print plausible, stable numbers', async () => {
    const { sh } = setup();
    const df = (await sh.run('df -h /')).stdout.split('\n');
    expect(df[0]).toBe('Filesystem      Size  Used Avail Use% Mounted on');
    expect(df[1]).toMatch(/^overlay +\d+G +[\d.]+G +\d+G +\d+% \/$/);
    expect((await sh.run('mkdir -p /tmp/du/a; du /tmp/du')).stdout).toBe('4\t/tmp/du/a\n8\t/tmp/du\n');
    expect((await sh.run('free | head -1')).stdout).toBe('              total        used        free      shared  buff/cache   available\n');
  });
});

describe('scripts, bash, sh and watch', () => {
  it('runs scripts: ./file needs +x, bash file and sh -c do not; $0, $1 and exported variables only', async () => {
    const { sh } = setup();
    sh.writeFile('/root/s.sh', '#!/bin/bash\necho "$0 got $1 and [$SECRET] [$PUBLIC]"\nexit 3\n');
    await sh.run('SECRET=s; export PUBLIC=p');
    expect((await sh.run('./s.sh a')).stderr).toBe('bash: ./s.sh: Permission denied\n');
    await sh.run('chmod +x s.sh');
    const r = await sh.run('./s.sh a; echo "status $?"');
    expect(r.stdout).toBe('./s.sh got a and [] [p]\nstatus 3\n');
    expect((await sh.run('bash s.sh b')).stdout).toBe('s.sh got b and [] [p]\n');
    expect((await sh.run('sh -c \'echo "$0:$1"; cd /tmp\' name arg; pwd')).stdout).toBe('name:arg\n/root\n');
    expect((await sh.run('echo "echo from stdin" | bash')).stdout).toBe('from stdin\n');
    expect((await sh.run('/bin/bash -c "exit 4"; echo $?')).stdout).toBe('4\n');
  });

  it('watch clears the screen and reruns the command until Ctrl+C', async () => {
    const { sh } = setup();
    let clears = 0;
    sh.session.onClearScreen(() => clears++);
    const job = sh.start('watch -n 1 date');
    sh.advance(2500);
    sh.interrupt();
    const r = await job.done();
    expect(clears).toBe(3);
    expect(r.exitCode).toBe(130);
    const screens = r.stdout.split('Every 1.0s: date');
    expect(screens).toHaveLength(4);
    expect(screens[1]).toBe(`${' '.repeat(80 - 'Every 1.0s: date'.length - 24)}Thu Jun  1 09:00:00 2023\n\nThu Jun  1 09:00:00 UTC 2023\n`);
  });
});
