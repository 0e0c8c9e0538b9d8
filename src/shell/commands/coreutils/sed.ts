/**
 * sed, GNU sed 4.2.2 as on CentOS 7: -n, -e, -f, -i[SUFFIX] (--in-place[=SUFFIX]), -E/-r, -s, -l N,
 * -u and --posix (accepted), options anywhere among the operands as getopt permutes them. The
 * script language is in sedScript.ts, the cycle in sedRun.ts.
 */
import { resolvePath } from '../../../engine';
import type { Command, CommandContext, Program } from '../../types';
import { textInput } from '../../runtime/streams';
import { errno } from './lib/text';
import { LineReader, SedMachine, type SedInput, type SedIo } from './sedRun';
import { parseSed, type ScriptPiece } from './sedScript';

const USAGE = 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n';

const HELP = `${USAGE}
  -n, --quiet, --silent    print only what the script prints (p, =, l, w)
  -e script, --expression=script
                           add a script to run
  -f script-file, --file=script-file
                           add the script in a file
  -i[SUFFIX], --in-place[=SUFFIX]
                           edit the files themselves (keep a copy with SUFFIX)
  -l N, --line-length=N    where the \`l' command wraps its lines
  -E, -r, --regexp-extended
                           extended regular expressions (as egrep)
  -s, --separate           each file is its own input: line numbers and $ per file
  -u, --unbuffered         accepted; output is never held back here
      --help               show this help and exit
      --version            show the version and exit

Without -e or -f, the first operand is the script; the others are input files
(standard input when there are none).
`;

interface SedArgs {
  readonly pieces: ScriptPiece[];
  readonly files: string[];
  quiet: boolean;
  extended: boolean;
  separate: boolean;
  inPlace: string | undefined;
  lineWrap: number;
}

type ArgsResult = { readonly ok: true; readonly args: SedArgs } | { readonly ok: false; readonly status: number; readonly stderr?: string; readonly stdout?: string };

const LONG: Readonly<Record<string, string>> = {
  quiet: 'n', silent: 'n', expression: 'e', file: 'f', 'in-place': 'i', 'line-length': 'l', 'regexp-extended': 'E', separate: 's',
  unbuffered: 'u', posix: 'posix', 'null-data': 'z', help: 'help', version: 'version', 'follow-symlinks': 'follow',
};

