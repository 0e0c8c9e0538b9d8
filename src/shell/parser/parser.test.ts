import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Command, SimpleCommand, Word, WordPart } from './ast';
import { parse, type ParseResult } from './parse';

function ast(source: string, aliases?: Record<string, string>) {
  const r = parse(source, { interactive: true, ...(aliases ? { aliases: (n: string) => aliases[n] } : {}) });
  if (r.kind !== 'complete') throw new Error(`expected a complete parse of ${JSON.stringify(source)}, got ${JSON.stringify(r)}`);
  return r.ast;
}

function simple(source: string, aliases?: Record<string, string>): SimpleCommand {
  const cmd = ast(source, aliases).items[0]!.command.first.commands[0]!;
  if (cmd.kind !== 'simple') throw new Error(`not a simple command: ${cmd.kind}`);
  return cmd;
}

/** A word as text, with expansions shown as tags: good enough to compare structure. */
function show(word: Word): string {
  return word.parts.map(showPart).join('');
}
function showPart(p: WordPart): string {
  switch (p.kind) {
    case 'literal': return p.quoted ? `«${p.text}»` : p.text;
    case 'tilde': return `~${p.user}`;
    case 'param': return `\${${p.op === 'length' ? '#' : ''}${p.name}${p.op && p.op !== 'length' ? p.op + (p.arg ? show(p.arg) : '') : ''}}${p.quoted ? 'q' : ''}`;
    case 'command': return `$(${p.script.items.map((i) => i.text).join('; ')})${p.quoted ? 'q' : ''}`;
    case 'arith': return `$((${show(p.expr)}))`;
    case 'bad-subst': return `!${p.text}`;
  }
}
const words = (source: string): string[] => simple(source).words.map(show);

describe('parser: the lesson lines', () => {
  it('kubeadm init with a command substitution', () => {
    expect(words('kubeadm init --apiserver-advertise-address $(hostname -i)')).toEqual([
      'kubeadm', 'init', '--apiserver-advertise-address', '$(hostname -i)',
    ]);
  });

  it('mkdir, sudo cp, chown with $HOME and $(id -u):$(id -g)', () => {
    expect(words('mkdir -p $HOME/.kube')).toEqual(['mkdir', '-p', '${HOME}/.kube']);
    expect(words('sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config')).toEqual(['sudo', 'cp', '-i', '/etc/kubernetes/admin.conf', '${HOME}/.kube/config']);
    expect(words('sudo chown $(id -u):$(id -g) $HOME/.kube/config')).toEqual(['sudo', 'chown', '$(id -u):$(id -g)', '${HOME}/.kube/config']);
  });

  it('export KUBECONFIG=... is a word for export, not an assignment', () => {
    const cmd = simple('export KUBECONFIG=/etc/kubernetes/admin.conf');
    expect(cmd.assignments).toEqual([]);
    expect(cmd.words.map(show)).toEqual(['export', 'KUBECONFIG=/etc/kubernetes/admin.conf']);
  });

  it('the weave one-liner: one double-quoted word holding a pipeline in $(...)', () => {
    const line = `kubectl apply -n kube-system -f "https://cloud.weave.works/k8s/net?k8s-version=$(kubectl version | base64 |tr -d '\\n')"`;
    const w = simple(line).words;
    expect(w).toHaveLength(6);
    const url = w[5]!;
    expect(url.parts[0]).toEqual({ kind: 'literal', text: 'https://cloud.weave.works/k8s/net?k8s-version=', quoted: true });
    const sub = url.parts[1]!;
    expect(sub.kind).toBe('command');
    if (sub.kind !== 'command') return;
    expect(sub.quoted).toBe(true);
    const stages = sub.script.items[0]!.command.first.commands as SimpleCommand[];
    expect(stages.map((s) => s.words.map(show))).toEqual([['kubectl', 'version'], ['base64'], ['tr', '-d', '«\\n»']]);
  });

  it('the weave line split with a backslash continuation parses to the same command', () => {
    const one = `kubectl apply -n kube-system -f "https://cloud.weave.works/k8s/net?k8s-version=$(kubectl version | base64 |tr -d '\\n')"`;
    const two = `kubectl apply -n kube-system -f \\\n"https://cloud.weave.works/k8s/net?k8s-version=$(kubectl version | base64 |tr -d '\\n')"`;
    expect(simple(two).words.map(show)).toEqual(simple(one).words.map(show));
    expect(parse(`kubectl apply -n kube-system -f \\`, { interactive: true })).toEqual({ kind: 'incomplete', reason: 'backslash' });
  });
});

