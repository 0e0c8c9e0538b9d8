/** test and `[`: file, string and integer tests, !, -a, -o and parentheses, with bash's messages. */
import type { Command, CommandContext } from '../../types';

class TestError {
  constructor(readonly message: string) {}
}

const UNARY = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-z', '-n', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G', '-N', '-a']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

function integer(text: string): number {
  const t = text.trim();
  if (!/^[+-]?[0-9]+$/.test(t)) throw new TestError(`${text}: integer expression expected`);
  return Number(t);
}

function unary(ctx: CommandContext, op: string, arg: string): boolean {
  const fs = ctx.host.fs;
  const path = arg.startsWith('/') ? arg : `${ctx.cwd}/${arg}`;
  const st = fs.stat(path);
  const lst = fs.stat(path, false);
  switch (op) {
    case '-z': return arg === '';
    case '-n': return arg !== '';
    case '-e':
    case '-a': return st.ok;
    case '-f': return st.ok && st.value.kind === 'file';
    case '-d': return st.ok && st.value.kind === 'dir';
    case '-s': return st.ok && st.value.size > 0;
    case '-r':
    case '-w':
    case '-O':
    case '-G': return st.ok;
    case '-x': return st.ok && (st.value.kind === 'dir' || (st.value.mode & 0o111) !== 0);
    case '-L':
    case '-h': return lst.ok && lst.value.kind === 'symlink';
    case '-t': return false;
    default: return false;
  }
}

function binary(ctx: CommandContext, a: string, op: string, b: string): boolean {
  switch (op) {
    case '=':
    case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '-eq': return integer(a) === integer(b);
    case '-ne': return integer(a) !== integer(b);
    case '-lt': return integer(a) < integer(b);
    case '-le': return integer(a) <= integer(b);
    case '-gt': return integer(a) > integer(b);
    case '-ge': return integer(a) >= integer(b);
    default: {
      const fs = ctx.host.fs;
      const pa = a.startsWith('/') ? a : `${ctx.cwd}/${a}`;
      const pb = b.startsWith('/') ? b : `${ctx.cwd}/${b}`;
      const sa = fs.stat(pa);
      const sb = fs.stat(pb);
      if (op === '-nt') return sa.ok && (!sb.ok || sa.value.mtimeMs > sb.value.mtimeMs);
      if (op === '-ot') return sb.ok && (!sa.ok || sa.value.mtimeMs < sb.value.mtimeMs);
      const ra = fs.realpath(pa);
      const rb = fs.realpath(pb);
      return ra.ok && rb.ok && ra.value === rb.value;
    }
  }
}

/** POSIX's rules by argument count, then a small grammar for -a, -o and parentheses. */
function evaluate(ctx: CommandContext, args: readonly string[]): boolean {
  switch (args.length) {
    case 0: return false;
    case 1: return args[0] !== '';
    case 2:
      if (args[0] === '!') return args[1] === '';
      if (UNARY.has(args[0]!)) return unary(ctx, args[0]!, args[1]!);
      throw new TestError(`${args[0]}: unary operator expected`);
    case 3:
      if (BINARY.has(args[1]!)) return binary(ctx, args[0]!, args[1]!, args[2]!);
      if (args[1] === '-a') return evaluate(ctx, args.slice(0, 1)) && evaluate(ctx, args.slice(2));
      if (args[1] === '-o') return evaluate(ctx, args.slice(0, 1)) || evaluate(ctx, args.slice(2));
      if (args[0] === '!') return !evaluate(ctx, args.slice(1));
      if (args[0] === '(' && args[2] === ')') return evaluate(ctx, args.slice(1, 2));
      throw new TestError(`${args[1]}: binary operator expected`);
    case 4:
      if (args[0] === '!') return !evaluate(ctx, args.slice(1));
      if (args[0] === '(' && args[3] === ')') return evaluate(ctx, args.slice(1, 3));
  }
  return expression(ctx, args);
}

function expression(ctx: CommandContext, args: readonly string[]): boolean {
  let pos = 0;
  const primary = (): boolean => {
    const a = args[pos];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '!') {
      pos++;
      return !primary();
    }
    if (a === '(') {
      pos++;
      const v = or();
      if (args[pos] !== ')') throw new TestError("`)' expected");
      pos++;
      return v;
    }
    if (UNARY.has(a) && args[pos + 1] !== undefined) {
      pos += 2;
      return unary(ctx, a, args[pos - 1]!);
    }
    if (args[pos + 1] !== undefined && BINARY.has(args[pos + 1]!) && args[pos + 2] !== undefined) {
      pos += 3;
      return binary(ctx, a, args[pos - 2]!, args[pos - 1]!);
    }
    pos++;
    return a !== '';
  };
  const and = (): boolean => {
    let v = primary();
    while (args[pos] === '-a') {
      pos++;
      v = primary() && v;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (args[pos] === '-o') {
      pos++;
      v = and() || v;
    }
    return v;
  };
  const v = or();
  if (pos < args.length) throw new TestError('too many arguments');
  return v;
}

function testCommand(name: 'test' | '['): Command {
  return {
    name,
    summary: 'Evaluate conditional expression.',
    run(ctx) {
      let args = ctx.argv.slice(1);
      if (name === '[') {
        if (args[args.length - 1] !== ']') {
          ctx.stderr.write("bash: [: missing `]'\n");
          return 2;
        }
        args = args.slice(0, -1);
      }
      try {
        return evaluate(ctx, args) ? 0 : 1;
      } catch (e) {
        if (!(e instanceof TestError)) throw e;
        ctx.stderr.write(`bash: ${name}: ${e.message}\n`);
        return 2;
      }
    },
  };
}

export const test = testCommand('test');
export const bracket = testCommand('[');
