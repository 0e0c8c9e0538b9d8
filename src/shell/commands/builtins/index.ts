/** The shell's builtins: commands that run inside the shell and may change it. */
import type { Command } from '../../types';
import { alias, unalias } from './alias';
import { cd, pwd } from './cd';
import { breakBuiltin, colon, continueBuiltin, exit, falseBuiltin, jobs, logout, trueBuiltin, wait } from './control';
import { echo, printf } from './echo';
import { help } from './help';
import { history } from './history';
import { read } from './read';
import { dot, evalBuiltin, source } from './source';
import { bracket, test } from './test';
import { command, type } from './type';
import { exportBuiltin, set, shift, unset } from './vars';

export const BUILTINS: readonly Command[] = [
  colon, dot, bracket, alias, breakBuiltin, cd, command, continueBuiltin, echo, evalBuiltin, exit, exportBuiltin,
  falseBuiltin, help, history, jobs, logout, printf, pwd, read, set, shift, source, test, trueBuiltin, type,
  unalias, unset, wait,
];
