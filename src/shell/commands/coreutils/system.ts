/** Who and where: id, whoami, hostname, uname, clear. Everyone is root on a PWK node. */
import { KERNEL_VERSION } from '../../../engine';
import type { Command } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { groupName, lookupId, userName } from './lib/files';
import { shq } from './lib/quote';

export const id = defineUtil({
  name: 'id',
  summary: 'Print user and group information for the specified USER, or (when USER omitted) for the current user.',
  usage: '[OPTION]... [USER]',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'id';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'u', short: 'u', long: 'user' }, { key: 'g', short: 'g', long: 'group' }, { key: 'G', short: 'G', long: 'groups' },
      { key: 'n', short: 'n', long: 'name' }, { key: 'r', short: 'r', long: 'real' }, { key: 'Z', short: 'Z', long: 'context' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    const fs = ctx.host.fs;
    const who = parsed.operands[0];
    const uid = who === undefined ? 0 : lookupId(fs, '/etc/passwd', who);
    if (uid === undefined) {
      ctx.stderr.write(`${prog}: ${shq(who!)}: no such user\n`);
      return 1;
    }
    const gid = uid;
    const only = ['u', 'g', 'G'].filter((k) => opts.has(k));
    if (only.length > 1) {
      ctx.stderr.write(`${prog}: cannot print "only" of more than one choice\n`);
      return 1;
    }
    if (opts.has('n') && only.length === 0) {
      ctx.stderr.write(`${prog}: cannot print only names or real IDs in default format\n`);
      return 1;
    }
    const name = opts.has('n');
    if (opts.has('u')) ctx.stdout.write(`${name ? userName(fs, uid) : uid}\n`);
    else if (opts.has('g') || opts.has('G')) ctx.stdout.write(`${name ? groupName(fs, gid) : gid}\n`);
    else ctx.stdout.write(`uid=${uid}(${userName(fs, uid)}) gid=${gid}(${groupName(fs, gid)}) groups=${gid}(${groupName(fs, gid)})\n`);
    return 0;
  },
});

export const whoami = defineUtil({
  name: 'whoami',
  summary: 'Print the user name associated with the current effective user ID.',
  usage: '[OPTION]...',
  run(ctx) {
    if (ctx.argv.length > 1) return usageError(ctx, `${ctx.argv[0] ?? 'whoami'}: extra operand ${shq(ctx.argv[1]!)}`);
    ctx.stdout.write(`${userName(ctx.host.fs, 0)}\n`);
    return 0;
  },
});

export const hostname: Command = {
  name: 'hostname',
  summary: 'Show the system host name.',
  run(ctx) {
    const args = ctx.argv.slice(1);
    const name = ctx.host.name;
    const flag = args.find((a) => a.startsWith('-'));
    const operand = args.find((a) => !a.startsWith('-'));
    if (operand !== undefined && flag === undefined) {
      // Containers lack CAP_SYS_ADMIN, so even root cannot rename the node.
      ctx.stderr.write('hostname: you must be root to change the host name\n');
      return 1;
    }
    switch (flag) {
      case undefined:
      case '-s':
      case '--short':
      case '-f':
      case '--fqdn':
      case '--long':
      case '-A':
      case '--all-fqdns':
        ctx.stdout.write(`${name}\n`);
        return 0;
      case '-i':
      case '--ip-address':
        ctx.stdout.write(`${ctx.host.ip}\n`);
        return 0;
      case '-I':
      case '--all-ip-addresses':
        // net-tools prints each address followed by a space.
        ctx.stdout.write(`${ctx.host.ip} \n`);
        return 0;
      case '-d':
      case '--domain':
        ctx.stdout.write('\n');
        return 0;
      case '-V':
      case '--version':
        ctx.stdout.write('hostname 3.13\n');
        return 0;
      default:
        ctx.stderr.write(`hostname: invalid option -- '${flag.replace(/^-+/, '').slice(0, 1)}'\nUsage: hostname [-b] {hostname|-F file}         set host name (from file)\n`);
        return 1;
    }
  },
};

const KERNEL_BUILD = '#242-Ubuntu SMP Fri Apr 16 09:57:56 UTC 2021';

export const uname = defineUtil({
  name: 'uname',
  summary: 'Print certain system information.  With no OPTION, same as -s.',
  usage: '[OPTION]...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'uname';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'a', short: 'a', long: 'all' }, { key: 's', short: 's', long: 'kernel-name' }, { key: 'n', short: 'n', long: 'nodename' },
      { key: 'r', short: 'r', long: 'kernel-release' }, { key: 'v', short: 'v', long: 'kernel-version' }, { key: 'm', short: 'm', long: 'machine' },
      { key: 'p', short: 'p', long: 'processor' }, { key: 'i', short: 'i', long: 'hardware-platform' }, { key: 'o', short: 'o', long: 'operating-system' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    if (parsed.operands.length > 0) return usageError(ctx, `${prog}: extra operand ${shq(parsed.operands[0]!)}`);
    const opts = new Options(parsed.opts);
    const all = opts.has('a');
    const fields: [string, string][] = [
      ['s', 'Linux'], ['n', ctx.host.name], ['r', KERNEL_VERSION], ['v', KERNEL_BUILD],
      ['m', 'x86_64'], ['p', 'x86_64'], ['i', 'x86_64'], ['o', 'GNU/Linux'],
    ];
    let chosen = fields.filter(([k]) => all || opts.has(k));
    if (chosen.length === 0) chosen = [fields[0]!];
    ctx.stdout.write(`${chosen.map(([, v]) => v).join(' ')}\n`);
    return 0;
  },
});

export const clear: Command = {
  name: 'clear',
  summary: 'Clear the terminal screen.',
  run(ctx) {
    ctx.session.clearScreen();
    return 0;
  },
};
