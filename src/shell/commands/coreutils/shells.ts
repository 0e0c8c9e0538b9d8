/** bash and sh (-c, a script file, or a script on stdin) and watch (procps-ng 3.3.10's screen). */
import { resolvePath } from '../../../engine';
import { execApi } from '../../interpreter/commandApi';
import type { Command, CommandContext, Program } from '../../types';
import { sleep as sleepEffect } from '../../types';
import { programCandidates } from './lib/complete';
import { strftime } from './time';

function notInShell(ctx: CommandContext): number {
  ctx.stderr.write(`${ctx.argv[0]}: cannot run scripts outside the shell\n`);
  return 1;
}

function shellCommand(name: 'bash' | 'sh'): Command {
  return {
    name,
    summary: name === 'bash' ? 'GNU Bourne-Again SHell' : 'the POSIX shell (bash)',
    run(ctx) {
      const api = execApi(ctx.session);
      if (!api) return notInShell(ctx);
      const args = ctx.argv.slice(1);
      while (args[0] !== undefined && /^-[lixeuv]+$|^--login$|^--noprofile$|^--norc$/.test(args[0])) args.shift();
      if (args[0] === '--version') {
        ctx.stdout.write('GNU bash, version 4.2.46(2)-release (x86_64-redhat-linux-gnu)\nCopyright (C) 2011 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n');
        return 0;
      }
      if (args[0] === '-c') {
        const text = args[1];
        if (text === undefined) {
          ctx.stderr.write(`${name}: -c: option requires an argument\n`);
          return 2;
        }
        return api.runScript(text, args[2] ?? name, args.slice(3));
      }
      const file = args[0];
      if (file !== undefined) {
        const content = ctx.host.fs.readFile(resolvePath(file, ctx.cwd));
        if (!content.ok) {
          ctx.stderr.write(`${name}: ${file}: ${content.error.code === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}\n`);
          return 127;
        }
        return api.runScript(content.value, file, args.slice(1));
      }
      if (ctx.stdin.isTerminal) {
        // A nested interactive shell would need a terminal of its own; the login shell stays.
        ctx.stderr.write(`${name}: nested interactive shells are not available here; this is still your login shell\n`);
        return 0;
      }
      return (function* (): Program {
        const text = yield* ctx.stdin.readAll();
        return yield* api.runScript(text, name);
      })();
    },
  };
}

export const bash = shellCommand('bash');
export const sh = shellCommand('sh');

export const watch: Command = {
  name: 'watch',
  summary: 'execute a program periodically, showing output fullscreen',
  complete: (req) => (req.words.filter((w) => !w.startsWith('-')).length === 1 ? programCandidates(req) : []),
  run(ctx) {
    const api = execApi(ctx.session);
    if (!api) return notInShell(ctx);
    const args = ctx.argv.slice(1);
    let interval = 2;
    let title = true;
    while (args[0]?.startsWith('-')) {
      const opt = args.shift()!;
      if (opt === '--') break;
      if (opt === '-n' || opt === '--interval') interval = Number(args.shift());
      else if (opt.startsWith('-n')) interval = Number(opt.slice(2));
      else if (opt.startsWith('--interval=')) interval = Number(opt.slice(11));
      else if (opt === '-t' || opt === '--no-title') title = false;
      else if (opt === '-v' || opt === '--version') {
        ctx.stdout.write('watch from procps-ng 3.3.10\n');
        return 0;
      } else if (!['-d', '--differences', '-x', '--exec', '-b', '--beep', '-e', '--errexit', '-c', '--color'].includes(opt)) {
        ctx.stderr.write(`watch: invalid option -- '${opt.replace(/^-+/, '').slice(0, 1)}'\n`);
        return 1;
      }
    }
    if (!Number.isFinite(interval)) {
      ctx.stderr.write('watch: failed to parse argument\n');
      return 1;
    }
    interval = Math.max(0.1, interval);
    if (args.length === 0) {
      ctx.stderr.write('\nUsage:\n watch [options] command\n');
      return 1;
    }
    const command = args.join(' ');
    return (function* (): Program {
      // Until Ctrl+C, as watch does.
      for (;;) {
        ctx.session.clearScreen();
        if (title) {
          const left = `Every ${interval.toFixed(1)}s: ${command}`;
          const right = strftime('%a %b %e %H:%M:%S %Y', ctx.world.wallNow());
          const gap = Math.max(1, ctx.columns - left.length - right.length);
          ctx.stdout.write(`${left}${' '.repeat(gap)}${right}\n\n`);
        }
        yield* api.runScript(command, 'sh');
        yield sleepEffect(interval * 1000);
      }
    })();
  },
};
