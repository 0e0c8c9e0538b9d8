/** exit, logout, true, false, `:`, break, continue, and the job builtins that have nothing to report here. */
import type { Command } from '../../types';
import { shellFor } from './util';

function exitCommand(name: 'exit' | 'logout'): Command {
  return {
    name,
    summary: name === 'exit' ? 'Exit the shell.' : 'Exit a login shell.',
    run(ctx) {
      const sh = shellFor(ctx);
      if (!sh) return 1;
      if (name === 'logout' && sh.isSubshell) {
        ctx.stderr.write("bash: logout: not login shell: use `exit'\n");
        return 1;
      }
      const args = ctx.argv.slice(1);
      if (args.length > 1) {
        ctx.stderr.write(`bash: ${name}: too many arguments\n`);
        return 1;
      }
      let code = sh.lastStatus;
      if (args[0] !== undefined) {
        if (/^[+-]?[0-9]+$/.test(args[0].trim())) code = Number(args[0].trim()) & 0xff;
        else {
          ctx.stderr.write(`bash: ${name}: ${args[0]}: numeric argument required\n`);
          code = 2;
        }
      }
      ctx.session.exit(code);
      return code;
    },
  };
}

export const exit = exitCommand('exit');
export const logout = exitCommand('logout');

export const trueBuiltin: Command = { name: 'true', summary: 'Return a successful result.', run: () => 0 };
export const falseBuiltin: Command = { name: 'false', summary: 'Return an unsuccessful result.', run: () => 1 };
export const colon: Command = { name: ':', summary: 'Null command: no effect, returns success.', run: () => 0 };

function loopCommand(kind: 'break' | 'continue'): Command {
  return {
    name: kind,
    summary: kind === 'break' ? 'Exit for, while, or until loops.' : 'Resume for, while, or until loops.',
    run(ctx) {
      const sh = shellFor(ctx);
      if (!sh) return 1;
      const arg = ctx.argv[1] ?? '1';
      if (!/^[0-9]+$/.test(arg) || Number(arg) < 1) {
        ctx.stderr.write(`bash: ${kind}: ${arg}: ${/^-?[0-9]+$/.test(arg) ? 'loop count out of range' : 'numeric argument required'}\n`);
        return 1;
      }
      if (sh.loopDepth === 0) {
        ctx.stderr.write(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
        return 0;
      }
      sh.loopControl = { kind, levels: Math.min(Number(arg), sh.loopDepth) };
      return 0;
    },
  };
}

export const breakBuiltin = loopCommand('break');
export const continueBuiltin = loopCommand('continue');

/** Jobs always run in the foreground here, so there is never one to wait for or list. */
export const wait: Command = { name: 'wait', summary: 'Wait for job completion and return exit status.', run: () => 0 };
export const jobs: Command = { name: 'jobs', summary: 'Display status of jobs.', run: () => 0 };
