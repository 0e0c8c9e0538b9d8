import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shellOn, testWorld } from '../../testing/harness';

const golden = (name: string): string => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');
// No aliases here: the rm/cp/mv -i aliases of ~/.bashrc are tested in the session tests.
const shell = async () => {
  const sh = shellOn(testWorld({ seed: 'files' }), 'node1');
  await sh.run('unalias -a');
  return sh;
};

describe('ls', () => {
  it('ls -l: permissions, links, owner, group, size, date, total (golden)', async () => {
    const sh = await shell();
    await sh.run('mkdir -p /srv/demo/sub && cd /srv/demo && printf "hello\\n" > hello.txt && touch empty && ln -s hello.txt link && chmod 755 sub');
    sh.advance(90 * 60 * 1000);
    await sh.run('echo later > later.txt');
    expect((await sh.run('ls -l')).stdout).toBe(golden('ls-l.txt'));
    expect((await sh.run('ls -la /srv/demo')).stdout).toBe(golden('ls-la.txt'));
  });

  it('one per line into a pipe, columns on the terminal', async () => {
    const sh = await shell();
    await sh.run('mkdir /d && cd /d && touch alpha beta gamma delta epsilon');
    expect((await sh.run('ls | cat')).stdout).toBe('alpha\nbeta\ndelta\nepsilon\ngamma\n');
    expect((await sh.run('ls')).stdout).toBe('alpha  beta  delta  epsilon  gamma\n');
    sh.session.resize(20);
    // GNU's rule: a layout fits only if its width stays below the terminal's (3 columns would need 21).
    expect((await sh.run('ls')).stdout).toBe('alpha  epsilon\nbeta   gamma\ndelta\n');
  });

  it('-a -A -d -R -t -r -1 -h -F', async () => {
    const sh = await shell();
    await sh.run('mkdir -p /d/x && cd /d && touch .hidden b');
    sh.advance(1000);
    await sh.run('touch a');
    expect((await sh.run('ls -A')).stdout).toBe('.hidden  a  b  x\n');
    expect((await sh.run('ls -1a')).stdout).toBe('.\n..\n.hidden\na\nb\nx\n');
    expect((await sh.run('ls -t -1')).stdout).toBe('a\nb\nx\n');
    expect((await sh.run('ls -r')).stdout).toBe('x  b  a\n');
    expect((await sh.run('ls -d /d /tmp')).stdout).toBe('/d  /tmp\n');
    expect((await sh.run('ls -F')).stdout).toBe('a  b  x/\n');
    expect((await sh.run('ls -R')).stdout).toBe('.:\na  b  x\n\n./x:\n');
  });

  it('a missing operand is an error, the others still listed, status 2', async () => {
    const sh = await shell();
    const r = await sh.run('ls /nosuch /etc/hostname');
    expect(r.stderr).toBe("ls: cannot access '/nosuch': No such file or directory\n");
    expect(r.stdout).toBe('/etc/hostname\n');
    expect(r.exitCode).toBe(2);
    const bad = await sh.run('ls -z');
    expect(bad.stderr).toBe("ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n");
    expect(bad.exitCode).toBe(2);
  });
});

