/**
 * Redirections, applied left to right on a copy of the three standard streams, so `>file 2>&1`
 * and `2>&1 >file` differ as they do in bash. Failures come back as bash's message.
 */
import { ERRNO_MESSAGES, type FsErrorCode } from '../../engine';
import type { Redirect } from '../parser/ast';
import type { ShellGen } from '../runtime/effects';
import { fileOutput, nullOutput, textInput } from '../runtime/streams';
import type { InputStream, OutputStream } from '../types';
import { expandString, expandWord, type ExpandContext } from './expand';
import type { Io } from './shell';

export type RedirectResult = { readonly ok: true; readonly io: Io } | { readonly ok: false; readonly message: string };

type Fds = [InputStream, OutputStream, OutputStream];

export function* applyRedirects(ctx: ExpandContext, redirects: readonly Redirect[], io: Io): ShellGen<RedirectResult> {
  if (redirects.length === 0) return { ok: true, io };
  const fds: Fds = [io.stdin, io.stdout, io.stderr];
  for (const r of redirects) {
    const error = r.kind === 'heredoc' ? yield* hereDoc(ctx, r, fds) : yield* fileRedirect(ctx, r, fds);
    if (error !== undefined) return { ok: false, message: error };
  }
  return { ok: true, io: { stdin: fds[0], stdout: fds[1], stderr: fds[2] } };
}

function* hereDoc(ctx: ExpandContext, r: Extract<Redirect, { kind: 'heredoc' }>, fds: Fds): ShellGen<string | undefined> {
  const body = r.doc.expand ? yield* expandString(ctx, r.doc.body) : r.doc.body.parts.map((p) => (p.kind === 'literal' ? p.text : '')).join('');
  if (r.fd === 0) fds[0] = textInput(body);
  return undefined;
}

function setOutput(fds: Fds, fd: number, stream: OutputStream): void {
  if (fd === 1) fds[1] = stream;
  else if (fd === 2) fds[2] = stream;
}

function* fileRedirect(ctx: ExpandContext, r: Extract<Redirect, { kind: 'file' }>, fds: Fds): ShellGen<string | undefined> {
  if (r.op === '<<<') {
    const text = yield* expandString(ctx, r.target);
    if (r.fd === 0) fds[0] = textInput(`${text}\n`);
    return undefined;
  }
  const fields = yield* expandWord(ctx, r.target);
  if (fields.length !== 1) return `${r.target.raw}: ambiguous redirect`;
  const target = fields[0]!;

  if (r.op === '>&' || r.op === '<&') {
    if (target === '-') {
      if (r.fd === 0) fds[0] = textInput('');
      else setOutput(fds, r.fd, nullOutput);
      return undefined;
    }
    if (/^[0-9]+$/.test(target)) {
      const from = Number(target);
      if (from > 2) return `${target}: Bad file descriptor`;
      if (r.fd === 0) {
        if (from !== 0) return `${target}: Bad file descriptor`;
        return undefined;
      }
      if (from === 0) return undefined;
      setOutput(fds, r.fd, fds[from as 1 | 2]);
      return undefined;
    }
    // `>&file` with a name means `&>file`.
    if (r.op === '<&') return `${target}: ambiguous redirect`;
    return openOutput(ctx, target, false, fds, [1, 2]);
  }
  switch (r.op) {
    case '<':
    case '<>': {
      const input = openInput(ctx, target);
      if (typeof input === 'string') return input;
      if (r.fd === 0) fds[0] = input;
      return undefined;
    }
    case '>':
    case '>|':
      return openOutput(ctx, target, false, fds, [r.fd]);
    case '>>':
      return openOutput(ctx, target, true, fds, [r.fd]);
    case '&>':
      return openOutput(ctx, target, false, fds, [1, 2]);
    case '&>>':
      return openOutput(ctx, target, true, fds, [1, 2]);
  }
  return `${target}: unsupported redirection`;
}

function fsMessage(name: string, code: FsErrorCode): string {
  return `${name}: ${ERRNO_MESSAGES[code]}`;
}

function openInput(ctx: ExpandContext, name: string): InputStream | string {
  const { sh } = ctx;
  if (name === '/dev/null') return textInput('');
  if (name === '/dev/stdin' || name === '/dev/tty') return sh.core.terminal.stdin;
  const content = sh.core.host.fs.readFile(sh.resolve(name));
  if (!content.ok) return fsMessage(name, content.error.code);
  return textInput(content.value);
}

function openOutput(ctx: ExpandContext, name: string, append: boolean, fds: Fds, targets: readonly number[]): string | undefined {
  const { sh } = ctx;
  let stream: OutputStream;
  if (name === '/dev/null') stream = nullOutput;
  else if (name === '/dev/stdout') stream = fds[1];
  else if (name === '/dev/stderr') stream = fds[2];
  else if (name === '/dev/tty') stream = sh.core.terminal.stdout;
  else {
    const fs = sh.core.host.fs;
    const path = sh.resolve(name);
    // Opening truncates (or creates) the file before the command runs, even if it then fails.
    const opened = fs.writeFile(path, '', append ? { append: true } : {});
    if (!opened.ok) return fsMessage(name, opened.error.code);
    stream = fileOutput(fs, path);
  }
  for (const fd of targets) setOutput(fds, fd, stream);
  return undefined;
}
