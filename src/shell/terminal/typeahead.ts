/**
 * Input waiting for the shell prompt: keys that arrived together with the command now running
 * (the rest of a paste), input a job left unread, and automation requests (`run()`), in the order
 * they came. The terminal session types them at the next prompt.
 */
import type { Key } from './keys';
import type { RunResult } from './terminalTypes';

export interface RunRequest {
  /** What the job printed since the request's first line was typed. */
  output: string;
  /** Its last line was given to the shell: the next job end (or blank result) answers it. */
  lastSubmitted: boolean;
  readonly resolve: (result: RunResult) => void;
}

export type Queued =
  | { readonly kind: 'key'; readonly key: Key; readonly journal: boolean }
  | { readonly kind: 'line'; readonly text: string; readonly run: RunRequest; readonly last: boolean };

export class Typeahead {
  private readonly items: Queued[] = [];

  get length(): number {
    return this.items.length;
  }

  /** Automation is waiting to be typed. */
  get hasRuns(): boolean {
    return this.items.some((q) => q.kind === 'line');
  }

  shift(): Queued | undefined {
    return this.items.shift();
  }

  key(key: Key, journal: boolean): void {
    this.items.push({ kind: 'key', key, journal });
  }

  /** Lines the job did not read ("\n"-terminated); already journaled when they were typed. */
  unread(text: string): void {
    for (const line of text.split('\n').slice(0, -1)) {
      if (line !== '') this.key({ kind: 'paste', text: line }, false);
      this.key({ kind: 'key', name: 'enter' }, false);
    }
  }

  run(text: string): Promise<RunResult> {
    return new Promise((resolve) => {
      const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
      const run: RunRequest = { output: '', lastSubmitted: false, resolve };
      lines.forEach((line, i) => this.items.push({ kind: 'line', text: line, run, last: i === lines.length - 1 }));
    });
  }

  /** ^C: a tty flushes pending input; automation requests are not tty input and stay. */
  dropKeys(): void {
    for (let i = this.items.length - 1; i >= 0; i--) if (this.items[i]!.kind === 'key') this.items.splice(i, 1);
  }
}
