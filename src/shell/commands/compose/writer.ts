/**
 * Compose v1's ParallelStreamWriter: one line per object ("Creating dockercoins_rng_1 ... "), names
 * padded to the widest line so far, then the status written over the line when it is known, by
 * moving the cursor up to it (ANSI), or as a new line with --no-ansi. One writer serves a whole
 * command, so every "Creating"/"Stopping" line of an `up` shares the same width.
 */
import type { OutputStream } from '../../types';

const GREEN = '\u001b[32m';
const RED = '\u001b[31m';
const RESET = '\u001b[0m';

export class ParallelWriter {
  private readonly lines: string[] = [];
  private width = 0;

  constructor(private readonly out: OutputStream, private readonly ansi: boolean) {}

  /** Announces a batch: every object gets its line before any finishes. */
  begin(msg: string, names: readonly string[]): void {
    for (const name of names) {
      this.lines.push(`${msg}\u0000${name}`);
      this.width = Math.max(this.width, msg.length + 1 + name.length);
    }
    for (const name of names) this.out.write(`${this.pad(msg, name)} ... \n`);
  }

  done(msg: string, name: string, status: 'done' | 'error'): void {
    const colour = this.ansi ? (status === 'done' ? GREEN : RED) : '';
    const text = `${this.pad(msg, name)} ... ${colour}${status}${colour ? RESET : ''}`;
    const position = this.lines.lastIndexOf(`${msg}\u0000${name}`);
    if (!this.ansi || position < 0) {
      this.out.write(`${text}\n`);
      return;
    }
    const diff = this.lines.length - position;
    this.out.write(`\u001b[${diff}A\u001b[2K\r${text}\r\u001b[${diff}B`);
  }

  private pad(msg: string, name: string): string {
    return `${msg} ${name}`.padEnd(this.width);
  }
}
