/**
 * A terminal session: what sits between xterm.js and a shell, the part a real tty and readline
 * play together. While the shell waits for a command, keys go to the line editor; while a job
 * runs, the tty is in cooked mode (echo, Backspace, Enter sends the line to the job's stdin,
 * Ctrl+C interrupts, Ctrl+D closes stdin). Input that arrived together with the command that
 * started the job (a multi-line paste, automation) is typeahead: it waits, unechoed, and is typed
 * at the next prompt, one line per prompt, exactly like a paste into bash.
 *
 * Every line given to the shell or to a job, every ^C and ^D goes to the journal with the virtual
 * time: replaying those entries at the same times on a fresh world with the same seed gives the
 * same screen. Completion listings and Ctrl+L are display only and are not journaled.
 */
import { Emitter, type Unsubscribe } from '../../engine';
import { complete } from './completion/load';
import { CompletionHold } from './completionHold';
import { CookedLine } from './cooked';
import { KeyDecoder, keyBytes, type Key } from './keys';
import { LineEditor, type EditorEvent } from './lineEditor';
import type { TerminalShell } from './shellPort';
import type { JournalEntry, RunResult, TerminalSession, TerminalSessionOptions } from './terminalTypes';
import { TerminalOutput } from './output';
import { Typeahead, type RunRequest } from './typeahead';

type Mode = 'new' | 'prompt' | 'running';

interface Events extends Record<string, unknown> {
  write: string;
  journal: JournalEntry;
  announce: string;
  commandEnd: RunResult;
}

const BRACKETED_PASTE_ON = '\x1b[?2004h';

export function createTerminalSession(shell: TerminalShell, opts: TerminalSessionOptions = {}): TerminalSession {
  return new Session(shell, opts);
}

class Session implements TerminalSession {
  private shell: TerminalShell;
  private detach: Unsubscribe[] = [];
  private mode: Mode = 'new';
  private continuation = false;
  private readonly queue = new Typeahead();
  private draining = false;
  private readonly cooked = new CookedLine();
  private interrupted = false;
  private activeRun: RunRequest | undefined;
  private stash: string | undefined;
  private inAccept = false;
  private endedInAccept: number | undefined;
  private exitRequested = false;
  /** Lines typed (and echoed) while the job was not reading: the tty keeps them for bash. */
  private ttyLines = '';
  private outputTail = '';
  /** What the command line now running printed (its head): screen readers hear it when it ends. */
  private jobOutput = '';
  /** A Tab that came before completion could answer, and the input after it. */
  private readonly hold = new CompletionHold();
  /** Output before start(): nobody listens to the terminal yet. */
  private early = '';
  private cols: number;
  private height: number;
  private readonly events = new Emitter<Events>();
  private readonly decoder = new KeyDecoder();
  private readonly out: TerminalOutput;
  private readonly editor: LineEditor;

  constructor(shell: TerminalShell, private readonly opts: TerminalSessionOptions) {
    this.cols = Math.max(2, opts.columns ?? 80);
    this.height = Math.max(1, opts.rows ?? 24);
    this.out = new TerminalOutput(this.cols, (bytes) => this.events.emit('write', bytes));
    this.shell = shell;
    this.editor = new LineEditor(
      { write: (bytes) => this.out.bytes(bytes), record: (text) => this.out.transcript.write(text) },
      { history: () => this.shell.history, complete: (line, cursor) => complete(this.shell, line, cursor) },
      this.cols,
    );
    this.attach(shell);
  }

  get busy(): boolean {
    return this.mode === 'running' || this.activeRun !== undefined || this.queue.hasRuns;
  }

  get rawMode(): boolean { return this.shell.rawMode === true; }
  get columns(): number { return this.cols; }
  get rows(): number { return this.height; }

  onWrite(listener: (data: string) => void): Unsubscribe { return this.events.on('write', listener); }
  onJournal(listener: (entry: JournalEntry) => void): Unsubscribe { return this.events.on('journal', listener); }
  onAnnounce(listener: (text: string) => void): Unsubscribe { return this.events.on('announce', listener); }
  onCommandEnd(listener: (result: RunResult) => void): Unsubscribe { return this.events.on('commandEnd', listener); }

  transcript(): string {
    return this.out.transcript.text(this.editor.plain);
  }

