/**
 * The shell layer's public surface. Layers above import from here only.
 */
// Sessions: what a terminal talks to
export { createShellSession } from './session/session';
export type { ShellSession, ShellSessionOptions, OutputStreamName } from './session/session';
export { preloadCommands } from './session/preload';

// Commands and their registry entries
export type { Command, CommandContext, CompletionRequest, Effect, Environment, FlagSpec, InputStream, OutputStream, Program, SessionApi } from './types';
export { Interrupt, sleep } from './types';
export type { CommandEntry, LazyCommand } from './interpreter/commandTable';

// Parsing (lessons check that their blocks parse)
export { parse } from './parser/parse';
export type { ParseOptions, ParseResult } from './parser/parse';
export type { ContinuationReason } from './parser/errors';

// The terminal: line discipline, completion, cooked mode, journal (src/shell/terminal)
export { createTerminalSession } from './terminal/terminalSession';
export { createDeferredShell } from './terminal/deferredShell';
export type { DeferredShellOptions } from './terminal/deferredShell';
export type { JournalEntry, RunResult as TerminalRunResult, TerminalSession, TerminalSessionOptions } from './terminal/terminalTypes';
export type { TerminalShell } from './terminal/shellPort';
