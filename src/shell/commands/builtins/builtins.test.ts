import { beforeAll, describe, expect, it } from 'vitest';
import { shellOn, testWorld } from '../../testing/harness';
import { preloadCommands } from '../../session/preload';

// Coreutils load lazily; these tests drive the session synchronously.
beforeAll(() => preloadCommands());

const shell = () => shellOn(testWorld({ seed: 'builtins' }), 'node1');

describe('cd and pwd', () => {
  it('moves around, with ~, - and no argument', async () => {
    const sh = shell();
    expect((await sh.run('cd /etc; pwd; cd -; cd ~/; pwd; cd /tmp; cd; pwd')).stdout).toBe('/etc\n/root\n/root\n/root\n');
    expect((await sh.run('cd /usr/bin/; echo $PWD $OLDPWD')).stdout).toBe('/usr/bin /root\n');
  });

  it('errors as bash words them', async () => {
    const sh = shell();
    expect((await sh.run('cd /nosuch')).stderr).toBe('bash: cd: /nosuch: No such file or directory\n');
    expect((await sh.run('cd /etc/hosts')).stderr).toBe('bash: cd: /etc/hosts: Not a directory\n');
    expect((await sh.run('cd a b')).stderr).toBe('bash: cd: too many arguments\n');
    expect((await sh.run('unset OLDPWD; cd -')).stderr).toBe('bash: cd: OLDPWD not set\n');
    expect((await sh.run('cd /nosuch; echo $?')).stdout).toBe('1\n');
  });
});

describe('echo and printf', () => {
  it('echo -n, -e, -E and plain words', async () => {
    const sh = shell();
    expect((await sh.run('echo -n a; echo b')).stdout).toBe('ab\n');
    expect((await sh.run('echo -e "a\\tb\\nc"; echo "a\\tb"; echo -x')).stdout).toBe('a\tb\nc\na\\tb\n-x\n');
    expect((await sh.run('echo -e "stop\\cnever"; echo')).stdout).toBe('stop\n');
  });

  it('printf formats, reuses the format, and reports bad numbers', async () => {
    const sh = shell();
    expect((await sh.run('printf "%s=%d\\n" a 1 b 2')).stdout).toBe('a=1\nb=2\n');
    expect((await sh.run('printf "[%5s][%-5s][%05d][%x][%.2f][%c][%%]\\n" ab cd 42 255 3.14159 xyz')).stdout).toBe('[   ab][cd   ][00042][ff][3.14][x][%]\n');
    const bad = await sh.run('printf "%d\\n" abc');
    expect(bad.stdout).toBe('0\n');
    expect(bad.stderr).toBe('bash: printf: abc: invalid number\n');
    expect(bad.exitCode).toBe(1);
    expect((await sh.run('printf')).stderr).toBe('printf: usage: printf [-v var] format [arguments]\n');
    expect((await sh.run('printf -v X "%03d" 7; echo $X')).stdout).toBe('007\n');
  });
});

describe('variables: export, unset, set, shift, read', () => {
  it('export makes variables visible to commands; export -p lists them as declare -x', async () => {
    const sh = shell();
    expect((await sh.run('A=1; env | grep -c "^A="; export A; env | grep "^A="')).stdout).toBe('0\nA=1\n');
    expect((await sh.run('export B="x \\"y\\""; export -p | grep " B="')).stdout).toBe('declare -x B="x \\"y\\""\n');
    expect((await sh.run('export 1a=2')).stderr).toBe("bash: export: `1a=2': not a valid identifier\n");
  });

  it('unset removes, set lists and sets positional parameters and options', async () => {
    const sh = shell();
    expect((await sh.run('X=1; unset X; echo "[$X]"')).stdout).toBe('[]\n');
    expect((await sh.run('Y="a b"; set | grep "^Y="')).stdout).toBe("Y='a b'\n");
    expect((await sh.run('set -- p q r; echo $2 $#; shift; echo $1 $#; shift 5; echo $?')).stdout).toBe('q 3\nq 2\n1\n');
    expect((await sh.run('set -x; echo traced; set +x')).stderr).toBe('+ echo traced\n+ set +x\n');
  });

  it('read splits a line into names, the last taking the rest', async () => {
    const sh = shell();
    expect((await sh.run('read a b <<< "one two three"; echo "$a|$b"')).stdout).toBe('one|two three\n');
    expect((await sh.run('read line < /etc/hostname; echo $line')).stdout).toBe('node1\n');
    const typed = sh.run('read -p "Name? " who; echo "hi $who"');
    sh.type('Ada\n');
    const r = await typed;
    expect(r.stdout).toBe('hi Ada\n');
    expect(r.stderr).toBe('Name? ');
    expect((await sh.run('read x < /dev/null; echo $?')).stdout).toBe('1\n');
  });
});