  start(banner?: string): void {
    if (this.mode !== 'new') return;
    this.out.bytes(BRACKETED_PASTE_ON);
    if (banner) this.out.text(banner.replace(/\r\n/g, '\n'));
    // What the shell printed before start (its startup files) follows the banner, as .bashrc's motd did.
    this.out.text(this.early);
    this.early = '';
    this.showPrompt();
    this.drain();
  }

  input(data: string): void {
    if (this.hold.holding) return this.hold.add(data);
    if (this.shell.rawMode) {
      this.rawInput(data);
      return;
    }
    const keys = this.decoder.decode(data);
    const arrivedAtPrompt = this.mode !== 'running';
    for (const [i, key] of keys.entries()) {
      const tabAtPrompt = key.kind === 'key' && key.name === 'tab' && this.mode === 'prompt' && this.queue.length === 0 && !this.shell.rawMode;
      if (tabAtPrompt && this.hold.holdTab(this.shell, keys.slice(i), (held) => this.input(held))) return;
      this.dispatch(key, arrivedAtPrompt);
    }
  }

  resize(cols: number, rows: number): void {
    this.cols = Math.max(2, Math.floor(cols));
    this.height = Math.max(1, Math.floor(rows));
    this.out.resize(this.cols);
    this.editor.resize(this.cols);
    this.shell.resize(this.cols, this.height);
  }

  replay(entry: JournalEntry): void {
    switch (entry.kind) {
      case 'line':
        if (this.mode === 'prompt') {
          this.editor.setText(entry.text);
          this.onEditorEvent(this.editor.accept(), true);
        } else {
          this.cookedKey({ kind: 'paste', text: entry.text });
          this.cookedKey({ kind: 'key', name: 'enter' });
        }
        return;
      case 'interrupt':
        if (this.mode === 'prompt') {
          this.editor.setText(entry.text ?? '');
          this.onEditorEvent(this.editor.interrupt(), true);
        } else {
          this.cookedInterrupt();
        }
        return;
      case 'eof':
        if (this.mode === 'prompt') this.promptEof();
        else this.cookedEof();
        return;
      case 'keys':
        if (this.shell.rawMode) this.rawInput(entry.text);
        return;
    }
  }

  run(line: string): Promise<RunResult> {
    const done = this.queue.run(line);
    this.drain();
    return done;
  }

  // --- input routing -------------------------------------------------------------------------

  private dispatch(key: Key, arrivedAtPrompt: boolean): void {
    // The command before this key took the terminal raw: the rest of the chunk is its input.
    if (this.shell.rawMode) {
      this.rawInput(keyBytes(key));
      return;
    }
    if (this.mode === 'prompt' && this.queue.length === 0) {
      this.onEditorEvent(this.editor.handle(key), true);
      return;
    }
    if (this.mode === 'running' && key.kind === 'key' && key.name === 'ctrl-c') {
      this.cookedInterrupt();
      return;
    }
    // ^C and ^D act at once, as the tty's ISIG and VEOF do, whatever input is pending.
    if (this.mode === 'running' && key.kind === 'key' && key.name === 'ctrl-d') {
      this.cookedEof();
      return;
    }
    if (this.mode === 'running' && !arrivedAtPrompt && this.queue.length === 0) {
      this.cookedKey(key);
      return;
    }
    this.queue.key(key, true);
  }

  private onEditorEvent(event: EditorEvent | undefined, journal: boolean): void {
    if (!event) return;
    switch (event.kind) {
      case 'accept':
        this.submit(event.line, journal);
        return;
      case 'interrupt':
        this.journal(event.text === '' ? { kind: 'interrupt' } : { kind: 'interrupt', text: event.text });
        this.continuation = false;
        this.shell.interrupt();
        if (this.activeRun?.lastSubmitted) this.finishRun(130);
        this.showPrompt();
        return;
      case 'eof':
        this.promptEof();
        return;
      case 'clear':
        // The old prompt line scrolls into the scrollback with the rest of the screen.
        this.out.transcript.write(`${this.editor.plain}\n`);
        this.out.clearScreen();
        this.editor.redrawAtTop();
        return;
    }
  }

