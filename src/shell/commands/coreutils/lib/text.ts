/** Reading command inputs: files or stdin ("-"), whole or line by line as chunks arrive. */
import { ERRNO_MESSAGES, resolvePath, type FsErrorCode } from '../../../../engine';
import type { CommandContext, Effect, InputStream } from '../../../types';
import { textInput } from '../../../runtime/streams';

export type Input = { readonly ok: true; readonly name: string; readonly stream: InputStream } | { readonly ok: false; readonly name: string; readonly code: FsErrorCode };

/** Opens an operand: "-" is stdin, anything else a file relative to the working directory. */
export function openInput(ctx: CommandContext, name: string): Input {
  if (name === '-') return { ok: true, name, stream: ctx.stdin };
  const r = ctx.host.fs.readFile(resolvePath(name, ctx.cwd));
  if (!r.ok) return { ok: false, name, code: r.error.code };
  return { ok: true, name, stream: textInput(r.value) };
}

export function errno(code: FsErrorCode): string {
  return ERRNO_MESSAGES[code];
}

/**
 * Calls fn for each line as it arrives (without its "\n"; `newline` false for a last unterminated
 * line). fn returns false to stop reading.
 */
export function* forEachLine(input: InputStream, fn: (line: string, newline: boolean) => boolean | void): Generator<Effect, boolean, unknown> {
  let buf = '';
  for (;;) {
    const chunk = yield* input.read();
    if (chunk === null) break;
    buf += chunk;
    let nl = buf.indexOf('\n');
    while (nl >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (fn(line, true) === false) return false;
      nl = buf.indexOf('\n');
    }
  }
  if (buf !== '') return fn(buf, false) !== false;
  return true;
}

/** Splits text into lines; a final line without "\n" still counts. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