describe('alias, unalias, type, command', () => {
  it('defines, lists and removes aliases', async () => {
    const sh = shell();
    await sh.run("alias ll='ls -l' k=kubectl");
    expect((await sh.run('alias ll')).stdout).toBe("alias ll='ls -l'\n");
    expect((await sh.run('type ll')).stdout).toBe("ll is aliased to `ls -l'\n");
    expect((await sh.run('unalias ll; alias ll')).stderr).toBe('bash: alias: ll: not found\n');
    expect((await sh.run('unalias nope')).stderr).toBe('bash: unalias: nope: not found\n');
  });

  it('type and command -v say what a name runs', async () => {
    const sh = shell();
    expect((await sh.run('type cd ls if')).stdout).toBe('cd is a shell builtin\nls is /usr/bin/ls\nif is a shell keyword\n');
    const missing = await sh.run('type nosuch');
    expect(missing.stderr).toBe('bash: type: nosuch: not found\n');
    expect(missing.exitCode).toBe(1);
    expect((await sh.run('command -v ls cd cp')).stdout).toBe("/usr/bin/ls\ncd\nalias cp='cp -i'\n");
    expect((await sh.run('type -a echo')).stdout).toBe('echo is a shell builtin\necho is /usr/bin/echo\n');
  });
});

describe('history, source, eval, help, exit', () => {
  it('history is numbered like bash', async () => {
    const sh = shell();
    await sh.run('echo one');
    await sh.run('echo two');
    expect((await sh.run('history')).stdout).toBe('    1  echo one\n    2  echo two\n    3  history\n');
    expect((await sh.run('history 1')).stdout).toBe('    4  history 1\n');
    expect((await sh.run('history -c; history')).stdout).toBe('');
    expect((await sh.run('history')).stdout).toBe('    1  history\n');
  });

  it('source and . run a file in this shell; eval runs its arguments', async () => {
    const sh = shell();
    sh.writeFile('/root/env.sh', 'export FROM_FILE=yes\ncd /tmp\necho "args: $*"\n');
    expect((await sh.run('source env.sh a b; echo $FROM_FILE; pwd')).stdout).toBe('args: a b\nyes\n/tmp\n');
    expect((await sh.run('. /nosuch')).stderr).toBe('bash: /nosuch: No such file or directory\n');
    expect((await sh.run('source')).stderr).toBe('bash: source: filename argument required\nsource: usage: source filename [arguments]\n');
    expect((await sh.run('CMD="echo evaluated"; eval $CMD; eval "X=5"; echo $X')).stdout).toBe('evaluated\n5\n');
  });

  it('help lists the builtins', async () => {
    const r = await shell().run('help');
    expect(r.stdout).toContain('GNU bash, version 4.2.46(2)-release (x86_64-redhat-linux-gnu)');
    expect(r.stdout).toContain(' cd           Change the shell working directory.');
    expect((await shell().run('help zzz')).exitCode).toBe(1);
  });

  it('exit with a bad argument still exits, with status 2', async () => {
    const sh = shell();
    const codes: number[] = [];
    sh.session.onExit((c) => codes.push(c));
    expect((await sh.run('exit abc')).stderr).toBe('bash: exit: abc: numeric argument required\n');
    expect(codes).toEqual([2]);
  });

  it('logout in a subshell is refused', async () => {
    expect((await shell().run('(logout)')).stderr).toBe("bash: logout: not login shell: use `exit'\n");
  });
});

describe('test and [', () => {
  it('files, strings and integers', async () => {
    const sh = shell();
    const check = async (expr: string): Promise<number> => (await sh.run(`[ ${expr} ]`)).exitCode;
    expect(await check('-d /etc')).toBe(0);
    expect(await check('-f /etc')).toBe(1);
    expect(await check('-e /nosuch')).toBe(1);
    expect(await check('-z ""')).toBe(0);
    expect(await check('abc = abc')).toBe(0);
    expect(await check('abc != abc')).toBe(1);
    expect(await check('3 -lt 10')).toBe(0);
    expect(await check('! -d /etc')).toBe(1);
    expect(await check('-d /etc -a -f /etc/hosts')).toBe(0);
    expect((await sh.run('test -n x && echo yes')).stdout).toBe('yes\n');
  });

  it('errors', async () => {
    const sh = shell();
    expect((await sh.run('[ 1 -eq a ]')).stderr).toBe('bash: [: a: integer expression expected\n');
    expect((await sh.run('[ a b ]')).stderr).toBe('bash: [: a: unary operator expected\n');
    const r = await sh.run('[ a');
    expect(r.stderr).toBe("bash: [: missing `]'\n");
    expect(r.exitCode).toBe(2);
  });
});

describe('completion', () => {
  it('cd completes directories only; sudo and type complete program names', async () => {
    const sh = shell();
    await sh.run('mkdir -p /srv/app /srv/apt; touch /srv/apple');
    const req = (words: string[], current: string) => ({ words, current, cwd: sh.session.cwd, host: sh.session.host, world: sh.world, env: sh.session.env });
    expect(sh.session.commandFor('cd')?.complete?.(req(['cd'], '/srv/ap'))).toEqual(['/srv/app/', '/srv/apt/']);
    expect(sh.session.commandFor('sudo')?.complete?.(req(['sudo'], 'kube'))).toEqual(['kubeadm', 'kubectl']);
    expect(sh.session.commandFor('sudo')?.complete?.(req(['sudo', 'cat'], '/e'))).toEqual([]);
    expect(sh.session.commandFor('type')?.complete?.(req(['type'], 'whoa'))).toEqual(['whoami']);
  });
});
