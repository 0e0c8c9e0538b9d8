import { beforeAll, describe, expect, it } from 'vitest';
import { shellOn, testWorld } from '../../testing/harness';
import { preloadCommands } from '../../session/preload';

// Coreutils load lazily: jobs driven by hand (start/advance) need them loaded first.
beforeAll(() => preloadCommands());

const shell = async () => {
  const sh = shellOn(testWorld({ seed: 'text' }), 'node1');
  await sh.run('printf "one\\ntwo\\nthree\\nfour\\nfive\\n" > /tmp/n; printf "b 2\\na 10\\nc 1\\nb 2\\n" > /tmp/s');
  return sh;
};

describe('cat, tac, less', () => {
  it('concatenates, numbers lines, reads stdin and -', async () => {
    const sh = await shell();
    expect((await sh.run('cat /etc/hostname /etc/hostname')).stdout).toBe('node1\nnode1\n');
    expect((await sh.run('head -2 /tmp/n | cat -n')).stdout).toBe('     1\tone\n     2\ttwo\n');
    expect((await sh.run('echo mid | cat /etc/hostname - /etc/hostname')).stdout).toBe('node1\nmid\nnode1\n');
    expect((await sh.run('tac /tmp/n | head -1; less /etc/hostname')).stdout).toBe('five\nnode1\n');
  });

  it('errors: missing files and directories, status 1', async () => {
    const sh = await shell();
    const r = await sh.run('cat nosuch /etc/hostname /etc');
    expect(r.stderr).toBe('cat: nosuch: No such file or directory\ncat: /etc: Is a directory\n');
    expect(r.stdout).toBe('node1\n');
    expect(r.exitCode).toBe(1);
    expect((await sh.run('cat -z')).stderr).toBe("cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n");
  });
});

describe('head and tail', () => {
  it('-n N, -N, +N, -c and several files', async () => {
    const sh = await shell();
    expect((await sh.run('head -n 2 /tmp/n')).stdout).toBe('one\ntwo\n');
    expect((await sh.run('head -3 /tmp/n | tail -1')).stdout).toBe('three\n');
    expect((await sh.run('tail -n 2 /tmp/n')).stdout).toBe('four\nfive\n');
    expect((await sh.run('tail -n +4 /tmp/n')).stdout).toBe('four\nfive\n');
    expect((await sh.run('head -n -3 /tmp/n')).stdout).toBe('one\ntwo\n');
    expect((await sh.run('head -c 5 /tmp/n')).stdout).toBe('one\nt');
    expect((await sh.run('head -1 /tmp/n /etc/hostname')).stdout).toBe('==> /tmp/n <==\none\n\n==> /etc/hostname <==\nnode1\n');
  });

  it('errors', async () => {
    const sh = await shell();
    expect((await sh.run('head nosuch')).stderr).toBe("head: cannot open 'nosuch' for reading: No such file or directory\n");
    expect((await sh.run('tail -n x /tmp/n')).stderr).toBe('tail: invalid number of lines: ‘x’\n');
  });

  it('tail -f prints what is appended, until Ctrl+C', async () => {
    const sh = await shell();
    await sh.run('echo first > /tmp/log');
    const job = sh.start('tail -f /tmp/log');
    sh.advance(500);
    sh.writeFile('/tmp/log', 'first\nsecond\n');
    sh.advance(1500);
    expect(sh.output.endsWith('first\nsecond\n')).toBe(true);
    sh.interrupt();
    expect((await job.done()).exitCode).toBe(130);
  });
});

describe('grep', () => {
  it('basic and extended patterns, -i -v -n -c -o -w -x -l -q', async () => {
    const sh = await shell();
    expect((await sh.run('grep t /tmp/n')).stdout).toBe('two\nthree\n');
    expect((await sh.run('grep -n -i "^T" /tmp/n')).stdout).toBe('2:two\n3:three\n');
    expect((await sh.run('grep -v e /tmp/n')).stdout).toBe('two\nfour\n');
    expect((await sh.run('grep -c o /tmp/n')).stdout).toBe('3\n');
    expect((await sh.run('echo "Hello World" | grep -o "[A-Z]"')).stdout).toBe('H\nW\n');
    expect((await sh.run('echo "a+b aab" | grep -o "a+b"; echo aab | grep -E -o "a+b"')).stdout).toBe('a+b\naab\n');
    expect((await sh.run('printf "ab\\nxy\\n" | grep "a\\|x"')).stdout).toBe('ab\nxy\n');
    expect((await sh.run('printf "cat\\ncatalog\\n" | grep -w cat; printf "cat\\ncats\\n" | grep -x cat')).stdout).toBe('cat\ncat\n');
    expect((await sh.run('grep -l root /etc/passwd /etc/hosts')).stdout).toBe('/etc/passwd\n');
    expect((await sh.run('grep -q four /tmp/n && echo found')).stdout).toBe('found\n');
    expect((await sh.run('grep -E "^(one|five)$" /tmp/n')).stdout).toBe('one\nfive\n');
  });

  it('names files when there are several, -r walks directories', async () => {
    const sh = await shell();
    expect((await sh.run('grep -n root /etc/passwd /etc/group')).stdout).toBe('/etc/passwd:1:root:x:0:0:root:/root:/bin/bash\n/etc/group:1:root:x:0:\n');
    expect((await sh.run('grep -r node1 /etc')).stdout).toBe(`/etc/hostname:node1\n/etc/hosts:${sh.session.host.ip}\tnode1\n`);
  });

  it('exit status: 0 found, 1 not found, 2 trouble', async () => {
    const sh = await shell();
    expect((await sh.run('grep zzz /tmp/n')).exitCode).toBe(1);
    const missing = await sh.run('grep x nosuch');
    expect(missing.stderr).toBe('grep: nosuch: No such file or directory\n');
    expect(missing.exitCode).toBe(2);
    expect((await sh.run('grep x /etc')).stderr).toBe('grep: /etc: Is a directory\n');
    expect((await sh.run('grep')).exitCode).toBe(2);
  });
});