describe('parser: words', () => {
  it('quotes: single quotes keep everything, double quotes keep $ and backslash escapes', () => {
    expect(words(`echo 'a $b "c"' "d \\"e\\" \\$f \\g"`)).toEqual(['echo', '«a $b "c"»', '«d "e" $f \\g»']);
    expect(words(`echo a\\ b \\$x`)).toEqual(['echo', 'a« »b', '«$»x']);
    expect(words(`echo "" ''`)).toEqual(['echo', '«»', '«»']);
  });

  it('parameters: $VAR ${VAR} ${VAR:-default} $? $$ $1 ${#VAR}', () => {
    expect(words('echo $A ${B} ${C:-x y} $? $$ $1 ${#D} ${E%.txt}')).toEqual([
      'echo', '${A}', '${B}', '${C:-x« »y}'.replace('« »', ' '), '${?}', '${$}', '${1}', '${#D}', '${E%.txt}',
    ]);
    expect(words('echo "$A-$B"')).toEqual(['echo', '«»${A}q«-»${B}q']);
  });

  it('nested command substitution and backticks', () => {
    expect(words('echo $(echo "$(date)") `uname -r`')).toEqual(['echo', '$(echo "$(date)")', '$(uname -r)']);
  });

  it('tilde at the start of words and after = in assignments', () => {
    expect(words('ls ~ ~/x ~root a~b "~"')).toEqual(['ls', '~', '~/x', '~root', 'a~b', '«~»']);
    const cmd = simple('A=~/bin env');
    expect(cmd.assignments.map((a) => [a.name, show(a.value)])).toEqual([['A', '~/x'.replace('x', 'bin')]]);
  });

  it('arithmetic, ANSI-C quotes and a bad substitution kept for run time', () => {
    expect(words('echo $((1 + $X)) $\'a\\tb\' ${a b}')).toEqual(['echo', '$((«1 + »${X}q))', '«a\tb»', '!${a b}']);
  });

  it('comments and operators without spaces', () => {
    const s = ast('echo a;echo b&&echo c||echo d # done');
    expect(s.items.map((i) => i.text)).toEqual(['echo a', 'echo b&&echo c||echo d']);
    expect(words('echo a#b')).toEqual(['echo', 'a#b']);
  });
});

describe('parser: commands', () => {
  it('assignments before a command, redirections anywhere', () => {
    const cmd = simple('A=1 B="x y" env >out 2>&1 <in');
    expect(cmd.assignments.map((a) => a.name)).toEqual(['A', 'B']);
    expect(cmd.words.map(show)).toEqual(['env']);
    expect(cmd.redirects.map((r) => (r.kind === 'file' ? `${r.fd}${r.op}${show(r.target)}` : 'heredoc'))).toEqual(['1>out', '2>&1', '0<in']);
  });

  it('all the redirection operators', () => {
    const cmd = simple('cmd > a >> b < c 2> d &> e &>> f >/dev/null 2>>g <<< h');
    expect(cmd.redirects.map((r) => (r.kind === 'file' ? `${r.fd}${r.op}` : ''))).toEqual(['1>', '1>>', '0<', '2>', '1&>', '1&>>', '1>', '2>>', '0<<<']);
  });

  it('pipelines, lists, subshells, groups and negation', () => {
    const s = ast('! a | b |& c; (d; e) && { f; } &');
    const first = s.items[0]!.command.first;
    expect(first.negated).toBe(true);
    expect(first.commands).toHaveLength(3);
    expect(first.pipeStderr).toEqual([false, true]);
    const second = s.items[1]!;
    expect(second.background).toBe(true);
    expect(second.command.first.commands[0]!.kind).toBe('subshell');
    expect(second.command.rest[0]!.pipeline.commands[0]!.kind).toBe('group');
  });

  it('if, for, while, until', () => {
    const kinds = (src: string): string => ast(src).items[0]!.command.first.commands[0]!.kind;
    expect(kinds('if true; then echo a; elif false; then echo b; else echo c; fi')).toBe('if');
    expect(kinds('for i in 1 2 3; do echo $i; done')).toBe('for');
    expect(kinds('while true; do break; done')).toBe('while');
    expect(kinds('until false; do break; done')).toBe('until');
    const loop = ast('for i in a b\ndo\necho $i\ndone').items[0]!.command.first.commands[0] as Command & { kind: 'for' };
    expect(loop.items?.map(show)).toEqual(['a', 'b']);
  });

  it('reserved words are only reserved where a command starts', () => {
    expect(words('echo if then fi done')).toEqual(['echo', 'if', 'then', 'fi', 'done']);
  });
});

