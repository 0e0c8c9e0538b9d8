/** type and command: what a name would run, in bash's words. */
import { resolvePath } from '../../../engine';
import { execApi } from '../../interpreter/commandApi';
import type { Command, CommandContext } from '../../types';
import { programCandidates } from '../coreutils/lib/complete';
import { singleQuote } from './util';

export const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc']);

type Kind = 'alias' | 'keyword' | 'builtin' | 'file';

/** Every executable file named `name` along $PATH, in order. */
function pathMatches(ctx: CommandContext, name: string): string[] {
  const api = execApi(ctx.session);
  if (name.includes('/')) {
    const found = api?.findProgram(name);
    return found === undefined ? [] : [found];
  }
  const out: string[] = [];
  for (const dir of (ctx.env.get('PATH') ?? '').split(':')) {
    const full = resolvePath(name, resolvePath(dir || '.', ctx.cwd));
    const st = ctx.host.fs.stat(full);
    if (st.ok && st.value.kind === 'file' && (st.value.mode & 0o111) !== 0 && !out.includes(full)) out.push(full);
  }
  return out;
}

function kindsOf(ctx: CommandContext, name: string, pathOnly: boolean): { kind: Kind; text: string }[] {
  const out: { kind: Kind; text: string }[] = [];
  if (!pathOnly) {
    const alias = ctx.session.aliases().get(name);
    if (alias !== undefined) out.push({ kind: 'alias', text: alias });
    if (KEYWORDS.has(name)) out.push({ kind: 'keyword', text: name });
    if (ctx.session.resolve(name) === 'builtin') out.push({ kind: 'builtin', text: name });
  }
  for (const path of pathMatches(ctx, name)) out.push({ kind: 'file', text: path });
  return out;
}

function describe(name: string, k: { kind: Kind; text: string }): string {
  switch (k.kind) {
    case 'alias': return `${name} is aliased to \`${k.text}'`;
    case 'keyword': return `${name} is a shell keyword`;
    case 'builtin': return `${name} is a shell builtin`;
    case 'file': return `${name} is ${k.text}`;
  }
}

export const type: Command = {
  name: 'type',
  summary: 'Display information about command type.',
  complete: programCandidates,
  run(ctx) {
    const args = ctx.argv.slice(1);
    const flags = new Set<string>();
    while (args[0]?.startsWith('-') && args[0].length > 1) {
      const opt = args.shift()!;
      if (opt === '--') break;
      for (const c of opt.slice(1)) {
        if (!'aftpP'.includes(c)) {
          ctx.stderr.write(`bash: type: -${c}: invalid option\ntype: usage: type [-afptP] name [name ...]\n`);
          return 2;
        }
        flags.add(c);
      }
    }
    let status = 0;
    for (const name of args) {
      let kinds = kindsOf(ctx, name, flags.has('P'));
      if (!flags.has('a')) kinds = kinds.slice(0, 1);
      if (flags.has('p') && kinds[0]?.kind !== 'file') kinds = [];
      if (kinds.length === 0) {
        if (!flags.has('t') && !flags.has('p') && !flags.has('P')) ctx.stderr.write(`bash: type: ${name}: not found\n`);
        status = 1;
        continue;
      }
      for (const k of kinds) {
        if (flags.has('t')) ctx.stdout.write(`${k.kind}\n`);
        else if (flags.has('p') || flags.has('P')) ctx.stdout.write(`${k.text}\n`);
        else ctx.stdout.write(`${describe(name, k)}\n`);
      }
    }
    return status;
  },
};

export const command: Command = {
  name: 'command',
  summary: 'Execute a simple command or display information about commands.',
  complete: (req) => (req.words.length <= 2 ? programCandidates(req) : []),
  run(ctx) {
    const args = ctx.argv.slice(1);
    const mode = args[0] === '-v' || args[0] === '-V' ? args.shift() : undefined;
    if (args[0] === '-p') args.shift();
    if (mode !== undefined) {
      let status = 0;
      for (const name of args) {
        const k = kindsOf(ctx, name, false)[0];
        if (!k) {
          if (mode === '-V') ctx.stderr.write(`bash: command: ${name}: not found\n`);
          status = 1;
        } else if (mode === '-V') ctx.stdout.write(`${describe(name, k)}\n`);
        else ctx.stdout.write(`${k.kind === 'alias' ? `alias ${name}=${singleQuote(k.text)}` : k.text}\n`);
      }
      return status;
    }
    if (args.length === 0) return 0;
    // Quoted words are never alias-expanded: `command ls` runs ls itself.
    return ctx.session.runLine(args.map(singleQuote).join(' '));
  },
};
