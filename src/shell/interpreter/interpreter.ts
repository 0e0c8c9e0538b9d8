/**
 * Walks the syntax tree: lists, && and ||, pipelines (each stage its own process, joined by pipes),
 * subshells, groups, if, while, until and for. Simple commands are in simple.ts.
 *
 * Bash's rule for Ctrl+C is kept: when a child process dies of SIGINT the shell abandons the rest of
 * the line; when the child caught it and exited normally, the line goes on.
 */
import type { AndOr, Command, ForCommand, IfCommand, LoopCommand, Pipeline, Redirect, Script } from '../parser/ast';
import type { ShellGen } from '../runtime/effects';
import { ProcessExit, type Process } from '../runtime/process';
import { CaptureOutput, Pipe, pipeOutput, sourceInput } from '../runtime/streams';
import { Interrupt } from '../types';
import { ExpansionError, expandWords, type ExpandContext } from './expand';
import { applyRedirects } from './redirect';
import type { Io, Shell } from './shell';
import { runSimple } from './simple';

/** An expansion error: bash prints it and abandons the rest of the line (a subshell exits 1). */
export function abandonLine(e: unknown, io: Io): never {
  if (!(e instanceof ExpansionError)) throw e;
  io.stderr.write(`bash: ${e.message}\n`);
  throw new ProcessExit(1);
}

export function expandContext(sh: Shell, io: Io): ExpandContext {
  return { sh, substitute: (script) => commandSubstitution(sh, script, io) };
}

function stopped(sh: Shell): boolean {
  return sh.exitRequested !== undefined || sh.loopControl !== undefined;
}

/** Runs a list in this shell. `condition`: an if/while test or the left of && / ||, where `set -e` does not apply. */
export function* runScript(sh: Shell, script: Script, io: Io, condition = false): ShellGen {
  for (const item of script.items) {
    if (stopped(sh)) break;
    if (item.background) {
      // Job control needs a second output stream per terminal; the playground runs the job in the foreground instead.
      io.stderr.write(`bash: background jobs are not supported here, running in the foreground: ${item.text}\n`);
    }
    yield* runAndOr(sh, item.command, io, condition);
  }
  return sh.lastStatus;
}

function* runAndOr(sh: Shell, ao: AndOr, io: Io, condition: boolean): ShellGen {
  let status = yield* runPipeline(sh, ao.first, io, condition || ao.rest.length > 0);
  let last = ao.first;
  for (let i = 0; i < ao.rest.length; i++) {
    if (stopped(sh)) break;
    const { op, pipeline } = ao.rest[i]!;
    if ((op === '&&') !== (status === 0)) continue;
    status = yield* runPipeline(sh, pipeline, io, condition || i < ao.rest.length - 1);
    last = pipeline;
  }
  sh.lastStatus = status;
  const lastRan = last === (ao.rest[ao.rest.length - 1]?.pipeline ?? ao.first);
  if (sh.options.errexit && !condition && status !== 0 && lastRan && !last.negated && sh.exitRequested === undefined) {
    sh.exitRequested = status;
  }
  return status;
}

function* runPipeline(sh: Shell, p: Pipeline, io: Io, condition: boolean): ShellGen {
  let status = p.commands.length === 1 ? yield* runCommand(sh, p.commands[0]!, io, condition) : yield* runStages(sh, p, io);
  if (p.negated) status = status === 0 ? 1 : 0;
  sh.lastStatus = status;
  return status;
}

function* stage(sub: Shell, cmd: Command, io: Io): ShellGen {
  const status = yield* runCommand(sub, cmd, io, false);
  return sub.exitRequested ?? status;
}

/** Every stage in a subshell of its own, all running at once, as bash forks them. */
function* runStages(sh: Shell, p: Pipeline, io: Io): ShellGen {
  const runtime = sh.core.runtime;
  const procs: Process[] = [];
  let stdin = io.stdin;
  let upstream: { pipe: Pipe; writer: Process } | undefined;
  for (let i = 0; i < p.commands.length; i++) {
    const cmd = p.commands[i]!;
    const pipe = i < p.commands.length - 1 ? new Pipe() : undefined;
    const stdout = pipe ? pipeOutput(pipe, () => runtime.brokenPipeWrite()) : io.stdout;
    const stderr = pipe && p.pipeStderr[i] ? stdout : io.stderr;
    const proc = runtime.spawn(stage(sh.fork(), cmd, { stdin, stdout, stderr }), labelOf(cmd));
    if (upstream) {
      // When a reader exits, the writer feeding it gets SIGPIPE (bash shows no message for it).
      const { pipe: input, writer } = upstream;
      proc.onExit(() => {
        input.closeRead();
        if (!writer.done) runtime.breakPipe(writer);
      });
    }
    if (pipe) {
      proc.onExit(() => pipe.closeWrite());
      stdin = sourceInput(pipe, false);
      upstream = { pipe, writer: proc };
    }
    procs.push(proc);
  }
  yield { kind: 'wait', procs };
  if (procs.some((c) => c.signal === 'INT')) throw new Interrupt();
  const statuses = procs.map((c) => c.exitCode);
  if (sh.options.pipefail) return [...statuses].reverse().find((s) => s !== 0) ?? 0;
  return statuses[statuses.length - 1] ?? 0;
}

