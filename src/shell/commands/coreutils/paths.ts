/** basename, dirname, realpath, readlink and seq: small text-in, text-out tools. */
import { resolvePath, type VirtualFs } from '../../../engine';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { lq, shq } from './lib/quote';
import { errno } from './lib/text';

function baseOf(name: string, suffix: string | undefined): string {
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return name === '' ? '' : '/';
  let base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (suffix && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
  return base;
}

export const basenameCmd = defineUtil({
  name: 'basename',
  summary: 'Print NAME with any leading directory components removed.',
  usage: 'NAME [SUFFIX]',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'basename';
    const parsed = getopt(prog, ctx.argv.slice(1), [{ key: 'a', short: 'a', long: 'multiple' }, { key: 's', short: 's', long: 'suffix', arg: true }, { key: 'z', short: 'z', long: 'zero' }]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    const ops = parsed.operands;
    if (ops.length === 0) return usageError(ctx, `${prog}: missing operand`);
    const multiple = opts.has('a') || opts.has('s');
    if (!multiple && ops.length > 2) return usageError(ctx, `${prog}: extra operand ${shq(ops[2]!)}`);
    const names = multiple ? ops : [ops[0]!];
    const suffix = multiple ? opts.value('s') : ops[1];
    ctx.stdout.write(names.map((n) => `${baseOf(n, suffix)}${opts.has('z') ? '\0' : '\n'}`).join(''));
    return 0;
  },
});

function dirOf(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return name.startsWith('/') ? '/' : '.';
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  return trimmed.slice(0, i).replace(/\/+$/, '') || '/';
}

export const dirnameCmd = defineUtil({
  name: 'dirname',
  summary: 'Output each NAME with its last non-slash component and trailing slashes removed.',
  usage: '[OPTION] NAME...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'dirname';
    const parsed = getopt(prog, ctx.argv.slice(1), [{ key: 'z', short: 'z', long: 'zero' }]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    if (parsed.operands.length === 0) return usageError(ctx, `${prog}: missing operand`);
    ctx.stdout.write(parsed.operands.map((n) => `${dirOf(n)}\n`).join(''));
    return 0;
  },
});

function canonical(ctx: { readonly host: { readonly fs: VirtualFs }; readonly cwd: string }, name: string, mode: 'e' | 'f' | 'm'): string | undefined {
  const fs = ctx.host.fs;
  const abs = resolvePath(name, ctx.cwd);
  const real = fs.realpath(abs);
  if (real.ok) return real.value;
  if (mode === 'e') return undefined;
  // -f: every component but the last must exist; -m: nothing needs to.
  const parent = fs.realpath(resolvePath('..', abs));
  if (parent.ok) return resolvePath(abs.slice(abs.lastIndexOf('/') + 1), parent.value);
  return mode === 'm' ? abs : undefined;
}

export const realpath = defineUtil({
  name: 'realpath',
  summary: 'Print the resolved absolute file name; all but the last component must exist.',
  usage: '[OPTION]... FILE...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'realpath';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'e', short: 'e', long: 'canonicalize-existing' }, { key: 'm', short: 'm', long: 'canonicalize-missing' },
      { key: 's', short: 's', long: 'strip' }, { key: 'q', short: 'q', long: 'quiet' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    if (parsed.operands.length === 0) return usageError(ctx, `${prog}: missing operand`);
    const opts = new Options(parsed.opts);
    const mode = opts.has('e') ? 'e' : opts.has('m') ? 'm' : 'f';
    let status = 0;
    for (const name of parsed.operands) {
      const out = opts.has('s') ? resolvePath(name, ctx.cwd) : canonical(ctx, name, mode);
      if (out === undefined) {
        if (!opts.has('q')) ctx.stderr.write(`${prog}: ${name}: No such file or directory\n`);
        status = 1;
      } else ctx.stdout.write(`${out}\n`);
    }
    return status;
  },
});

export const readlink = defineUtil({
  name: 'readlink',
  summary: 'Print value of a symbolic link or canonical file name.',
  usage: '[OPTION]... FILE...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'readlink';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'f', short: 'f', long: 'canonicalize' }, { key: 'e', short: 'e', long: 'canonicalize-existing' },
      { key: 'm', short: 'm', long: 'canonicalize-missing' }, { key: 'n', short: 'n', long: 'no-newline' }, { key: 'q', short: 'q' }, { key: 'v', short: 'v', long: 'verbose' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    if (parsed.operands.length === 0) return usageError(ctx, `${prog}: missing operand`);
    const opts = new Options(parsed.opts);
    const mode = opts.last(['f', 'e', 'm']) as 'f' | 'e' | 'm' | undefined;
    const end = opts.has('n') ? '' : '\n';
    let status = 0;
    for (const name of parsed.operands) {
      if (mode !== undefined) {
        const out = canonical(ctx, name, mode);
        if (out === undefined) status = 1;
        else ctx.stdout.write(out + end);
        continue;
      }
      const st = ctx.host.fs.stat(resolvePath(name, ctx.cwd), false);
      if (!st.ok || st.value.kind !== 'symlink') {
        if (opts.has('v')) ctx.stderr.write(`${prog}: ${name}: ${st.ok ? 'Invalid argument' : errno(st.error.code)}\n`);
        status = 1;
        continue;
      }
      ctx.stdout.write((st.value.target ?? '') + end);
    }
    return status;
  },
});

export const seq = defineUtil({
  name: 'seq',
  summary: 'Print numbers from FIRST to LAST, in steps of INCREMENT.',
  usage: '[OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n  or:  seq [OPTION]... FIRST INCREMENT LAST',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'seq';
    // Negative numbers are operands, not options.
    const args = ctx.argv.slice(1);
    const optArgs: string[] = [];
    const operands: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (/^-[0-9.]/.test(a) || !a.startsWith('-')) operands.push(a);
      else {
        optArgs.push(a);
        if ((a === '-s' || a === '-f') && args[i + 1] !== undefined) optArgs.push(args[++i]!);
      }
    }
    const parsed = getopt(prog, optArgs, [{ key: 's', short: 's', long: 'separator', arg: true }, { key: 'w', short: 'w', long: 'equal-width' }, { key: 'f', short: 'f', long: 'format', arg: true }]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    if (operands.length === 0) return usageError(ctx, `${prog}: missing operand`);
    if (operands.length > 3) return usageError(ctx, `${prog}: extra operand ${shq(operands[3]!)}`);
    for (const o of operands) if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(o)) return usageError(ctx, `${prog}: invalid floating point argument: ${lq(o)}`);
    const nums = operands.map(Number);
    const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
    if (step === 0) return usageError(ctx, `${prog}: invalid Zero increment value: ${lq(operands[1]!)}`);
    const decimals = Math.max(...operands.map((o) => (o.includes('.') ? o.length - o.indexOf('.') - 1 : 0)));
    const values: string[] = [];
    for (let i = 0; values.length < 1_000_000; i++) {
      const v = first + i * step;
      if (step > 0 ? v > last + 1e-9 : v < last - 1e-9) break;
      values.push(v.toFixed(decimals));
    }
    if (opts.has('w')) {
      const width = Math.max(...values.map((v) => v.replace('-', '').length));
      for (let i = 0; i < values.length; i++) {
        const neg = values[i]!.startsWith('-');
        values[i] = (neg ? '-' : '') + values[i]!.replace('-', '').padStart(width, '0');
      }
    }
    if (values.length > 0) ctx.stdout.write(`${values.join(opts.value('s') ?? '\n')}\n`);
    return 0;
  },
});