describe('parser: here-documents', () => {
  it('<<EOF expands, <<\'EOF\' does not, <<- strips tabs', () => {
    const doc = (src: string) => {
      const r = simple(src).redirects[0]!;
      if (r.kind !== 'heredoc') throw new Error('no heredoc');
      return r.doc;
    };
    const a = doc('cat <<EOF\nhello $USER\nEOF');
    expect(a.expand).toBe(true);
    expect(show(a.body)).toBe('«hello »${USER}q«\n»');
    const b = doc("cat <<'EOF'\nhello $USER\nEOF");
    expect(b.expand).toBe(false);
    expect(show(b.body)).toBe('«hello $USER\n»');
    const c = doc('cat <<-END\n\t\tindented\n\tEND');
    expect(show(c.body)).toBe('«indented\n»');
  });

  it('a command after the here-document on the next lines still runs', () => {
    const s = ast('cat <<EOF\nx\nEOF\necho after');
    expect(s.items.map((i) => i.text)).toEqual(['cat <<EOF', 'echo after']);
  });
});

describe('parser: incomplete input (PS2)', () => {
  const reason = (src: string): ParseResult => parse(src, { interactive: true });
  it.each([
    ['echo "a', 'quote'], ["echo 'a", 'quote'], ['echo `a', 'quote'], ['echo $(a', 'quote'], ['echo ${a', 'quote'],
    ['echo a |', 'operator'], ['echo a &&', 'operator'], ['echo a ||', 'operator'], ['echo a \\', 'backslash'],
    ['cat <<EOF', 'heredoc'], ['cat <<EOF\nline', 'heredoc'], ['if true; then', 'compound'], ['for i in 1 2; do', 'compound'],
    ['(echo a', 'compound'], ['{ echo a', 'compound'], ['while true', 'compound'],
  ])('%j needs more (%s)', (src, why) => {
    expect(reason(src)).toEqual({ kind: 'incomplete', reason: why });
  });

  it('the same input in a script is bash\'s end-of-file error', () => {
    expect(parse('echo "a')).toEqual({ kind: 'error', message: "bash: unexpected EOF while looking for matching `\"'" });
    expect(parse('echo a |')).toEqual({ kind: 'error', message: 'bash: syntax error: unexpected end of file' });
  });
});

describe('parser: syntax errors in bash\'s words', () => {
  it.each([
    ['| a', '|'], ['echo a && && b', '&&'], ['echo >', 'newline'], ['echo )', ')'], ['a ;; b', ';;'], ['if true; fi', 'fi'],
    ['done', 'done'], ['then', 'then'], [' ;', ';'], ['echo a & & b', '&'], ['echo a ||| b', '|'], ['for x in; do; done', ';'],
    ['<', 'newline'], ['()', ')'],
  ])('%j', (src, token) => {
    expect(parse(src, { interactive: true })).toEqual({ kind: 'error', message: `bash: syntax error near unexpected token \`${token}'` });
  });
});

describe('parser: aliases', () => {
  it('expands the first word of each simple command, not quoted words nor arguments', () => {
    const aliases = { ll: 'ls -l', cp: 'cp -i' };
    expect(simple('ll /tmp', aliases).words.map(show)).toEqual(['ls', '-l', '/tmp']);
    expect(simple("'ll' /tmp", aliases).words.map(show)).toEqual(['«ll»', '/tmp']);
    expect(simple('sudo cp a b', aliases).words.map(show)).toEqual(['sudo', 'cp', 'a', 'b']);
    const piped = ast('echo x | ll', aliases).items[0]!.command.first.commands[1] as SimpleCommand;
    expect(piped.words.map(show)).toEqual(['ls', '-l']);
  });

  it('does not loop on an alias that names itself', () => {
    expect(simple('ls x', { ls: 'ls -F' }).words.map(show)).toEqual(['ls', '-F', 'x']);
  });
});

describe('parser: random input', () => {
  const pieces = ['echo', 'a', ' ', ' ', '"', "'", '`', '$', '(', ')', '{', '}', '|', '&', ';', '<', '>', '\\', '\n', '#', '$(', '${', '<<', 'EOF', 'if', 'then', 'fi', 'for', 'do', 'done', '!', '*', '~', '=', '2>&1', '-'];
  it('never throws, always gives one of the three results', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.boolean(), (parts, interactive) => {
        const r = parse(parts.join(''), { interactive });
        expect(['complete', 'incomplete', 'error']).toContain(r.kind);
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it('survives deep nesting', () => {
    expect(parse('$('.repeat(5000)).kind).not.toBe('complete');
    expect(['complete', 'error']).toContain(parse(`echo ${'$(echo '.repeat(200)}x${')'.repeat(200)}`).kind);
  });
});
