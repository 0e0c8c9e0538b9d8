/** Programs that run other programs: sudo (secure_path, env_reset), env, and which. */
import { resolvePath } from '../../../engine';
import { execApi } from '../../interpreter/commandApi';
import { ShellEnvironment } from '../../interpreter/environment';
import type { Command, CommandContext } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { programCandidates } from './lib/complete';
import { shq } from './lib/quote';

/** CentOS 7's /etc/sudoers: Defaults secure_path. */
export const SECURE_PATH = '/sbin:/bin:/usr/sbin:/usr/bin';
/** What env_reset keeps (CentOS 7's env_keep list, the part that exists here). */
const SUDO_KEEP = ['TERM', 'HOSTNAME', 'HISTSIZE', 'LANG', 'LC_ALL', 'MAIL', 'PS1', 'PS2', 'COLUMNS', 'LINES'];

function noExec(ctx: CommandContext): number {
  ctx.stderr.write(`${ctx.argv[0]}: cannot run programs outside the shell\n`);
  return 1;
}

export const sudo: Command = {
  name: 'sudo',
  summary: 'execute a command as another user',
  // The command after sudo; its own arguments fall back to file names.
  complete: (req) => (req.words.length === 1 ? programCandidates(req) : []),
  run(ctx) {
    const api = execApi(ctx.session);
    if (!api) return noExec(ctx);
    const args = ctx.argv.slice(1);
    let keepEnv = false;
    while (args[0]?.startsWith('-')) {
      const opt = args.shift()!;
      if (opt === '--') break;
      if (opt === '-E' || opt === '--preserve-env') keepEnv = true;
      else if (opt === '-u' || opt === '-g') {
        const who = args.shift();
        if (who !== 'root' && who !== '#0' && who !== '0') {
          ctx.stderr.write(`sudo: unknown ${opt === '-u' ? 'user' : 'group'}: ${who ?? ''}\n`);
          return 1;
        }
      } else if (opt === '-V' || opt === '--version') {
        ctx.stdout.write('Sudo version 1.8.23\n');
        return 0;
      } else if (!['-H', '-S', '-n', '-k', '-i', '-s', '-P', '-b'].includes(opt)) {
        ctx.stderr.write(`sudo: invalid option -- '${opt.slice(1, 2)}'\nusage: sudo -h | -K | -k | -V\n`);
        return 1;
      }
    }
    if (args.length === 0) {
      if (ctx.argv.some((a) => a === '-i' || a === '-s')) return 0;
      ctx.stderr.write('usage: sudo -h | -K | -k | -V\nusage: sudo -v [-AknS] [-g group] [-h host] [-p prompt] [-u user]\nusage: sudo -l [-AknS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command]\nusage: sudo [-AbEHknPS] [-r role] [-t type] [-C num] [-g group] [-h host] [-p prompt] [-T timeout] [-u user] [VAR=value] [-i|-s] [<command>]\n');
      return 1;
    }
    // sudo finds the program itself: no aliases, no builtins, its own PATH.
    if (api.findProgram(args[0]!, SECURE_PATH) === undefined) {
      ctx.stderr.write(`sudo: ${args[0]}: command not found\n`);
      return 1;
    }
    const env = new ShellEnvironment();
    const source = keepEnv ? ctx.env.exported() : ctx.env.exported().filter(([k]) => SUDO_KEEP.includes(k) || k.startsWith('LC_'));
    for (const [k, v] of source) env.set(k, v);
    const fixed: [string, string][] = [['PATH', SECURE_PATH], ['HOME', '/root'], ['USER', 'root'], ['LOGNAME', 'root'], ['USERNAME', 'root'], ['SHELL', '/bin/bash'],
      ['SUDO_COMMAND', args.join(' ')], ['SUDO_USER', 'root'], ['SUDO_UID', '0'], ['SUDO_GID', '0']];
    for (const [k, v] of fixed) if (!(keepEnv && k === 'PATH')) env.set(k, v);
    for (const [k] of env.entries()) env.export(k);
    return api.exec(args, { env, path: SECURE_PATH });
  },
};

export const env = defineUtil({
  name: 'env',
  summary: 'Set each NAME to VALUE in the environment and run COMMAND.',
  usage: '[OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'env';
    const args = ctx.argv.slice(1);
    const optArgs: string[] = [];
    // Options stop at the first NAME=VALUE or command word.
    while (args[0] !== undefined && args[0].startsWith('-') && args[0] !== '-') {
      const a = args.shift()!;
      if (a === '--') break;
      optArgs.push(a);
      if ((a === '-u' || a === '--unset') && args[0] !== undefined) optArgs.push(args.shift()!);
    }
    if (args[0] === '-') {
      args.shift();
      optArgs.push('-i');
    }
    const parsed = getopt(prog, optArgs, [{ key: 'i', short: 'i', long: 'ignore-environment' }, { key: 'u', short: 'u', long: 'unset', arg: true }, { key: '0', short: '0', long: 'null' }]);
    if (!parsed.ok) return usageError(ctx, parsed.message, 125);
    const opts = new Options(parsed.opts);
    const env = opts.has('i') ? new ShellEnvironment() : new ShellEnvironment(Object.fromEntries(ctx.env.exported()));
    for (const [k, v] of parsed.opts) if (k === 'u') env.unset(v);
    while (args[0] !== undefined && /^[^=]+=/.test(args[0])) {
      const a = args.shift()!;
      const eq = a.indexOf('=');
      env.set(a.slice(0, eq), a.slice(eq + 1));
      env.export(a.slice(0, eq));
    }
    if (args.length === 0) {
      const end = opts.has('0') ? '\0' : '\n';
      ctx.stdout.write(env.exported().map(([k, v]) => `${k}=${v}${end}`).join(''));
      return 0;
    }
    const api = execApi(ctx.session);
    if (!api) return noExec(ctx);
    if (api.findProgram(args[0]!, env.get('PATH') ?? '') === undefined) {
      ctx.stderr.write(`${prog}: ${shq(args[0]!)}: No such file or directory\n`);
      return 127;
    }
    return api.exec(args, { env, path: env.get('PATH') ?? '' });
  },
});

export const which: Command = {
  name: 'which',
  summary: 'shows the full path of (shell) commands.',
  complete: programCandidates,
  run(ctx) {
    const args = ctx.argv.slice(1);
    const all = args.includes('-a') || args.includes('--all');
    const names = args.filter((a) => !a.startsWith('-'));
    if (names.length === 0) {
      ctx.stderr.write('Usage: /usr/bin/which [options] [--] COMMAND [...]\n');
      return 1;
    }
    const path = ctx.env.get('PATH') ?? '';
    let status = 0;
    for (const name of names) {
      const found: string[] = [];
      const dirs = name.includes('/') ? [''] : path.split(':');
      for (const dir of dirs) {
        const full = name.includes('/') ? resolvePath(name, ctx.cwd) : resolvePath(name, resolvePath(dir || '.', ctx.cwd));
        const st = ctx.host.fs.stat(full);
        if (st.ok && st.value.kind === 'file' && (st.value.mode & 0o111) !== 0 && !found.includes(full)) found.push(name.includes('/') ? name : full);
        if (found.length > 0 && !all) break;
      }
      if (found.length === 0) {
        ctx.stderr.write(`/usr/bin/which: no ${name} in (${path})\n`);
        status = 1;
      }
      for (const f of found) ctx.stdout.write(`${f}\n`);
    }
    return status;
  },
};
