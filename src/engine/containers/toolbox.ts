/**
 * The few programs every image has (busybox or coreutils): what `docker exec <c> hostname`, `cat`,
 * `ls`, `env` and `ps` print, and what `docker run alpine echo hi` runs. Anything else fails the way
 * runc does when the binary is missing. Interactive shells are the shell layer's business.
 */
import type { ContainerView } from './containerFs';

export interface ToolResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

const ok = (stdout: string): ToolResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1): ToolResult => ({ stdout: '', stderr, exitCode });

type Tool = (args: readonly string[], view: ContainerView) => ToolResult;

const TOOLS: Readonly<Record<string, Tool>> = {
  hostname: (_args, v) => ok(`${v.hostname}\n`),
  echo: (args) => {
    const noNewline = args[0] === '-n';
    const words = noNewline ? args.slice(1) : args;
    return ok(words.join(' ') + (noNewline ? '' : '\n'));
  },
  true: () => ok(''),
  false: () => fail(''),
  pwd: (_args, v) => ok(`${v.workingDir}\n`),
  whoami: () => ok('root\n'),
  id: () => ok('uid=0(root) gid=0(root) groups=0(root)\n'),
  env: (_args, v) => ok(v.env.map((e) => `${e}\n`).join('')),
  printenv: (args, v) => {
    if (args.length === 0) return ok(v.env.map((e) => `${e}\n`).join(''));
    const values = args.map((name) => v.env.find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1));
    return { stdout: values.filter((x) => x !== undefined).map((x) => `${x}\n`).join(''), stderr: '', exitCode: values.every((x) => x !== undefined) ? 0 : 1 };
  },
  cat: (args, v) => {
    let out = '';
    let err = '';
    for (const path of args.filter((a) => !a.startsWith('-') || a === '-')) {
      const text = v.readFile(path);
      if (text !== undefined) out += text;
      else err += v.list(path) ? `cat: read error: Is a directory\n` : `cat: can't open '${path}': No such file or directory\n`;
    }
    return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
  },
  ls: (args, v) => {
    const paths = args.filter((a) => !a.startsWith('-'));
    const all = args.some((a) => /^-\w*a/.test(a));
    const targets = paths.length > 0 ? paths : ['.'];
    let out = '';
    let err = '';
    for (const path of targets) {
      const entries = v.list(path);
      if (entries === undefined) {
        if (v.readFile(path) !== undefined) out += `${path}\n`;
        else err += `ls: ${path}: No such file or directory\n`;
        continue;
      }
      if (targets.length > 1) out += `${path}:\n`;
      const shown = all ? ['.', '..', ...entries] : entries.filter((e) => !e.startsWith('.'));
      out += shown.map((e) => `${e}\n`).join('');
    }
    return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
  },
  ps: (_args, v) => ok(`PID   USER     TIME  COMMAND\n    1 root      0:00 ${v.command.join(' ')}\n`),
  uname: (args) => ok(args.includes('-a') ? 'Linux node 4.4.0-210-generic #242-Ubuntu SMP x86_64 Linux\n' : 'Linux\n'),
};

/** Runs argv in the container; `sh -c "cmd args"` runs one simple command the same way. */
export function runTool(argv: readonly string[], view: ContainerView): ToolResult {
  const [first, ...args] = argv;
  if (first === undefined) return fail('');
  const name = first.slice(first.lastIndexOf('/') + 1);
  if ((name === 'sh' || name === 'bash' || name === 'ash') && args[0] === '-c' && args[1] !== undefined) {
    return runTool(args[1].trim().split(/\s+/), view);
  }
  const tool = TOOLS[name];
  if (tool) return tool(args, view);
  return missingBinary(first);
}

/** Can the toolbox run this command at all (else it is a long-running program or missing)? */
export function isTool(argv: readonly string[]): boolean {
  const first = argv[0];
  if (first === undefined) return false;
  const name = first.slice(first.lastIndexOf('/') + 1);
  return name in TOOLS || ((name === 'sh' || name === 'bash' || name === 'ash') && argv[1] === '-c');
}

/** runc's message for a binary that is not in the image (exit code 126 for exec, 127 for run). */
export function missingBinary(name: string): ToolResult {
  return fail(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`, 126);
}
