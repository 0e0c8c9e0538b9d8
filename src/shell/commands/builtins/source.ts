/** source / `.` and eval: run text in the current shell. */
import { ERRNO_MESSAGES, resolvePath } from '../../../engine';
import type { Shell } from '../../interpreter/shell';
import type { Command, CommandContext, Program } from '../../types';
import { shellFor } from './util';

function* withPositional(sh: Shell, args: readonly string[] | undefined, body: Program): Program {
  if (args === undefined) return yield* body;
  const saved = sh.positional;
  sh.positional = [...args];
  try {
    return yield* body;
  } finally {
    sh.positional = saved;
  }
}

/** bash looks a name without a slash up in $PATH first, then in the current directory. */
function findScript(ctx: CommandContext, name: string): string | undefined {
  const fs = ctx.host.fs;
  if (!name.includes('/')) {
    for (const dir of (ctx.env.get('PATH') ?? '').split(':')) {
      const full = resolvePath(name, resolvePath(dir || '.', ctx.cwd));
      if (fs.isFile(full)) return full;
    }
  }
  return resolvePath(name, ctx.cwd);
}

function sourceCommand(name: 'source' | '.'): Command {
  return {
    name,
    summary: 'Execute commands from a file in the current shell.',
    run(ctx) {
      const sh = shellFor(ctx);
      if (!sh) return 1;
      const args = ctx.argv.slice(1);
      if (args[0] === '--') args.shift();
      const file = args[0];
      if (file === undefined) {
        ctx.stderr.write(`bash: ${name}: filename argument required\n${name}: usage: ${name} filename [arguments]\n`);
        return 2;
      }
      const content = ctx.host.fs.readFile(findScript(ctx, file) ?? file);
      if (!content.ok) {
        ctx.stderr.write(`bash: ${file}: ${ERRNO_MESSAGES[content.error.code]}\n`);
        return 1;
      }
      return withPositional(sh, args.length > 1 ? args.slice(1) : undefined, ctx.session.runLine(content.value));
    },
  };
}

export const source = sourceCommand('source');
export const dot = sourceCommand('.');

export const evalBuiltin: Command = {
  name: 'eval',
  summary: 'Execute arguments as a shell command.',
  run(ctx) {
    const text = ctx.argv.slice(1).join(' ');
    if (text.trim() === '') return 0;
    return ctx.session.runLine(text);
  },
};
