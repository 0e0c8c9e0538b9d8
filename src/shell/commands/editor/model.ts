/**
 * What an editor is to the program that runs it: it takes keys, draws frames, says when it is done,
 * and tells screen readers what changed. Files go through EditorFiles, so the same editor works on
 * a node's files or, under kubectl exec, a container's.
 */
import type { EditorKey } from './keys';
import type { Frame } from './screen';

export type ReadResult = { readonly kind: 'file'; readonly text: string } | { readonly kind: 'new' } | { readonly kind: 'dir' };
export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly reason: 'dir' | 'missing' };

export interface EditorFiles {
  read(name: string): ReadResult;
  write(name: string, text: string): WriteResult;
}

export interface Editor {
  handle(key: EditorKey): void;
  frame(columns: number, rows: number): Frame;
  /** Set once the editor quits: the program's exit status. */
  readonly exitCode: number | undefined;
  /** What changed for a screen reader since the last call (the mode, the line under the cursor). */
  announcement(): string | undefined;
}

/** A file's size as both editors report it: lines and characters (bytes, for ASCII). */
export function sizeOf(text: string): { readonly lines: number; readonly chars: number } {
  return { lines: text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0), chars: text.length };
}

/** Tracks what to announce: the mode and the line under the cursor, when they change. */
export class Announcer {
  private mode = '';
  private line = '';
  private message = '';

  next(mode: string, row: number, text: string, message: string): string | undefined {
    const parts: string[] = [];
    if (mode !== this.mode) parts.push(mode);
    if (message !== '' && message !== this.message) parts.push(message);
    const line = `line ${row + 1}: ${text.trim() === '' ? 'blank' : text}`;
    if (line !== this.line) parts.push(line);
    this.mode = mode;
    this.line = line;
    this.message = message;
    return parts.length > 0 ? parts.join('. ') : undefined;
  }
}