describe('wc, sort, uniq', () => {
  it('wc pads like GNU wc', async () => {
    const sh = await shell();
    expect((await sh.run('wc /tmp/n')).stdout).toBe(' 5  5 24 /tmp/n\n');
    expect((await sh.run('wc -l /tmp/n; wc -l < /tmp/n; cat /tmp/n | wc')).stdout).toBe('5 /tmp/n\n5\n      5       5      24\n');
    expect((await sh.run('wc -l /tmp/n /tmp/s')).stdout).toBe(' 5 /tmp/n\n 4 /tmp/s\n 9 total\n');
    expect((await sh.run('printf "x" | wc -c')).stdout).toBe('1\n');
  });

  it('sort -r -n -u -k -t', async () => {
    const sh = await shell();
    expect((await sh.run('sort /tmp/s')).stdout).toBe('a 10\nb 2\nb 2\nc 1\n');
    expect((await sh.run('sort -u -r /tmp/s')).stdout).toBe('c 1\nb 2\na 10\n');
    expect((await sh.run('sort -k2 -n /tmp/s')).stdout).toBe('c 1\nb 2\nb 2\na 10\n');
    expect((await sh.run('printf "a:3\\nb:1\\n" | sort -t: -k2')).stdout).toBe('b:1\na:3\n');
    expect((await sh.run('printf "10K\\n2M\\n1G\\n" | sort -h')).stdout).toBe('10K\n2M\n1G\n');
    expect((await sh.run('sort nosuch')).stderr).toBe('sort: cannot read: nosuch: No such file or directory\n');
  });

  it('uniq -c -d -u', async () => {
    const sh = await shell();
    expect((await sh.run('sort /tmp/s | uniq -c')).stdout).toBe('      1 a 10\n      2 b 2\n      1 c 1\n');
    expect((await sh.run('sort /tmp/s | uniq -d')).stdout).toBe('b 2\n');
    expect((await sh.run('sort /tmp/s | uniq -u')).stdout).toBe('a 10\nc 1\n');
  });
});

describe('tr, cut', () => {
  it('tr translates, deletes and squeezes, with ranges, classes and escapes', async () => {
    const sh = await shell();
    expect((await sh.run('echo hello | tr a-z A-Z; echo hello | tr "[:lower:]" "[:upper:]"')).stdout).toBe('HELLO\nHELLO\n');
    expect((await sh.run('echo abc | tr -d b; echo "aa  bb" | tr -s " "; echo abc | tr -c "a\\n" x')).stdout).toBe('ac\naa bb\naxx\n');
    expect((await sh.run('printf "a\\nb\\n" | tr -d "\\n"; echo; printf "a b" | tr " " "\\n"')).stdout).toBe('ab\na\nb');
    expect((await sh.run('tr')).stderr).toBe("tr: missing operand\nTry 'tr --help' for more information.\n");
    expect((await sh.run('tr a')).stderr).toBe("tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n");
  });

  it('cut -d -f, -c, and its messages', async () => {
    const sh = await shell();
    expect((await sh.run('echo a,b,c | cut -d, -f2-; echo abcdef | cut -c2-4; printf "a\\tb\\tc\\n" | cut -f 1,3')).stdout).toBe('b,c\nbcd\na\tc\n');
    expect((await sh.run('cut -d: -f1 /etc/passwd')).stdout).toBe('root\nnobody\n');
    expect((await sh.run('cut /etc/passwd')).stderr).toBe("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    expect((await sh.run('cut -f x /etc/passwd')).stderr).toBe("cut: invalid field value ‘x’\nTry 'cut --help' for more information.\n");
  });
});

describe('base64 and tee', () => {
  it('encodes with 76-column lines, -w 0 for one line, decodes with -d', async () => {
    const sh = await shell();
    expect((await sh.run('echo hi | base64')).stdout).toBe('aGkK\n');
    const long = await sh.run('printf "%080d" 0 | base64');
    expect(long.stdout).toBe('MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw\nMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA=\n');
    expect((await sh.run('printf "%080d" 0 | base64 -w 0 | wc -l')).stdout).toBe('0\n');
    expect((await sh.run('echo aGkK | base64 -d; printf "héllo" | base64 | base64 -d')).stdout).toBe('hi\nhéllo');
    const bad = await sh.run("echo '!!!' | base64 -d");
    expect(bad.stderr).toBe('base64: invalid input\n');
    expect(bad.exitCode).toBe(1);
  });

  it('tee writes stdin to files and stdout, -a appends', async () => {
    const sh = await shell();
    expect((await sh.run('echo one | tee /tmp/t1 /tmp/t2')).stdout).toBe('one\n');
    await sh.run('echo two | tee -a /tmp/t1 > /dev/null');
    expect(sh.readFile('/tmp/t1')).toBe('one\ntwo\n');
    expect(sh.readFile('/tmp/t2')).toBe('one\n');
  });
});