describe('mkdir, rmdir, touch, rm', () => {
  it('mkdir and its messages', async () => {
    const sh = await shell();
    expect((await sh.run('mkdir a/b')).stderr).toBe('mkdir: cannot create directory ‘a/b’: No such file or directory\n');
    expect((await sh.run('mkdir -pv a/b')).stdout).toBe("mkdir: created directory 'a'\nmkdir: created directory 'a/b'\n");
    expect((await sh.run('mkdir a')).stderr).toBe('mkdir: cannot create directory ‘a’: File exists\n');
    expect((await sh.run('mkdir -p a/b; echo $?')).stdout).toBe('0\n');
    expect((await sh.run('mkdir')).stderr).toBe("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
  });

  it('rmdir and touch', async () => {
    const sh = await shell();
    await sh.run('mkdir -p d/e; touch d/f');
    expect((await sh.run('rmdir d')).stderr).toBe("rmdir: failed to remove 'd': Directory not empty\n");
    expect((await sh.run('rmdir nosuch')).stderr).toBe("rmdir: failed to remove 'nosuch': No such file or directory\n");
    expect((await sh.run('touch x/y')).stderr).toBe("touch: cannot touch 'x/y': No such file or directory\n");
    expect((await sh.run('rmdir d/e && ls d')).stdout).toBe('f\n');
  });

  it('rm: files, -r, -f, -i prompts and refusals', async () => {
    const sh = await shell();
    await sh.run('mkdir -p t/u; touch t/u/v t/w');
    expect((await sh.run('rm t')).stderr).toBe("rm: cannot remove 't': Is a directory\n");
    expect((await sh.run('rm nosuch')).stderr).toBe("rm: cannot remove 'nosuch': No such file or directory\n");
    expect((await sh.run('rm -f nosuch; echo $?')).stdout).toBe('0\n');
    const asked = await sh.run('rm -i t/w', { input: 'n\n' });
    expect(asked.stderr).toBe("rm: remove regular empty file 't/w'? ");
    expect(sh.readFile('/root/t/w')).toBe('');
    expect((await sh.run('rm -rv t')).stdout).toBe("removed 't/u/v'\nremoved directory 't/u'\nremoved 't/w'\nremoved directory 't'\n");
    expect((await sh.run('rm -rf /')).stderr).toBe("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
    expect((await sh.run('rm -i -f nosuch; echo $?')).stdout).toBe('0\n');
  });
});

describe('cp, mv, ln', () => {
  it('cp files and directories, with GNU\'s messages', async () => {
    const sh = await shell();
    await sh.run('echo data > a; mkdir d');
    expect((await sh.run('cp a b && cat b')).stdout).toBe('data\n');
    expect((await sh.run('cp a d && cat d/a')).stdout).toBe('data\n');
    expect((await sh.run('cp d e')).stderr).toBe("cp: -r not specified; omitting directory 'd'\n");
    expect((await sh.run('cp -r d e && ls e')).stdout).toBe('a\n');
    expect((await sh.run('cp nosuch x')).stderr).toBe("cp: cannot stat 'nosuch': No such file or directory\n");
    expect((await sh.run('cp a /nonexist/x')).stderr).toBe("cp: cannot create regular file '/nonexist/x': No such file or directory\n");
    expect((await sh.run('cp a a')).stderr).toBe("cp: 'a' and 'a' are the same file\n");
    expect((await sh.run('cp -r d d/sub')).stderr).toBe("cp: cannot copy a directory, 'd', into itself, 'd/sub'\n");
    expect((await sh.run('cp a b e/a x')).stderr).toBe("cp: target 'x' is not a directory\n");
    expect((await sh.run('cp')).stderr).toBe("cp: missing file operand\nTry 'cp --help' for more information.\n");
    expect((await sh.run('cp a')).stderr).toBe("cp: missing destination file operand after 'a'\nTry 'cp --help' for more information.\n");
  });

  it('cp -i asks before overwriting; cp -p keeps the mode', async () => {
    const sh = await shell();
    await sh.run('echo one > a; echo two > b; chmod 600 a');
    const r = await sh.run('cp -i a b', { input: 'y\n' });
    expect(r.stderr).toBe("cp: overwrite 'b'? ");
    expect(sh.readFile('/root/b')).toBe('one\n');
    await sh.run('cp -p a c');
    expect((await sh.run('stat -c %a c b')).stdout).toBe('600\n644\n');
  });

  it('a symlink to the same file is "the same file"', async () => {
    const sh = await shell();
    await sh.run('mkdir -p /etc/kubernetes ~/.kube; echo conf > /etc/kubernetes/admin.conf; ln -s /etc/kubernetes/admin.conf ~/.kube/config');
    const r = await sh.run('cp -i /etc/kubernetes/admin.conf $HOME/.kube/config');
    expect(r.stderr).toBe("cp: '/etc/kubernetes/admin.conf' and '/root/.kube/config' are the same file\n");
    expect(r.exitCode).toBe(1);
  });

  it('mv renames files and directories', async () => {
    const sh = await shell();
    await sh.run('mkdir -p src/in; echo x > src/in/f');
    expect((await sh.run('mv src dst && cat dst/in/f && ls')).stdout).toBe('x\ndst\n');
    expect((await sh.run('mv nosuch x')).stderr).toBe("mv: cannot stat 'nosuch': No such file or directory\n");
    expect((await sh.run('mv dst dst/in')).stderr).toBe("mv: cannot move 'dst' to a subdirectory of itself, 'dst/in/dst'\n");
    await sh.run('echo keep > k; echo other > o');
    expect((await sh.run('mv -i o k', { input: 'n\n' })).stderr).toBe("mv: overwrite 'k'? ");
    expect(sh.readFile('/root/o')).toBe('other\n');
  });

  it('ln -s creates symlinks, -f replaces, errors say why', async () => {
    const sh = await shell();
    await sh.run('touch t; ln -s t l1; mkdir d; ln -s /root/t d');
    expect((await sh.run('readlink l1 d/t')).stdout).toBe('t\n/root/t\n');
    expect((await sh.run('ln -s t l1')).stderr).toBe("ln: failed to create symbolic link 'l1': File exists\n");
    expect((await sh.run('ln -sf /etc l1 && readlink l1')).stdout).toBe('/etc\n');
    expect((await sh.run('ln t')).stderr).toBe("ln: failed to create hard link 't': File exists\n");
  });
});

describe('chmod and chown', () => {
  it('octal and symbolic modes', async () => {
    const sh = await shell();
    await sh.run('touch f; mkdir d');
    const mode = async (cmd: string, file = 'f'): Promise<string> => {
      await sh.run(cmd);
      return (await sh.run(`stat -c %A ${file}`)).stdout.trim();
    };
    expect(await mode('chmod 600 f')).toBe('-rw-------');
    expect(await mode('chmod u+x f')).toBe('-rwx------');
    expect(await mode('chmod go+r f')).toBe('-rwxr--r--');
    expect(await mode('chmod a-w,o-r f')).toBe('-r-xr-----');
    expect(await mode('chmod +x f')).toBe('-r-xr-x--x');
    expect(await mode('chmod u=rw,g=u f')).toBe('-rw-rw---x');
    expect(await mode('chmod 1777 d', 'd')).toBe('drwxrwxrwt');
    expect((await sh.run('chmod abc f')).stderr).toBe("chmod: invalid mode: ‘abc’\nTry 'chmod --help' for more information.\n");
    expect((await sh.run('chmod 644 nosuch')).stderr).toBe("chmod: cannot access 'nosuch': No such file or directory\n");
    expect((await sh.run('chmod 644')).stderr).toBe("chmod: missing operand after ‘644’\nTry 'chmod --help' for more information.\n");
  });

  it('chown with names and numbers', async () => {
    const sh = await shell();
    await sh.run('touch f');
    expect((await sh.run('chown nobody:nobody f; stat -c "%U:%G" f')).stdout).toBe('nobody:nobody\n');
    expect((await sh.run('chown 0:0 f; stat -c "%u:%g" f')).stdout).toBe('0:0\n');
    expect((await sh.run('chown $(id -u):$(id -g) f; echo $?')).stdout).toBe('0\n');
    expect((await sh.run('chown bob f')).stderr).toBe('chown: invalid user: ‘bob’\n');
    expect((await sh.run('chown root:bob f')).stderr).toBe('chown: invalid group: ‘root:bob’\n');
  });
});

describe('stat', () => {
  it('GNU\'s layout (golden)', async () => {
    const sh = await shell();
    expect((await sh.run('stat /etc/hosts')).stdout).toBe(golden('stat-hosts.txt'));
    expect((await sh.run('stat nosuch')).stderr).toBe("stat: cannot stat 'nosuch': No such file or directory\n");
  });
});
