/**
 * A terminal session over the fake shell, wired to the test screen model, read like a script:
 *
 *   const t = terminalHarness();
 *   t.type('sleep 2\r');
 *   t.advance(2000);
 *   expect(t.screenText()).toBe(t.transcript());
 */
import { World } from '../../../engine';
import { createTerminalSession } from '../terminalSession';
import type { JournalEntry, TerminalSession } from '../terminalTypes';
import { FakeShell, type FakeShellOptions } from './fakeShell';
import { VirtualScreen } from './screen';

export interface HarnessOptions extends FakeShellOptions {
  readonly columns?: number;
  readonly rows?: number;
  readonly banner?: string;
  /** Give the session a factory for fresh login shells (default true). */
  readonly relogin?: boolean;
  /** Do not call start() (for tests of the banner or of replay). */
  readonly noStart?: boolean;
}

export interface Harness {
  readonly world: World;
  readonly term: TerminalSession;
  readonly screen: VirtualScreen;
  readonly journal: JournalEntry[];
  readonly bytes: string[];
  /** The shell the terminal talks to now (a new one after logout). */
  readonly shell: FakeShell;
  readonly shells: FakeShell[];
  type(text: string): void;
  advance(ms: number): void;
  transcript(): string;
  /** The screen model's text, trailing spaces trimmed per line, as xterm's reader gives it. */
  screenText(): string;
  /** Bytes written since the last call. */
  takeBytes(): string;
}

export function terminalHarness(opts: HarnessOptions = {}): Harness {
  const world = opts.world ?? new World({ seed: 'terminal-tests' });
  const shells: FakeShell[] = [];
  const makeShell = () => {
    const shell = new FakeShell({ ...opts, world });
    shells.push(shell);
    return shell;
  };
  const columns = opts.columns ?? 80;
  const rows = opts.rows ?? 24;
  const screen = new VirtualScreen(columns, rows);
  const first = makeShell();
  const term = createTerminalSession(first, {
    columns, rows, ...(opts.relogin === false ? {} : { newSession: makeShell }),
  });
  const bytes: string[] = [];
  let taken = 0;
  const journal: JournalEntry[] = [];
  term.onWrite((data) => {
    screen.write(data);
    bytes.push(data);
  });
  term.onJournal((entry) => journal.push(entry));
  if (!opts.noStart) term.start(opts.banner);
  return {
    world, term, screen, journal, bytes, shells,
    get shell() { return shells[shells.length - 1]!; },
    type: (text) => term.input(text),
    advance: (ms) => world.advance(ms),
    transcript: () => trimLines(term.transcript()),
    screenText: () => trimLines(screen.text()),
    takeBytes: () => {
      const out = bytes.slice(taken).join('');
      taken = bytes.length;
      return out;
    },
  };
}

export function trimLines(text: string): string {
  return text.split('\n').map((l) => l.replace(/\s+$/, '')).join('\n').replace(/\n+$/, '');
}
