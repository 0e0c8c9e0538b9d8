/** date (from the virtual clock, UTC), sleep (virtual time; Ctrl+C stops it) and yes. */
import type { Command, Program } from '../../types';
import { sleep as sleepEffect } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { lq } from './lib/quote';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number): string => String(n).padStart(2, '0');

/** strftime in UTC, the directives people use with date(1). */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const w = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86400000) + 1;
  const h12 = H % 12 === 0 ? 12 : H % 12;
  const map: Record<string, () => string> = {
    a: () => DAYS[w]!, A: () => DAY_NAMES[w]!, b: () => MONTHS[m]!, h: () => MONTHS[m]!, B: () => MONTH_NAMES[m]!,
    c: () => `${DAYS[w]} ${MONTHS[m]} ${String(day).padStart(2)} ${p2(H)}:${p2(M)}:${p2(S)} ${Y}`,
    C: () => p2(Math.floor(Y / 100)), d: () => p2(day), D: () => `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`, e: () => String(day).padStart(2),
    F: () => `${Y}-${p2(m + 1)}-${p2(day)}`, H: () => p2(H), I: () => p2(h12), j: () => String(yday).padStart(3, '0'),
    k: () => String(H).padStart(2), l: () => String(h12).padStart(2), m: () => p2(m + 1), M: () => p2(M), n: () => '\n',
    N: () => String((ms % 1000) * 1000000).padStart(9, '0'), p: () => (H < 12 ? 'AM' : 'PM'), P: () => (H < 12 ? 'am' : 'pm'),
    r: () => `${p2(h12)}:${p2(M)}:${p2(S)} ${H < 12 ? 'AM' : 'PM'}`, R: () => `${p2(H)}:${p2(M)}`, s: () => String(Math.floor(ms / 1000)),
    S: () => p2(S), t: () => '\t', T: () => `${p2(H)}:${p2(M)}:${p2(S)}`, u: () => String(w === 0 ? 7 : w), w: () => String(w),
    y: () => p2(Y % 100), Y: () => String(Y), z: () => '+0000', Z: () => 'UTC', '%': () => '%',
  };
  return format.replace(/%([A-Za-z%])/g, (all, c: string) => (map[c] ? map[c]() : all));
}

export const date = defineUtil({
  name: 'date',
  summary: 'Display the current time in the given FORMAT, or set the system date.',
  usage: '[OPTION]... [+FORMAT]',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'date';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'u', short: 'u', long: 'utc' }, { key: 'R', short: 'R', long: 'rfc-2822' }, { key: 'I', short: 'I', long: 'iso-8601', optionalArg: true },
      { key: 'd', short: 'd', long: 'date', arg: true }, { key: 's', short: 's', long: 'set', arg: true },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    if (opts.has('s')) {
      ctx.stderr.write(`${prog}: cannot set date: Operation not permitted\n`);
      ctx.stdout.write(`${strftime('%a %b %e %H:%M:%S %Z %Y', ctx.world.wallNow())}\n`);
      return 1;
    }
    let ms = ctx.world.wallNow();
    const when = opts.value('d');
    if (when !== undefined) {
      const parsedTime = when.startsWith('@') ? Number(when.slice(1)) * 1000 : when.trim() === 'now' ? ms : Date.parse(/Z|[+-]\d\d:?\d\d$/.test(when) ? when : `${when.replace(' ', 'T')}Z`);
      if (!Number.isFinite(parsedTime)) {
        ctx.stderr.write(`${prog}: invalid date ${lq(when)}\n`);
        return 1;
      }
      ms = parsedTime;
    }
    const format = parsed.operands[0];
    if (format !== undefined && !format.startsWith('+')) {
      ctx.stderr.write(`${prog}: invalid date ${lq(format)}\n`);
      return 1;
    }
    let text: string;
    if (format !== undefined) text = strftime(format.slice(1), ms);
    else if (opts.has('R')) text = strftime('%a, %d %b %Y %H:%M:%S %z', ms);
    else if (opts.has('I')) text = opts.value('I') === 'seconds' ? strftime('%Y-%m-%dT%H:%M:%S+00:00', ms) : strftime('%F', ms);
    else text = strftime('%a %b %e %H:%M:%S %Z %Y', ms);
    ctx.stdout.write(`${text}\n`);
    return 0;
  },
});

/** "1.5", "2m", "1h", "inf": seconds as sleep(1) reads them. */
export function parseInterval(text: string): number | undefined {
  if (text === 'inf' || text === 'infinity') return Infinity;
  const m = /^([0-9]*\.?[0-9]+)([smhd]?)$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]!] ?? 1);
}

export const sleep = defineUtil({
  name: 'sleep',
  summary: 'Pause for NUMBER seconds.',
  usage: 'NUMBER[SUFFIX]...',
  run(ctx): number | Program {
    const prog = ctx.argv[0] ?? 'sleep';
    const args = ctx.argv.slice(1).filter((a) => a !== '--');
    if (args.length === 0) return usageError(ctx, `${prog}: missing operand`);
    let seconds = 0;
    for (const a of args) {
      const s = parseInterval(a);
      if (s === undefined) return usageError(ctx, `${prog}: invalid time interval ${lq(a)}`);
      seconds += s;
    }
    return (function* (): Program {
      // An infinite sleep still wakes now and then, so the clock never holds a timer at Infinity.
      let left = seconds * 1000;
      while (left > 0) {
        const step = Math.min(left, 24 * 3600 * 1000);
        yield sleepEffect(step);
        left -= step;
      }
      return 0;
    })();
  },
});

export const yes: Command = {
  name: 'yes',
  summary: 'Repeatedly output a line with all specified STRING(s), or \'y\'.',
  run(ctx) {
    const line = `${ctx.argv.length > 1 ? ctx.argv.slice(1).join(' ') : 'y'}\n`;
    const batch = line.repeat(64);
    return (function* (): Program {
      // Forever, a batch per virtual millisecond, until the reader goes away (SIGPIPE) or Ctrl+C.
      for (;;) {
        ctx.stdout.write(batch);
        yield sleepEffect(1);
      }
    })();
  },
};