  /** Runs queued typeahead and automation while the shell is at its prompt. */
  private drain(): void {
    if (this.draining || this.mode !== 'prompt') return;
    this.draining = true;
    try {
      while (this.mode === 'prompt' && this.queue.length > 0) {
        const item = this.queue.shift()!;
        if (item.kind === 'key') {
          this.onEditorEvent(this.editor.handle(item.key), item.journal);
          continue;
        }
        if (this.activeRun !== item.run) {
          // Automation types over nothing: a half-typed command is put aside and given back after.
          if (this.editor.text !== '' && !this.continuation && this.stash === undefined) this.stash = this.editor.text;
          this.activeRun = item.run;
        }
        if (item.last) item.run.lastSubmitted = true;
        this.editor.setText(item.text);
        this.onEditorEvent(this.editor.accept(), true);
      }
    } finally {
      this.draining = false;
    }
  }

  // --- the shell -----------------------------------------------------------------------------

  private submit(line: string, journal: boolean): void {
    if (journal) this.journal({ kind: 'line', text: line });
    this.mode = 'running';
    this.jobOutput = '';
    this.inAccept = true;
    this.endedInAccept = undefined;
    let result: ReturnType<TerminalShell['acceptLine']>;
    try {
      result = this.shell.acceptLine(line);
    } catch {
      // The shell promises never to throw; if it does, the terminal must stay usable.
      result = 'empty';
    } finally {
      this.inAccept = false;
    }
    switch (result) {
      case 'incomplete':
        this.continuation = true;
        this.showPrompt();
        return;
      case 'empty':
        this.continuation = false;
        if (this.activeRun?.lastSubmitted) this.finishRun(0);
        this.showPrompt();
        return;
      case 'ran':
        this.continuation = false;
        if (this.endedInAccept !== undefined) this.jobEnded(this.endedInAccept);
        else if (!this.shell.busy) this.jobEnded(0);
        return;
    }
  }

  private jobEnded(exitCode: number): void {
    if (this.mode !== 'running') return;
    const wasInterrupted = this.interrupted;
    this.interrupted = false;
    const unread = this.unreadInput() + this.ttyLines;
    this.ttyLines = '';
    if (!wasInterrupted) {
      // A tty keeps what the job did not read for the next reader: bash, at its prompt.
      this.queue.unread(unread);
      const partial = this.cooked.text;
      this.cooked.clear();
      if (partial !== '') this.queue.key({ kind: 'paste', text: partial }, true);
    } else {
      this.cooked.clear();
      // bash starts a new line after a job killed by SIGINT, so the prompt is not glued to "^C".
      if (this.out.col !== 0) this.out.text('\n');
    }
    if (this.activeRun?.lastSubmitted) this.finishRun(exitCode);
    this.events.emit('commandEnd', { output: this.jobOutput, exitCode });
    if (this.exitRequested || this.shell.ended === true) this.relogin(false);
    this.showPrompt();
    this.drain();
  }

  private unreadInput(): string {
    try {
      return this.shell.takeUnreadInput?.() ?? '';
    } catch {
      return '';
    }
  }

  private showPrompt(): void {
    this.mode = 'prompt';
    const prompt = this.continuation ? this.shell.continuationPrompt() : this.shell.prompt();
    let text = '';
    const automationPending = this.activeRun !== undefined || this.queue.hasRuns;
    if (!this.continuation && this.stash !== undefined && !automationPending) {
      text = this.stash;
      this.stash = undefined;
    }
    this.editor.begin(prompt, this.out.col, text);
  }

  private promptEof(): void {
    this.journal({ kind: 'eof' });
    if (this.continuation) {
      // bash reports the unfinished command and goes back to its primary prompt.
      this.editor.accept();
      this.continuation = false;
      this.shell.interrupt();
      this.out.text('bash: syntax error: unexpected end of file\n');
      if (this.activeRun?.lastSubmitted) this.finishRun(2);
      this.showPrompt();
      return;
    }
    // A login shell says "logout" on ^D, right after the prompt.
    this.editor.close('logout');
    this.relogin(true);
    this.showPrompt();
  }

  private relogin(saidLogout: boolean): void {
    this.exitRequested = false;
    if (!saidLogout && !this.outputTail.endsWith('logout\n')) this.out.text('logout\n');
    if (this.opts.newSession) {
      for (const off of this.detach) off();
      this.shell = this.opts.newSession();
      this.attach(this.shell);
      this.shell.resize(this.cols, this.height);
    }
    this.continuation = false;
  }

