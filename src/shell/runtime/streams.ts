/**
 * Where bytes flow between processes: pipes, the terminal's input, files, captures for `$(...)`.
 * Writes never block (pipes are unbounded); reads yield an effect until data or end of input arrives.
 */
import type { VirtualFs } from '../../engine';
import type { Effect, InputStream, OutputStream, TerminalControl } from '../types';
import type { InternalEffect, Waitable } from './effects';

/** Anything a reader can take chunks from: undefined = nothing yet, null = end of input. */
interface ChunkSource extends Waitable {
  take(): string | null | undefined;
  /** Puts back what a reader took but did not use, for the next reader. */
  unshift(text: string): void;
}

class Listeners {
  private readonly set = new Set<() => void>();
  get size(): number {
    return this.set.size;
  }
  add(cb: () => void): () => void {
    this.set.add(cb);
    return () => this.set.delete(cb);
  }
  notify(): void {
    for (const cb of [...this.set]) cb();
  }
}

/** An anonymous pipe between two stages of a pipeline. */
export class Pipe implements ChunkSource {
  private readonly chunks: string[] = [];
  private writeOpen = true;
  private readOpen = true;
  private readonly listeners = new Listeners();

  /** False when nobody will ever read it (the reader exited): the writer gets SIGPIPE. */
  write(text: string): boolean {
    if (!this.readOpen) return false;
    if (text === '' || !this.writeOpen) return true;
    this.chunks.push(text);
    this.listeners.notify();
    return true;
  }

  closeWrite(): void {
    if (!this.writeOpen) return;
    this.writeOpen = false;
    this.listeners.notify();
  }

  closeRead(): void {
    this.readOpen = false;
    this.chunks.length = 0;
  }

  get readerGone(): boolean {
    return !this.readOpen;
  }

  ready(): boolean {
    return this.chunks.length > 0 || !this.writeOpen;
  }

  subscribe(cb: () => void): () => void {
    return this.listeners.add(cb);
  }

  take(): string | null | undefined {
    if (this.chunks.length > 0) return this.chunks.splice(0).join('');
    return this.writeOpen ? undefined : null;
  }

  unshift(text: string): void {
    if (text !== '' && this.readOpen) this.chunks.unshift(text);
  }
}

/**
 * The terminal's input while a job runs, in cooked mode: one chunk per line the user typed. Ctrl+D
 * makes the pending read return end-of-input once; later reads wait for more, as on a real tty.
 */
export class TtyInput implements ChunkSource {
  private readonly chunks: string[] = [];
  private eofPending = false;
  private readonly listeners = new Listeners();

  write(text: string): void {
    if (text === '') return;
    this.chunks.push(text);
    this.listeners.notify();
  }

  endOfInput(): void {
    this.eofPending = true;
    this.listeners.notify();
  }

  /** Some process is blocked reading the terminal. */
  get hasReader(): boolean {
    return this.listeners.size > 0;
  }

  ready(): boolean {
    return this.chunks.length > 0 || this.eofPending;
  }

  subscribe(cb: () => void): () => void {
    return this.listeners.add(cb);
  }

  take(): string | null | undefined {
    const chunk = this.chunks.shift();
    if (chunk !== undefined) return chunk;
    if (this.eofPending) {
      this.eofPending = false;
      return null;
    }
    return undefined;
  }

  unshift(text: string): void {
    if (text !== '') this.chunks.unshift(text);
  }

  /** Typed but never read: a tty keeps it for the next reader (bash, after the job). */
  takeUnread(): string {
    return this.chunks.splice(0).join('');
  }
}

function waitFor(source: Waitable): Effect {
  const effect: InternalEffect = { kind: 'wait-io', source };
  // Internal effects travel through command generators typed with the public Effect union.
  return effect as unknown as Effect;
}

function* readAllFrom(stream: InputStream): Generator<Effect, string, unknown> {
  let text = '';
  for (;;) {
    const chunk = yield* stream.read();
    if (chunk === null) return text;
    text += chunk;
  }
}

/** Streams made here can take back what a reader did not use (`read` consumes exactly one line). */
export interface PushbackInput extends InputStream {
  unread(text: string): void;
}

export function canUnread(stream: InputStream): stream is PushbackInput {
  return typeof (stream as Partial<PushbackInput>).unread === 'function';
}

/** A stream over a source; the terminal's own input carries its controls (raw mode for vi, nano). */
export function sourceInput(source: ChunkSource, isTerminal: boolean, terminal?: TerminalControl): InputStream {
  const stream: PushbackInput = {
    isTerminal,
    ...(terminal ? { terminal } : {}),
    *read() {
      for (;;) {
        const chunk = source.take();
        if (chunk !== undefined) return chunk;
        yield waitFor(source);
      }
    },
    readAll: () => readAllFrom(stream),
    unread: (text: string) => source.unshift(text),
  };
  return stream;
}

/** A file's content, a here-document, or nothing at all (`< /dev/null`, stdin of `$(...)`). */
export function textInput(text: string): InputStream {
  let rest: string | null = text === '' ? null : text;
  const stream: PushbackInput = {
    isTerminal: false,
    // eslint-disable-next-line require-yield
    *read() {
      const out = rest;
      rest = null;
      return out;
    },
    // eslint-disable-next-line require-yield
    *readAll() {
      const out = rest ?? '';
      rest = null;
      return out;
    },
    unread(more: string) {
      if (more !== '') rest = more + (rest ?? '');
    },
  };
  return stream;
}

export const nullOutput: OutputStream = { isTerminal: false, write: () => undefined };

/** Collects what `$(...)` prints. */
export class CaptureOutput implements OutputStream {
  readonly isTerminal = false;
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

export function pipeOutput(pipe: Pipe, onBroken: () => void): OutputStream {
  return {
    isTerminal: false,
    write(text: string) {
      if (!pipe.write(text)) onBroken();
    },
  };
}

/** `> file` / `>> file`: every write lands in the file at once, so `tail -f` and `cat` see it. */
export function fileOutput(fs: VirtualFs, path: string): OutputStream {
  return {
    isTerminal: false,
    write(text: string) {
      if (text !== '') fs.writeFile(path, text, { append: true });
    },
  };
}