function labelOf(cmd: Command): string {
  if (cmd.kind !== 'simple') return cmd.kind;
  return cmd.words[0]?.raw ?? 'assignment';
}

export function* runCommand(sh: Shell, cmd: Command, io: Io, condition: boolean): ShellGen {
  if (cmd.kind === 'simple') return yield* runSimple(sh, cmd, io);
  const rio = yield* redirected(sh, cmd.redirects, io);
  if (rio === undefined) return (sh.lastStatus = 1);
  switch (cmd.kind) {
    case 'subshell': return yield* runSubshell(sh, cmd.body, rio);
    case 'group': return yield* runScript(sh, cmd.body, rio, condition);
    case 'if': return yield* runIf(sh, cmd, rio, condition);
    case 'while':
    case 'until': return yield* runLoop(sh, cmd, rio);
    case 'for': return yield* runFor(sh, cmd, rio);
  }
}

/** The streams after a compound command's redirections, or undefined after printing why they failed. */
export function* redirected(sh: Shell, redirects: readonly Redirect[], io: Io): ShellGen<Io | undefined> {
  try {
    const r = yield* applyRedirects(expandContext(sh, io), redirects, io);
    if (r.ok) return r.io;
    io.stderr.write(`bash: ${r.message}\n`);
  } catch (e) {
    abandonLine(e, io);
  }
  return undefined;
}

/** Runs a script in a forked shell, in a process of its own, and waits for it. */
export function* runSubshell(sh: Shell, script: Script, io: Io, sub: Shell = sh.fork(), label = 'subshell'): ShellGen {
  const proc = sh.core.runtime.spawn(subshellBody(sub, script, io), label);
  yield { kind: 'wait', procs: [proc] };
  if (proc.signal === 'INT') throw new Interrupt();
  return (sh.lastStatus = proc.exitCode);
}

function* subshellBody(sub: Shell, script: Script, io: Io): ShellGen {
  const status = yield* runScript(sub, script, io);
  return sub.exitRequested ?? status;
}

/** `$(...)`: what the script prints, trailing newlines removed; its status is kept for `A=$(cmd)`. */
export function* commandSubstitution(sh: Shell, script: Script, io: Io): ShellGen<string> {
  const capture = new CaptureOutput();
  const proc = sh.core.runtime.spawn(subshellBody(sh.fork(), script, { stdin: io.stdin, stdout: capture, stderr: io.stderr }), '$(...)');
  yield { kind: 'wait', procs: [proc] };
  if (proc.signal === 'INT') throw new Interrupt();
  sh.lastSubstitution = proc.exitCode;
  return capture.text.replace(/\n+$/, '');
}

function* runIf(sh: Shell, cmd: IfCommand, io: Io, condition: boolean): ShellGen {
  for (const clause of cmd.clauses) {
    const c = yield* runScript(sh, clause.condition, io, true);
    if (stopped(sh)) return sh.lastStatus;
    if (c === 0) return yield* runScript(sh, clause.body, io, condition);
  }
  if (cmd.elseBody) return yield* runScript(sh, cmd.elseBody, io, condition);
  return (sh.lastStatus = 0);
}

/** Consumes one level of break/continue; 'break' also when an outer loop still has to act on it. */
function takeLoopControl(sh: Shell): 'break' | 'continue' | undefined {
  const lc = sh.loopControl;
  if (!lc) return undefined;
  lc.levels--;
  if (lc.levels > 0) return 'break';
  sh.loopControl = undefined;
  return lc.kind;
}

function* runLoop(sh: Shell, cmd: LoopCommand, io: Io): ShellGen {
  let status = 0;
  sh.loopDepth++;
  try {
    for (;;) {
      yield { kind: 'yield' };
      const c = yield* runScript(sh, cmd.condition, io, true);
      if (sh.exitRequested !== undefined || takeLoopControl(sh) === 'break') break;
      if ((c === 0) !== (cmd.kind === 'while')) break;
      status = yield* runScript(sh, cmd.body, io);
      if (sh.exitRequested !== undefined || takeLoopControl(sh) === 'break') break;
    }
  } finally {
    sh.loopDepth--;
  }
  return (sh.lastStatus = status);
}

function* runFor(sh: Shell, cmd: ForCommand, io: Io): ShellGen {
  let items: string[];
  try {
    items = cmd.items ? yield* expandWords(expandContext(sh, io), cmd.items) : [...sh.positional];
  } catch (e) {
    abandonLine(e, io);
  }
  let status = 0;
  sh.loopDepth++;
  try {
    for (const item of items) {
      yield { kind: 'yield' };
      sh.env.set(cmd.variable, item);
      status = yield* runScript(sh, cmd.body, io);
      if (sh.exitRequested !== undefined || takeLoopControl(sh) === 'break') break;
    }
  } finally {
    sh.loopDepth--;
  }
  return (sh.lastStatus = status);
}
