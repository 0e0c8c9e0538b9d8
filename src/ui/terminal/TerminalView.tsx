/**
 * One node's terminal: an xterm.js view over a TerminalSession (src/shell/terminal), which owns
 * everything a tty and readline do. The view only carries bytes both ways and reports its size.
 *
 * - DOM renderer, 5000 rows of scrollback, "\r\n" sent by the session (convertEol off), ED 2
 *   scrolls the screen into the scrollback (`clear` keeps history readable by screenText).
 * - Links: OSC 8 hyperlinks to http(s), opened on click in a new tab without an opener; and the
 *   plain-text links a finder installed later recognises (the DockerCoins web UI's address opens
 *   its panel), also on click only. No clipboard (OSC 52) addon, window manipulation left disabled.
 * - Escapes in output (a `cat`ed file, logs) stay inside: clipboard, title and the queries whose
 *   answers would be typed back into the shell are swallowed (escapeGuard.ts).
 * - Size: a FitAddon fitted from a ResizeObserver, at most once per animation frame; the new
 *   size goes to the session (and through it to the shell's $COLUMNS).
 * - Keyboard: Tab belongs to the terminal (completion), so Escape leaves it: focus moves to a
 *   target just after the terminal, from which Tab continues through the page and Shift+Tab
 *   comes back. While a full-screen program (vi, nano) holds the terminal, plain Escape is its
 *   key and Shift+Escape leaves (it always does). Keyboard users are never trapped.
 * - Announcements: what a full-screen program says for screen readers (vi's mode and the line under
 *   the cursor) goes to a polite live region, since its repainted screen reads as noise; so does
 *   each command's result when `describeCommandEnd` is given (screen-reader mode).
 * - Everything created is disposed on unmount, and when the session changes.
 */
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { Terminal, type ILink, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import './terminal.css';
import type { Unsubscribe } from '../../engine';
import type { TerminalRunResult, TerminalSession } from '../../shell';
import { screenText } from './screenText';
import { guardEscapes } from './escapeGuard';

export interface TerminalViewHandle {
  /** Scrollback + viewport as logical lines (wrapped rows joined): backs window.kubeplay.screen(node). */
  screenText(): string;
  /** Focuses xterm's input; false when it could not take the focus (hidden). */
  focus(): boolean;
}

export interface TerminalViewProps {
  readonly session: TerminalSession;
  /** Accessible name: "Terminal of node1". */
  readonly label: string;
  /** data-testid of the container: "terminal-node1". */
  readonly testId: string;
  readonly screenReaderMode?: boolean;
  readonly fontSize?: number;
  /** Off under prefers-reduced-motion (a blinking cursor is motion that never stops). Default true. */
  readonly cursorBlink?: boolean;
  /**
   * Where the bytes come from, if not straight from session.onWrite: a source that first replays
   * what was written before the view mounted (the store's BufferedTerminal.attach). Read once per
   * session, so an inline arrow function does not recreate the terminal on every render.
   */
  readonly attachOutput?: (listener: (data: string) => void) => Unsubscribe;
  /** Read by screen readers with the terminal: how to leave it. */
  readonly leaveHint?: string;
  /** Shown on the focus target Escape moves to. */
  readonly leftHint?: string;
  /**
   * Screen-reader mode: what to announce when a command ends (its output and exit status, see
   * commandAnnouncement.ts); '' says nothing. Read at each command's end, so it may change freely.
   */
  readonly describeCommandEnd?: ((result: TerminalRunResult) => string) | undefined;
  /** Called once, in the first frame that paints what was written before the view mounted (the prompt). */
  readonly onPainted?: () => void;
  readonly ref?: Ref<TerminalViewHandle>;
}

/** Links in buffer row `row` (1-based) of a view, which `testId` names ("terminal-node1"). */
export type TerminalLinkFinder = (term: Terminal, row: number, testId: string) => ILink[] | undefined;

// Set by code that loads after the first prompt (the web UI), so the finder costs the prompt nothing.
let linkFinder: TerminalLinkFinder | undefined;

export function setTerminalLinkFinder(finder: TerminalLinkFinder | undefined): void {
  linkFinder = finder;
}

/** Black and light grey, as the Play with Kubernetes terminals looked. */
const THEME: ITheme = {
  background: '#000000',
  foreground: '#e5e5e5',
  cursor: '#f5f5f5',
  cursorAccent: '#000000',
  selectionBackground: '#3b5b85',
};

const FONT_FAMILY = "Menlo, Monaco, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', 'Courier New', monospace";

export function TerminalView(props: TerminalViewProps) {
  const {
    session, label, testId, screenReaderMode = false, fontSize = 14, cursorBlink = true, attachOutput, onPainted, describeCommandEnd, ref,
    leaveHint = 'Press Escape, then Tab, to leave the terminal (Shift+Escape while an editor is open).',
    leftHint = 'Left the terminal: Tab moves on, Shift+Tab goes back.',
  } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const exitRef = useRef<HTMLSpanElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const refitRef = useRef<(() => void) | null>(null);
  // Read when the xterm instance is created (once per session); later changes go through effects below.
  const initial = useRef({ fontSize, screenReaderMode, cursorBlink, label, attachOutput, onPainted, testId });
  useEffect(() => {
    initial.current = { fontSize, screenReaderMode, cursorBlink, label, attachOutput, onPainted, testId };
  });

  useImperativeHandle(ref, () => ({
    screenText: () => (termRef.current ? screenText(termRef.current.buffer.active) : ''),
    focus: () => {
      termRef.current?.focus();
      return hostRef.current?.contains(document.activeElement) ?? false;
    },
  }), []);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    const term = new Terminal({
      cols: session.columns,
      rows: session.rows,
      scrollback: 5000,
      convertEol: false,
      scrollOnEraseInDisplay: true,
      cursorBlink: initial.current.cursorBlink,
      fontFamily: FONT_FAMILY,
      fontSize: initial.current.fontSize,
      screenReaderMode: initial.current.screenReaderMode,
      theme: THEME,
      linkHandler: {
        activate: (_event, uri) => {
          if (/^https?:\/\//i.test(uri)) window.open(uri, '_blank', 'noopener,noreferrer');
        },
      },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    term.textarea?.setAttribute('aria-label', initial.current.label);

    const disposables = [
      term.onData((data) => session.input(data)),
      term.onResize(({ cols, rows }) => session.resize(cols, rows)),
      term.registerLinkProvider({ provideLinks: (row, done) => done(linkFinder?.(term, row, initial.current.testId)) }),
      ...guardEscapes(term),
    ];
    term.attachCustomKeyEventHandler((event) => {
      if (event.key !== 'Escape' || event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return true;
      if (!event.shiftKey && session.rawMode) return true;
      if (event.type === 'keydown') exitRef.current?.focus();
      return false;
    });

    // Fit only once the bytes written so far are parsed: they were laid out for the session's width.
    let ready = false;
    let frame = 0;
    const refit = () => {
      frame = 0;
      if (!ready || host.clientWidth === 0 || host.clientHeight === 0) return;
      fit.fit();
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(refit);
    };
    const attach = initial.current.attachOutput ?? ((listener: (data: string) => void) => session.onWrite(listener));
    const unsubscribe = attach((data) => term.write(data));
    let painted = 0;
    term.write('', () => {
      ready = true;
      schedule();
      // xterm renders parsed data in its next animation frame; a frame callback registered now runs
      // right after that render, in the same frame.
      painted = requestAnimationFrame(() => initial.current.onPainted?.());
    });
    const observer = new ResizeObserver(schedule);
    observer.observe(host);
    termRef.current = term;
    refitRef.current = schedule;

    return () => {
      cancelAnimationFrame(frame);
      cancelAnimationFrame(painted);
      observer.disconnect();
      unsubscribe();
      for (const d of disposables) d.dispose();
      termRef.current = null;
      refitRef.current = null;
      term.dispose();
    };
  }, [session]);

  useEffect(() => {
    const term = termRef.current;
    if (!term || term.options.fontSize === fontSize) return;
    term.options.fontSize = fontSize;
    refitRef.current?.();
  }, [fontSize]);

  useEffect(() => {
    const term = termRef.current;
    if (term) term.options.screenReaderMode = screenReaderMode;
  }, [screenReaderMode]);

  useEffect(() => {
    const term = termRef.current;
    if (term) term.options.cursorBlink = cursorBlink;
  }, [cursorBlink]);

  useEffect(() => {
    termRef.current?.textarea?.setAttribute('aria-label', label);
  }, [label]);

  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    setAnnouncement('');
    return session.onAnnounce?.(setAnnouncement);
  }, [session]);
  const describe = useRef(describeCommandEnd);
  useEffect(() => {
    describe.current = describeCommandEnd;
  });
  useEffect(() => session.onCommandEnd?.((result) => {
    const text = describe.current?.(result) ?? '';
    // A live region only speaks when its text changes: the same result twice differs by a space.
    if (text !== '') setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));
  }), [session]);

  const hintId = `${testId}-hint`;
  return (
    <div className="kp-terminal" data-testid={testId} role="group" aria-label={label} aria-describedby={hintId}>
      <span id={hintId} className="kp-terminal-hint">{leaveHint}</span>
      <span className="kp-terminal-hint" aria-live="polite" data-testid={`${testId}-announce`}>{announcement}</span>
      <div className="kp-terminal-host" ref={hostRef} />
      <span ref={exitRef} tabIndex={-1} className="kp-terminal-exit" data-testid={`${testId}-exit`}>
        {leftHint}
      </span>
    </div>
  );
}
