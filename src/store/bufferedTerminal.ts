/**
 * Keeps what a terminal session wrote so a view that mounts later (a tab shown for the first
 * time, a page restored from storage) can paint the same screen: new subscribers first receive
 * the buffered bytes, then live output. The buffer is capped like a scrollback.
 */
import type { Unsubscribe } from '../engine';
import type { TerminalSession } from '../shell';

const MAX_BUFFER_CHARS = 400_000;

export class BufferedTerminal {
  private buffer = '';
  private readonly listeners = new Set<(data: string) => void>();
  private readonly unsubscribe: Unsubscribe;

  constructor(readonly session: TerminalSession) {
    this.unsubscribe = session.onWrite((data) => {
      this.buffer += data;
      if (this.buffer.length > MAX_BUFFER_CHARS) this.trim();
      for (const listener of [...this.listeners]) listener(data);
    });
  }

  /** Subscribes a view: it gets everything written so far, then every new write. */
  attach(listener: (data: string) => void): Unsubscribe {
    if (this.buffer) listener(this.buffer);
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The raw bytes kept so far (tests, and the screen when no view is mounted). */
  get written(): string {
    return this.buffer;
  }

  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  /** Drops the oldest half at a line boundary, so the kept text starts at a line start. */
  private trim(): void {
    const cut = this.buffer.indexOf('\n', this.buffer.length - MAX_BUFFER_CHARS / 2);
    this.buffer = cut < 0 ? this.buffer.slice(-MAX_BUFFER_CHARS / 2) : this.buffer.slice(cut + 1);
  }
}
