/**
 * The programs container command lines call, in busybox's (or coreutils') words: sleep, echo,
 * printf, date, hostname, cat, head, tail, wc, grep, seq, touch, rm, mkdir, ls, env, printenv, ps,
 * uname, id, whoami, pwd — plus ping, wget, nslookup and nc (their own modules). A program the image ships but
 * the simulation does not model (`top`, `tail -f`, `nc -l`…) runs until it is stopped.
 */
import type { Io } from './host';
import { nc, nslookup } from './netTools';
import { ping } from './ping';
import type { Call, CommandImpl, Running } from './shell';
import { wget } from './wget';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** `date` and `date +FORMAT` (the common conversions), in UTC as containers run. */
export function formatDate(wallMs: number, format?: string): string {
  const d = new Date(Math.floor(wallMs / 1000) * 1000);
  const conv: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()]!, b: () => MONTHS[d.getUTCMonth()]!, d: () => p2(d.getUTCDate()), e: () => String(d.getUTCDate()).padStart(2, ' '),
    H: () => p2(d.getUTCHours()), M: () => p2(d.getUTCMinutes()), S: () => p2(d.getUTCSeconds()), Y: () => String(d.getUTCFullYear()),
    y: () => p2(d.getUTCFullYear() % 100), m: () => p2(d.getUTCMonth() + 1), s: () => String(Math.floor(wallMs / 1000)), Z: () => 'UTC', z: () => '+0000',
    N: () => String(Math.floor(wallMs % 1000) * 1_000_000).padStart(9, '0'), n: () => '\n', t: () => '\t', '%': () => '%',
    T: () => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`, F: () => `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
  };
  const fmt = format ?? '%a %b %e %H:%M:%S %Z %Y';
  return fmt.replace(/%(.)/g, (m, c: string) => conv[c]?.() ?? m);
}

/** busybox's duration syntax: 1.5, 10s, 2m, 1h, 1d; undefined when invalid. */
function seconds(arg: string): number | undefined {
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]!] ?? 1);
}

const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** The input of a filter: its files (or "-") or what the pipeline fed it. */
function inputs(call: Call, files: readonly string[]): { text: string; failed: boolean } {
  if (files.length === 0) return { text: call.io.stdin ?? '', failed: false };
  let text = '';
  let failed = false;
  for (const f of files) {
    const t = f === '-' ? call.io.stdin ?? '' : call.host.files.readFile(f);
    if (t === undefined) {
      call.io.err(`${call.name}: ${call.host.files.list(f) ? `read error: Is a directory` : `can't open '${f}': No such file or directory`}\n`);
      failed = true;
    } else text += t;
  }
  return { text, failed };
}

/** Splits "-n 5", "-n5" and "-5" for head and tail. */
function countOption(args: readonly string[], fallback: number): { n: number; rest: string[]; follow: boolean } {
  let n = fallback;
  let follow = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n') n = Number(args[++i]);
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a === '-f' || a === '-F') follow = true;
    else rest.push(a);
  }
  return { n, rest, follow };
}

/** Runs until it is signalled: the process of a program the simulation does not model. */
const idle: CommandImpl = (call): Running => ({ signal: (sig) => call.done(sig === 'SIGINT' ? 130 : sig === 'SIGTERM' ? 143 : 137) });

function printfFormat(format: string, args: readonly string[]): string {
  const unescape = (s: string): string => s.replace(/\\(n|t|\\|r)/g, (_m, c: string) => ({ n: '\n', t: '\t', '\\': '\\', r: '\r' }[c]!));
  let out = '';
  let i = 0;
  do {
    out += unescape(format).replace(/%([-0-9.]*)([sdixc%])/g, (_m, flags: string, conv: string) => {
      if (conv === '%') return '%';
      const arg = args[i++] ?? '';
      const value = conv === 's' || conv === 'c' ? arg : conv === 'x' ? (Number.parseInt(arg, 10) || 0).toString(16) : String(Number.parseInt(arg, 10) || 0);
      const width = Number.parseInt(flags, 10);
      return Number.isNaN(width) ? value : width < 0 ? value.padEnd(-width) : value.padStart(width, flags.startsWith('0') ? '0' : ' ');
    });
  } while (i < args.length && /%[-0-9.]*[sdixc]/.test(format));
  return out;
}