function parseArgs(ctx: CommandContext): ArgsResult {
  const argv = ctx.argv.slice(1);
  const args: SedArgs = { pieces: [], files: [], quiet: false, extended: false, separate: false, inPlace: undefined, lineWrap: 70 };
  const bad = (message: string): ArgsResult => ({ ok: false, status: 1, stderr: `sed: ${message}\n${HELP}` });
  const readScript = (file: string): string | undefined => {
    const r = ctx.host.fs.readFile(resolvePath(file, ctx.cwd));
    return r.ok ? r.value.replace(/\n$/, '') : undefined;
  };
  const apply = (opt: string, value: () => string | undefined, attached: string | undefined): ArgsResult | undefined => {
    switch (opt) {
      case 'n': args.quiet = true; return undefined;
      case 'E': case 'r': args.extended = true; return undefined;
      case 's': args.separate = true; return undefined;
      case 'u': case 'posix': case 'follow': case 'z': return undefined;
      case 'i': args.inPlace = attached ?? ''; args.separate = true; return undefined;
      case 'help': return { ok: false, status: 0, stdout: HELP };
      case 'version': return { ok: false, status: 0, stdout: 'sed (GNU sed) 4.2.2\n' };
      case 'e': case 'f': case 'l': {
        const v = value();
        if (v === undefined) return bad(`option requires an argument -- '${opt}'`);
        if (opt === 'l') args.lineWrap = Number(v);
        else if (opt === 'e') args.pieces.push({ text: v, origin: `-e expression #${args.pieces.length + 1}`, isFile: false });
        else {
          const text = readScript(v);
          if (text === undefined) return { ok: false, status: 1, stderr: `sed: couldn't open file ${v}: No such file or directory\n` };
          args.pieces.push({ text, origin: v, isFile: true });
        }
        return undefined;
      }
      default: return bad(`invalid option -- '${opt}'`);
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.files.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const matches = Object.keys(LONG).filter((k) => k.startsWith(name));
      const key = LONG[name] !== undefined ? name : matches.length === 1 ? matches[0]! : undefined;
      if (key === undefined) return bad(matches.length > 1 ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`);
      const attached = eq < 0 ? undefined : a.slice(eq + 1);
      const r = apply(LONG[key]!, () => attached ?? argv[++i], attached);
      if (r) return r;
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const rest = a.slice(j + 1);
        // -i takes its suffix only when attached (-i.bak); -e, -f and -l take the rest or the next word.
        if (c === 'i') {
          apply('i', () => undefined, rest === '' ? undefined : rest);
          break;
        }
        if (c === 'e' || c === 'f' || c === 'l') {
          const r = apply(c, () => (rest !== '' ? rest : argv[++i]), undefined);
          if (r) return r;
          break;
        }
        const r = apply(c, () => undefined, undefined);
        if (r) return r;
      }
      continue;
    }
    args.files.push(a);
  }
  if (args.pieces.length === 0) {
    const script = args.files.shift();
    if (script === undefined) return { ok: false, status: 1, stderr: HELP };
    args.pieces.push({ text: script, origin: '-e expression #1', isFile: false });
  }
  return { ok: true, args };
}

function run(ctx: CommandContext): number | Program {
  const parsed = parseArgs(ctx);
  if (!parsed.ok) {
    if (parsed.stdout) ctx.stdout.write(parsed.stdout);
    if (parsed.stderr) ctx.stderr.write(parsed.stderr);
    return parsed.status;
  }
  const args = parsed.args;
  const program = parseSed(args.pieces, args.extended);
  if (!program.ok) {
    ctx.stderr.write(`${program.message}\n`);
    return program.status;
  }
  if (args.inPlace !== undefined && args.files.length === 0) {
    ctx.stderr.write('sed: no input files\n');
    return 4;
  }
  const fs = ctx.host.fs;
  const machine = new SedMachine(program.commands, { quiet: args.quiet || program.quiet, lineWrap: args.lineWrap });
  let status = 0;
  const wfiles = new Set<string>();
  // GNU creates (truncates) every `w` file when it reads the script.
  for (const cmd of program.commands) {
    const file = cmd.name === 'w' ? cmd.arg : cmd.subst?.wfile;
    if (file !== undefined && file !== '/dev/stdout' && file !== '/dev/stderr' && !wfiles.has(file)) {
      wfiles.add(file);
      fs.writeFile(resolvePath(file, ctx.cwd), '');
    }
  }
  const baseIo = (write: (text: string) => void): SedIo => {
    // A last line printed without its newline gets one as soon as anything follows it, as GNU does.
    let missing = false;
    const out = (text: string): void => {
      if (text === '') return;
      write(missing ? `\n${text}` : text);
      missing = !text.endsWith('\n');
    };
    return {
      out,
      writeTo(file, text) {
        if (file === '/dev/stdout') ctx.stdout.write(text);
        else if (file === '/dev/stderr') ctx.stderr.write(text);
        else fs.writeFile(resolvePath(file, ctx.cwd), text, { append: true });
      },
      readFile(file) {
        const r = fs.readFile(resolvePath(file, ctx.cwd));
        return r.ok ? r.value : undefined;
      },
    };
  };
  /** Files in order; unreadable ones are reported when sed reaches them (status 2). */
  const inputOf = (names: readonly string[]): SedInput => {
    let at = 0;
    return {
      nextFile() {
        while (at < names.length) {
          const name = names[at++]!;
          if (name === '-' && args.inPlace === undefined) return { name, reader: new LineReader(ctx.stdin) };
          const r = fs.readFile(resolvePath(name, ctx.cwd));
          if (r.ok) return { name, reader: new LineReader(textInput(r.value)) };
          status = 2;
          ctx.stderr.write(r.error.code === 'EISDIR' ? `sed: read error on ${name}: Is a directory\n` : `sed: can't read ${name}: ${errno(r.error.code)}\n`);
        }
        return undefined;
      },
    };
  };
  return (function* (): Program {
    const names = args.files.length === 0 ? ['-'] : args.files;
    if (args.inPlace !== undefined) {
      for (const name of names) {
        const path = resolvePath(name, ctx.cwd);
        const st = fs.stat(path);
        if (st.ok && st.value.kind !== 'file') {
          ctx.stderr.write(`sed: couldn't edit ${name}: not a regular file\n`);
          status = 4;
          continue;
        }
        let edited = '';
        const before = fs.readFile(path);
        yield* machine.run(inputOf([name]), baseIo((text) => (edited += text)));
        if (!before.ok) continue;
        const suffix = args.inPlace;
        if (suffix !== '') {
          // GNU: a `*` in the suffix stands for the file's base name (-i'bak/*' or -i'old_*').
          const base = name.slice(name.lastIndexOf('/') + 1);
          const backup = suffix.includes('*') ? `${name.slice(0, name.length - base.length)}${suffix.replace(/\*/g, base)}` : `${name}${suffix}`;
          fs.writeFile(resolvePath(backup, ctx.cwd), before.value);
        }
        fs.writeFile(path, edited);
        if (machine.quitWith !== undefined) break;
      }
    } else if (args.separate) {
      const io = baseIo((text) => ctx.stdout.write(text));
      for (const name of names) {
        yield* machine.run(inputOf([name]), io);
        if (machine.quitWith !== undefined) break;
      }
    } else {
      yield* machine.run(inputOf(names), baseIo((text) => ctx.stdout.write(text)));
    }
    return machine.quitWith ?? status;
  })();
}

export const sed: Command = {
  name: 'sed',
  summary: 'Stream editor for filtering and transforming text.',
  run,
};
