/** help: the builtins and what each does (bash 4.2's header, one line per builtin). */
import { compareC } from '../../interpreter/glob';
import type { Command } from '../../types';
import { shellFor } from './util';

export const help: Command = {
  name: 'help',
  summary: 'Display information about builtin commands.',
  run(ctx) {
    const sh = shellFor(ctx);
    if (!sh) return 1;
    const builtins = [...sh.core.commands.builtins()].sort((a, b) => compareC(a.name, b.name));
    const topics = ctx.argv.slice(1).filter((a) => a !== '-s' && a !== '-d');
    if (topics.length === 0) {
      ctx.stdout.write([
        'GNU bash, version 4.2.46(2)-release (x86_64-redhat-linux-gnu)',
        "These shell commands are defined internally.  Type `help' to see this list.",
        "Type `help name' to find out more about the function `name'.",
        '',
        ...builtins.map((b) => ` ${b.name.padEnd(12)} ${b.summary}`),
        '',
        'Other programs (ls, grep, kubectl, ...) live in /usr/bin: try `ls /usr/bin` and `<program> --help`.',
        '',
      ].join('\n'));
      return 0;
    }
    let status = 0;
    for (const topic of topics) {
      const found = builtins.filter((b) => b.name === topic || b.name.startsWith(topic));
      if (found.length === 0) {
        ctx.stderr.write(`bash: help: no help topics match \`${topic}'.  Try \`help help' or \`man -k ${topic}' or \`info ${topic}'.\n`);
        status = 1;
      }
      for (const b of found) ctx.stdout.write(`${b.name}: ${b.name}\n    ${b.summary}\n`);
    }
    return status;
  },
};
