/**
 * The terminal as a device, for the programs that take it over (vi, nano): raw mode on the
 * alternate screen. While a program holds it, every byte typed reaches the program as it is —
 * no echo, no line editing, Ctrl+C and Ctrl+D are keys like any other (the tty's ISIG and ICANON
 * are off) — and what it writes goes to the terminal untouched. Closing gives the shell's screen
 * back as it was (`\x1b[?1049l` restores the saved cursor too), as vim and nano leave it.
 */
import type { Effect, TerminalControl, TerminalScreen } from '../types';
import type { InternalEffect, Waitable } from './effects';

const ENTER_ALTERNATE = '\x1b[?1049h\x1b[H\x1b[2J';
const LEAVE_ALTERNATE = '\x1b[?1049l';

export interface TerminalDeviceEvents {
  /** Bytes for the terminal, as they are. */
  write(bytes: string): void;
  /** A short text for screen readers (the editor's mode, the line under the cursor). */
  announce(text: string): void;
}

export class TerminalDevice implements TerminalControl, Waitable {
  private holder: object | undefined;
  private pending = '';
  private resized = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly events: TerminalDeviceEvents,
    public columns = 80,
    public rows = 24,
  ) {}

  /** A program holds the terminal in raw mode. */
  get raw(): boolean {
    return this.holder !== undefined;
  }

  /** The holder is blocked waiting for a key. */
  get hasReader(): boolean {
    return this.listeners.size > 0;
  }

  ready(): boolean {
    return this.pending !== '' || this.resized || this.holder === undefined;
  }

  subscribe(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  private notify(): void {
    for (const cb of [...this.listeners]) cb();
  }

  /** Bytes typed while a program holds the terminal. */
  input(data: string): void {
    if (data === '' || this.holder === undefined) return;
    this.pending += data;
    this.notify();
  }

  resize(columns: number, rows: number): void {
    if (columns === this.columns && rows === this.rows) return;
    this.columns = columns;
    this.rows = rows;
    if (this.holder === undefined) return;
    this.resized = true;
    this.notify();
  }

  fullScreen(): TerminalScreen | undefined {
    if (this.holder !== undefined) return undefined;
    const screen = new HeldScreen(this);
    this.holder = screen;
    this.pending = '';
    this.resized = false;
    this.events.write(ENTER_ALTERNATE);
    return screen;
  }

  /** For the holder: what was typed (or "" after a resize), once. */
  take(holder: object): string | undefined {
    if (this.holder !== holder) return '';
    if (this.pending === '' && !this.resized) return undefined;
    const keys = this.pending;
    this.pending = '';
    this.resized = false;
    return keys;
  }

  isHeldBy(holder: object): boolean {
    return this.holder === holder;
  }

  emit(holder: object, kind: 'write' | 'announce', text: string): void {
    if (this.holder === holder && text !== '') this.events[kind](text);
  }

  /** Gives the terminal back (the holder closed it, or its job ended without doing so). */
  release(): void {
    if (this.holder === undefined) return;
    this.events.write(LEAVE_ALTERNATE);
    this.holder = undefined;
    this.pending = '';
    this.resized = false;
    this.notify();
  }
}

/** What the program that took the terminal holds: valid until it closes it or its job ends. */
class HeldScreen implements TerminalScreen {
  constructor(private readonly device: TerminalDevice) {}

  get columns(): number {
    return this.device.columns;
  }

  get rows(): number {
    return this.device.rows;
  }

  *read(): Generator<Effect, string, unknown> {
    for (;;) {
      const keys = this.device.take(this);
      if (keys !== undefined) return keys;
      const wait: InternalEffect = { kind: 'wait-io', source: this.device };
      // The runtime's own wait: internal effects travel through command generators typed with Effect.
      yield wait as unknown as Effect;
    }
  }

  write(bytes: string): void {
    this.device.emit(this, 'write', bytes);
  }

  announce(text: string): void {
    this.device.emit(this, 'announce', text);
  }

  close(): void {
    if (this.device.isHeldBy(this)) this.device.release();
  }
}
