/**
 * The coreutils' code, in one lazily loaded chunk: the first prompt needs none of it (index.ts
 * registers them by name), and the app preloads it right after the first prompt.
 */
import type { Command } from '../../types';
import { base64 } from './base64';
import { cat, less, more, tac } from './cat';
import { cp, mv } from './copy';
import { cut } from './cut';
import { df, du, free } from './disk';
import { env, sudo, which } from './exec';
import { grep } from './grep';
import { head, tail } from './headTail';
import { ln, touch } from './links';
import { ls } from './ls';
import { mkdir, rmdir } from './mkdir';
import { chgrp, chmod, chown } from './owners';
import { basenameCmd, dirnameCmd, readlink, realpath, seq } from './paths';
import { rm } from './rm';
import { sed } from './sed';
import { bash, sh, watch } from './shells';
import { sort, uniq } from './sortUniq';
import { stat } from './stat';
import { clear, hostname, id, uname, whoami } from './system';
import { tee } from './tee';
import { date, sleep, yes } from './time';
import { tr } from './tr';
import { tree } from './tree';
import { wc } from './wc';

export const COREUTIL_LIST: readonly Command[] = [
  base64, basenameCmd, bash, cat, chgrp, chmod, chown, clear, cp, cut, date, df, dirnameCmd, du, env, free, grep, head, hostname, id,
  less, ln, ls, mkdir, more, mv, readlink, realpath, rm, rmdir, sed, seq, sh, sleep, sort, stat, sudo, tac, tail, tee, touch, tr, tree, uname, uniq,
  watch, wc, which, whoami, yes,
];

export const COREUTIL_COMMANDS: ReadonlyMap<string, Command> = new Map(COREUTIL_LIST.map((c) => [c.name, c]));
