/** cd and pwd, with bash's messages and `cd -`. */
import { ERRNO_MESSAGES } from '../../../engine';
import type { Command } from '../../types';
import { directoryCandidates } from '../coreutils/lib/complete';
import { shellFor } from './util';

export const cd: Command = {
  name: 'cd',
  summary: 'Change the shell working directory.',
  complete: directoryCandidates,
  run(ctx) {
    const sh = shellFor(ctx);
    if (!sh) return 1;
    const args = ctx.argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P' || a === '--')));
    if (args.length > 1) {
      ctx.stderr.write('bash: cd: too many arguments\n');
      return 1;
    }
    let target = args[0];
    let announce = false;
    if (target === undefined || target === '') {
      target = ctx.env.get('HOME');
      if (target === undefined) {
        ctx.stderr.write('bash: cd: HOME not set\n');
        return 1;
      }
    } else if (target === '-') {
      target = ctx.env.get('OLDPWD');
      if (target === undefined) {
        ctx.stderr.write('bash: cd: OLDPWD not set\n');
        return 1;
      }
      announce = true;
    }
    const abs = sh.resolve(target);
    const st = ctx.host.fs.stat(abs);
    if (!st.ok) {
      ctx.stderr.write(`bash: cd: ${target}: ${ERRNO_MESSAGES[st.error.code]}\n`);
      return 1;
    }
    if (st.value.kind !== 'dir') {
      ctx.stderr.write(`bash: cd: ${target}: Not a directory\n`);
      return 1;
    }
    ctx.session.chdir(abs);
    if (announce) ctx.stdout.write(`${abs}\n`);
    return 0;
  },
};

export const pwd: Command = {
  name: 'pwd',
  summary: 'Print the name of the current working directory.',
  run(ctx) {
    const bad = ctx.argv.slice(1).find((a) => a.startsWith('-') && a !== '-L' && a !== '-P');
    if (bad !== undefined) {
      ctx.stderr.write(`bash: pwd: ${bad.slice(0, 2)}: invalid option\npwd: usage: pwd [-LP]\n`);
      return 2;
    }
    const sh = shellFor(ctx);
    ctx.stdout.write(`${sh ? sh.cwd : ctx.cwd}\n`);
    return 0;
  },
};
