/**
 * The shell's builtins: commands that run inside the shell and may change it. The ones a login
 * shell and everyday typing need are here eagerly; the rest load on first use, as lazy programs
 * do, so they stay off the path to the first prompt.
 */
import type { CommandEntry } from '../../interpreter/commandTable';
import { alias, unalias } from './alias';
import { cd, pwd } from './cd';
import { breakBuiltin, colon, continueBuiltin, exit, falseBuiltin, jobs, logout, trueBuiltin, wait } from './control';
import { echo } from './echo';
import { history } from './history';
import { dot, evalBuiltin, source } from './source';
import { bracket, test } from './test';
import { exportBuiltin, set, shift, unset } from './vars';

export const BUILTINS: readonly CommandEntry[] = [
  colon, dot, bracket, alias, breakBuiltin, cd, continueBuiltin, echo, evalBuiltin, exit, exportBuiltin,
  falseBuiltin, history, jobs, logout, pwd, set, shift, source, test, trueBuiltin, unalias, unset, wait,
  { name: 'command', summary: 'Execute a simple command or display information about commands.', load: () => import('./type').then((m) => m.command) },
  { name: 'help', summary: 'Display information about builtin commands.', load: () => import('./help').then((m) => m.help) },
  { name: 'printf', summary: 'Formats and prints ARGUMENTS under control of the FORMAT.', load: () => import('./printf').then((m) => m.printf) },
  { name: 'read', summary: 'Read a line from the standard input and split it into fields.', load: () => import('./read').then((m) => m.read) },
  { name: 'type', summary: 'Display information about command type.', load: () => import('./type').then((m) => m.type) },
];
