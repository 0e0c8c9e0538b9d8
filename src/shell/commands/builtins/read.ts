/**
 * read: one line from stdin into variables, split on IFS, the last name taking the rest. It takes
 * exactly one line and gives the rest back to the stream, so `while read line` walks a file.
 */
import { canUnread } from '../../runtime/streams';
import type { Command, Program } from '../../types';
import { isName, shellFor } from './util';

const USAGE = 'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n';

export const read: Command = {
  name: 'read',
  summary: 'Read a line from the standard input and split it into fields.',
  run(ctx): number | Program {
    const sh = shellFor(ctx);
    if (!sh) return 1;
    const args = ctx.argv.slice(1);
    let raw = false;
    let prompt: string | undefined;
    while (args[0]?.startsWith('-') && args[0].length > 1) {
      const opt = args.shift()!;
      if (opt === '--') break;
      for (let i = 1; i < opt.length; i++) {
        const c = opt[i]!;
        if (c === 'r') raw = true;
        else if (c === 's' || c === 'e') continue;
        else if (c === 'p' || c === 't' || c === 'd' || c === 'n' || c === 'N' || c === 'u' || c === 'i' || c === 'a') {
          const value = opt.slice(i + 1) || args.shift();
          if (value === undefined) {
            ctx.stderr.write(`bash: read: -${c}: option requires an argument\n${USAGE}`);
            return 2;
          }
          if (c === 'p') prompt = value;
          break;
        } else {
          ctx.stderr.write(`bash: read: -${c}: invalid option\n${USAGE}`);
          return 2;
        }
      }
    }
    const bad = args.find((n) => !isName(n));
    if (bad !== undefined) {
      ctx.stderr.write(`bash: read: \`${bad}': not a valid identifier\n`);
      return 1;
    }
    return (function* (): Program {
      if (prompt !== undefined && ctx.stdin.isTerminal) ctx.stderr.write(prompt);
      let line = '';
      let ended = false;
      for (;;) {
        const chunk = yield* ctx.stdin.read();
        if (chunk === null) break;
        const nl = chunk.indexOf('\n');
        if (nl < 0) {
          line += chunk;
          continue;
        }
        line += chunk.slice(0, nl);
        if (canUnread(ctx.stdin)) ctx.stdin.unread(chunk.slice(nl + 1));
        // A backslash at the end of the line continues it (unless -r).
        if (!raw && /(^|[^\\])(\\\\)*\\$/.test(line)) {
          line = line.slice(0, -1);
          continue;
        }
        ended = true;
        break;
      }
      if (!raw) line = line.replace(/\\(.)/g, '$1');
      assign(line, args, (name, value) => sh.env.set(name, value), sh.env.get('IFS') ?? ' \t\n');
      return ended ? 0 : 1;
    })();
  },
};

function assign(line: string, names: readonly string[], set: (name: string, value: string) => void, ifs: string): void {
  if (names.length === 0) {
    set('REPLY', line);
    return;
  }
  const white = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const isWhite = (c: string): boolean => white.includes(c);
  const isSep = (c: string): boolean => ifs.includes(c);
  let rest = line;
  const trimStart = (s: string): string => {
    let i = 0;
    while (i < s.length && isWhite(s[i]!)) i++;
    return s.slice(i);
  };
  rest = trimStart(rest);
  names.forEach((name, idx) => {
    if (idx === names.length - 1) {
      let end = rest.length;
      while (end > 0 && isWhite(rest[end - 1]!)) end--;
      set(name, rest.slice(0, end));
      return;
    }
    let i = 0;
    while (i < rest.length && !isSep(rest[i]!)) i++;
    set(name, rest.slice(0, i));
    rest = rest.slice(i);
    rest = trimStart(rest);
    if (rest.length > 0 && isSep(rest[0]!) && !isWhite(rest[0]!)) rest = trimStart(rest.slice(1));
  });
}
