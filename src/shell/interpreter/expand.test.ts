import { describe, expect, it } from 'vitest';
import { shellOn, testWorld } from '../testing/harness';
import type { Command } from '../types';

/** Prints its arguments one per line in brackets, so word boundaries show. */
const args: Command = {
  name: 'args',
  summary: 'print argv',
  run(ctx) {
    ctx.stdout.write(ctx.argv.slice(1).map((a) => `[${a}]`).join('') + '\n');
    return 0;
  },
};

const shell = () => shellOn(testWorld({ seed: 'expand' }), 'node1', { commands: [args] });

describe('expansion', () => {
  it('tilde, HOME and quoting', async () => {
    const sh = shell();
    expect((await sh.run('args ~ ~/x "~" ~root ~nobody a=~')).stdout).toBe('[/root][/root/x][~][/root][~nobody][a=~]\n');
  });

  it('parameters, defaults, length, prefix and suffix removal, substitution', async () => {
    const sh = shell();
    await sh.run('F=archive.tar.gz; E=');
    expect((await sh.run('args ${F%.gz} ${F%%.*} ${F#*.} ${F##*.} ${#F} ${F/tar/zip} ${F//a/A}')).stdout).toBe('[archive.tar][archive][tar.gz][gz][14][archive.zip.gz][Archive.tAr.gz]\n');
    expect((await sh.run('args "${E:-empty}" "${E-unset}" "${NOPE-unset}" "${F:+set}" ${E:+x}')).stdout).toBe('[empty][][unset][set]\n');
    expect((await sh.run('args ${N:=assigned}; args $N')).stdout).toBe('[assigned]\n[assigned]\n');
  });

  it('${VAR:?message} abandons the rest of the line with bash\'s message; in $(...) only the subshell ends', async () => {
    const sh = shell();
    const r = await sh.run('args ${MISSING:?is required}; echo next');
    expect(r.stderr).toBe('bash: MISSING: is required\n');
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(1);
    const sub = await sh.run('args "$(echo ${MISSING:?})" next');
    expect(sub.stderr).toBe('bash: MISSING: parameter null or not set\n');
    expect(sub.stdout).toBe('[][next]\n');
  });

  it('bad substitution is reported when the word is expanded', async () => {
    const r = await shell().run('echo ${a b}');
    expect(r.stderr).toBe('bash: ${a b}: bad substitution\n');
    expect(r.exitCode).toBe(1);
  });

  it('special parameters: $? $$ $# $0 $-', async () => {
    const sh = shell();
    const r = await sh.run('false; args $? $# $0; args $$');
    const [first, pid] = r.stdout.split('\n');
    expect(first).toBe('[1][0][bash]');
    expect(pid).toMatch(/^\[\d+\]$/);
    expect((await sh.run('args $$')).stdout).toBe(`${pid}\n`);
  });

  it('command substitution strips trailing newlines and splits when unquoted', async () => {
    const sh = shell();
    expect((await sh.run('args $(printf "a b\\n\\n") "$(printf "a b\\n\\n")"')).stdout).toBe('[a][b][a b]\n');
    expect((await sh.run('args `echo back tick`')).stdout).toBe('[back][tick]\n');
    expect((await sh.run('X=$(false); echo $?')).stdout).toBe('1\n');
  });

  it('word splitting on IFS, and "$@"', async () => {
    const sh = shell();
    expect((await sh.run('X="  a   b  "; args $X "$X"')).stdout).toBe('[a][b][  a   b  ]\n');
    expect((await sh.run('IFS=:; X=a:b::c; args $X')).stdout).toBe('[a][b][][c]\n');
    await sh.run('unset IFS');
    expect((await sh.run('set -- "x y" z; args "$@"; args $@; args "$*"; args $#')).stdout).toBe('[x y][z]\n[x][y][z]\n[x y z]\n[2]\n');
    expect((await sh.run('set --; args "$@" end')).stdout).toBe('[end]\n');
  });

  it('empty unquoted expansions vanish, empty quoted ones stay', async () => {
    expect((await shell().run('E=; args $E "$E" \'\' x')).stdout).toBe('[][][x]\n');
  });

  it('arithmetic', async () => {
    const sh = shell();
    expect((await sh.run('i=5; args $((i * 2 + 1)) $((i / 2)) $((i % 2)) $((2 ** 10)) $((i > 3 ? 1 : 0)) $(( (1+2)*3 ))')).stdout).toBe('[11][2][1][1024][1][9]\n');
    expect((await sh.run('i=1; i=$((i+1)); echo $i; echo $((j++)) $j')).stdout).toBe('2\n0 1\n');
    const r = await sh.run('echo $((1 / 0))');
    expect(r.stderr).toMatch(/^bash: 1 \/ 0: division by 0/);
    expect(r.exitCode).toBe(1);
  });

  it('globbing against the host filesystem; no match stays literal; quotes stop it', async () => {
    const sh = shell();
    await sh.run('mkdir -p /tmp/g && cd /tmp/g && touch a.txt b.txt .hidden c.log');
    expect((await sh.run('args *.txt')).stdout).toBe('[a.txt][b.txt]\n');
    expect((await sh.run('args *')).stdout).toBe('[a.txt][b.txt][c.log]\n');
    expect((await sh.run('args .h* ?.log [ab].txt [!a].txt')).stdout).toBe('[.hidden][c.log][a.txt][b.txt][b.txt]\n');
    expect((await sh.run('args *.none "*.txt" \\*.txt')).stdout).toBe('[*.none][*.txt][*.txt]\n');
    expect((await sh.run('args /tmp/g/*.log; P="*.txt"; args $P "$P"')).stdout).toBe('[/tmp/g/c.log]\n[a.txt][b.txt][*.txt]\n');
  });

  it('assignments do not split or glob', async () => {
    const sh = shell();
    expect((await sh.run('X="a  b"; Y=$X; args "$Y"; Z=*; args "$Z"')).stdout).toBe('[a  b]\n[*]\n');
  });
});