export const COMMANDS: Readonly<Record<string, CommandImpl>> = {
  ping,
  wget,
  nslookup,
  nc,
  sleep: (call) => {
    const values = call.args.map(seconds);
    if (values.length === 0 || values.some((v) => v === undefined)) {
      call.io.err(values.length === 0 ? 'BusyBox v1.36.1 (2023-06-02 00:42:02 UTC) multi-call binary.\n\nUsage: sleep [N]...\n' : `sleep: invalid number '${call.args[values.indexOf(undefined)]}'\n`);
      return 1;
    }
    const total = (values as number[]).reduce((a, b) => a + b, 0);
    if (Number.isFinite(total)) call.host.setTimer(Math.round(total * 1000), () => call.done(0));
    return { signal: (sig) => call.done(sig === 'SIGINT' ? 130 : sig === 'SIGTERM' ? 143 : 137) };
  },
  echo: (call) => {
    const args = [...call.args];
    let newline = true;
    let escapes = false;
    while (/^-[neE]+$/.test(args[0] ?? '')) {
      const flag = args.shift()!;
      if (flag.includes('n')) newline = false;
      if (flag.includes('e')) escapes = true;
    }
    let text = args.join(' ');
    if (escapes) text = text.replace(/\\(n|t|\\)/g, (_m, c: string) => ({ n: '\n', t: '\t', '\\': '\\' }[c]!));
    call.io.out(newline ? `${text}\n` : text);
    return 0;
  },
  printf: (call) => {
    if (call.args.length === 0) {
      call.io.err('printf: usage: printf format [arguments]\n');
      return 1;
    }
    call.io.out(printfFormat(call.args[0]!, call.args.slice(1)));
    return 0;
  },
  date: (call) => {
    const format = call.args.find((a) => a.startsWith('+'));
    call.io.out(`${formatDate(call.host.world.wallNow(), format?.slice(1))}\n`);
    return 0;
  },
  hostname: (call) => {
    call.io.out(`${call.args[0] === '-i' ? call.host.ip : call.host.hostname}\n`);
    return 0;
  },
  cat: (call) => {
    const r = inputs(call, call.args.filter((a) => !/^-.+/.test(a)));
    call.io.out(r.text);
    return r.failed ? 1 : 0;
  },
  head: (call) => {
    const { n, rest } = countOption(call.args, 10);
    const r = inputs(call, rest);
    call.io.out(lines(r.text).slice(0, n).map((l) => `${l}\n`).join(''));
    return r.failed ? 1 : 0;
  },
  tail: (call) => {
    const { n, rest, follow } = countOption(call.args, 10);
    const r = inputs(call, rest);
    call.io.out(lines(r.text).slice(Math.max(0, lines(r.text).length - n)).map((l) => `${l}\n`).join(''));
    // `tail -f /dev/null`: the classic way to keep a container alive.
    return follow ? idle(call) : r.failed ? 1 : 0;
  },
  wc: (call) => {
    const flags = call.args.filter((a) => a.startsWith('-')).join('');
    const r = inputs(call, call.args.filter((a) => !a.startsWith('-')));
    const counts = { l: (r.text.match(/\n/g) ?? []).length, w: r.text.split(/\s+/).filter(Boolean).length, c: r.text.length };
    const picked = (['l', 'w', 'c'] as const).filter((k) => flags === '' || flags.includes(k));
    call.io.out(`${picked.map((k) => String(counts[k]).padStart(flags === '' ? 7 : 1)).join(' ')}\n`);
    return r.failed ? 1 : 0;
  },
  grep: (call) => {
    const flags = call.args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join('');
    const [pattern, ...files] = call.args.filter((a) => !/^-[a-zA-Z]+$/.test(a));
    if (pattern === undefined) {
      call.io.err('BusyBox v1.36.1 (2023-06-02 00:42:02 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n');
      return 2;
    }
    let re: RegExp;
    try {
      re = new RegExp(flags.includes('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern, flags.includes('i') ? 'i' : '');
    } catch {
      call.io.err(`grep: bad regex '${pattern}'\n`);
      return 2;
    }
    const r = inputs(call, files);
    const hits = lines(r.text).filter((l) => re.test(l) !== flags.includes('v'));
    if (flags.includes('c')) call.io.out(`${hits.length}\n`);
    else if (!flags.includes('q')) call.io.out(hits.map((l) => `${l}\n`).join(''));
    return r.failed ? 2 : hits.length > 0 ? 0 : 1;
  },
  seq: (call) => {
    const nums = call.args.map(Number);
    if (nums.length === 0 || nums.length > 3 || nums.some(Number.isNaN)) {
      call.io.err(`seq: invalid number '${call.args.find((a) => Number.isNaN(Number(a))) ?? ''}'\n`);
      return 1;
    }
    const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
    let out = '';
    for (let v = first, n = 0; step > 0 ? v <= last : v >= last; v += step, n++) {
      if (n >= 100_000 || step === 0) break;
      out += `${v}\n`;
    }
    call.io.out(out);
    return 0;
  },
  touch: (call) => fileOp(call, (path) => call.host.files.readFile(path) !== undefined || call.host.files.writeFile(path, ''), (path) => `touch: ${path}: No such file or directory`),
  rm: (call) => {
    const force = call.args.some((a) => /^-\w*f/.test(a));
    return fileOp(call, (path) => call.host.files.remove(path) || force, (path) => `rm: can't remove '${path}': No such file or directory`);
  },
  mkdir: (call) => {
    const parents = call.args.includes('-p');
    return fileOp(call, (path) => call.host.files.mkdir(path) || (parents && call.host.files.list(path) !== undefined), (path) => `mkdir: can't create directory '${path}': File exists`);
  },
  ls: (call) => {
    const all = call.args.some((a) => /^-\w*a/.test(a));
    const paths = call.args.filter((a) => !a.startsWith('-'));
    let failed = false;
    for (const path of paths.length > 0 ? paths : ['.']) {
      const entries = call.host.files.list(path);
      if (entries === undefined) {
        if (call.host.files.readFile(path) !== undefined) call.io.out(`${path}\n`);
        else {
          call.io.err(`ls: ${path}: No such file or directory\n`);
          failed = true;
        }
        continue;
      }
      if (paths.length > 1) call.io.out(`${path}:\n`);
      call.io.out((all ? ['.', '..', ...entries] : entries.filter((e) => !e.startsWith('.'))).map((e) => `${e}\n`).join(''));
    }
    return failed ? 1 : 0;
  },
  env: (call) => printEnv(call.io, call.env),
  printenv: (call) => {
    if (call.args.length === 0) return printEnv(call.io, call.env);
    const found = call.args.map((name) => call.env.find(([k]) => k === name)?.[1]);
    call.io.out(found.filter((v) => v !== undefined).map((v) => `${v}\n`).join(''));
    return found.every((v) => v !== undefined) ? 0 : 1;
  },
  ps: (call) => {
    call.io.out(`PID   USER     TIME  COMMAND\n    1 root      0:00 ${call.host.command.join(' ')}\n`);
    return 0;
  },
  uname: (call) => {
    call.io.out(call.args.includes('-a') ? `Linux ${call.host.hostname} 4.4.0-210-generic #242-Ubuntu SMP Fri Apr 16 09:57:56 UTC 2021 x86_64 Linux\n` : 'Linux\n');
    return 0;
  },
  id: (call) => {
    call.io.out('uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n');
    return 0;
  },
  whoami: (call) => {
    call.io.out('root\n');
    return 0;
  },
  pwd: (call) => {
    call.io.out(`${call.shell.vars.get('PWD') ?? call.host.files.workingDir}\n`);
    return 0;
  },
  '*': idle,
};

function fileOp(call: Call, op: (path: string) => boolean, message: (path: string) => string): number {
  let failed = false;
  for (const path of call.args.filter((a) => !a.startsWith('-'))) {
    if (op(path)) continue;
    call.io.err(`${message(path)}\n`);
    failed = true;
  }
  return failed ? 1 : 0;
}

function printEnv(io: Io, env: readonly (readonly [string, string])[]): number {
  io.out(env.map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
}
