/** The GNU userland of a CentOS 7 node, as much of it as the lessons and a curious learner need. */
import type { Command } from '../../types';

export const COREUTILS: readonly Command[] = [];