  private attach(shell: TerminalShell): void {
    this.detach = [
      shell.onOutput((text) => this.onOutput(text)),
      shell.onJobEnd((code) => {
        if (this.inAccept) this.endedInAccept = code;
        else this.jobEnded(code);
      }),
      shell.onClearScreen(() => {
        this.out.clearScreen();
        if (this.editor.active && this.mode === 'prompt') this.editor.redrawAtTop();
      }),
    ];
    if (shell.onExit) {
      this.detach.push(shell.onExit(() => this.onExit()));
    }
    if (shell.onAnnounce) this.detach.push(shell.onAnnounce((text) => this.events.emit('announce', text)));
  }

  private onExit(): void {
    this.exitRequested = true;
    if (this.inAccept) return;
    if (this.mode === 'running' && !this.shell.busy) {
      this.jobEnded(0);
    } else if (this.mode === 'prompt') {
      // The job's end was announced first and its prompt is up: it belongs to the shell that ended.
      const typed = this.editor.text;
      this.editor.hide();
      this.relogin(false);
      this.showPrompt();
      if (typed !== '') this.editor.setText(typed);
    }
  }

  private onOutput(text: string): void {
    if (text === '') return;
    if (this.shell.rawMode) {
      // A full-screen program draws on the alternate screen: neither the transcript nor the column
      // tracker see it, and when it leaves, the shell's screen and cursor come back as they were.
      this.events.emit('write', text);
      return;
    }
    if (this.mode === 'new') {
      this.early += text;
      return;
    }
    if (this.mode === 'prompt' && this.editor.active) {
      this.editor.hide();
      this.out.text(text);
      this.editor.show(this.out.col);
    } else {
      this.out.text(text);
    }
    if (this.activeRun) this.activeRun.output += text;
    if (this.mode === 'running' && this.jobOutput.length < 8192) this.jobOutput += text;
    this.outputTail = (this.outputTail + text).slice(-16);
  }

  // --- cooked mode ---------------------------------------------------------------------------

  private cookedKey(key: Key): void {
    if (key.kind === 'text' || key.kind === 'paste') return this.out.text(this.cooked.type(key.text));
    if (key.kind !== 'key') return;
    switch (key.name) {
      case 'enter': {
        const line = this.cooked.text;
        this.cooked.clear();
        this.out.text('\n');
        this.journal({ kind: 'line', text: line });
        if (this.shell.takeUnreadInput || this.shell.waitingForInput !== false) this.shell.writeStdin(`${line}\n`);
        else this.ttyLines += `${line}\n`;
        return;
      }
      case 'backspace': return this.out.eraseEcho(this.cooked.backspace());
      case 'ctrl-w': return this.out.eraseEcho(this.cooked.eraseWord());
      case 'ctrl-u': return this.out.eraseEcho(this.cooked.clear());
      case 'ctrl-c': return this.cookedInterrupt();
      case 'ctrl-d': return this.cookedEof();
      default: return;
    }
  }

  private cookedInterrupt(): void {
    this.out.text('^C');
    this.journal({ kind: 'interrupt' });
    this.interrupted = true;
    this.cooked.clear();
    this.ttyLines = '';
    this.queue.dropKeys();
    this.shell.interrupt();
  }

  private cookedEof(): void {
    // ^D after some text would hand the partial line to the job; the journal has no entry for
    // that, so (to keep replay exact) it is ignored, and ^D only means end of input on an empty line.
    if (this.cooked.text !== '') return;
    this.journal({ kind: 'eof' });
    this.shell.closeStdin();
  }

  private rawInput(data: string): void {
    this.journal({ kind: 'keys', text: data });
    this.shell.writeRaw?.(data);
  }

  // --- automation and journal ----------------------------------------------------------------

  private finishRun(exitCode: number): void {
    const request = this.activeRun;
    if (!request) return;
    this.activeRun = undefined;
    request.resolve({ output: request.output, exitCode });
  }

  private journal(entry: { readonly kind: 'line' | 'keys'; readonly text: string } | { readonly kind: 'interrupt'; readonly text?: string } | { readonly kind: 'eof' }): void {
    this.events.emit('journal', { t: this.shell.world.now(), ...entry } as JournalEntry);
  }
}
