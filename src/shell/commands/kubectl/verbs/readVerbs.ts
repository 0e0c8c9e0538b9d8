/** The verbs that read from pods and the cluster's services (logs, exec, events...), registered in index.ts. */
import type { Verb } from '../invocation';
import { attach } from './attach';
import { events } from './events';
import { exec } from './exec';
import { logs } from './logs';
import { portForward } from './portForward';
import { proxy } from './proxy';

export const READ_VERBS: readonly Verb[] = [logs, exec, events, portForward, proxy, attach];
