/** The verbs this kubectl implements, by name (aliases included). */
import type { Verb } from '../invocation';
import { apiResources } from './apiResources';
import { apply } from './apply';
import { clusterInfo } from './clusterInfo';
import { config } from './config';
import { create } from './create';
import { del } from './delete';
import { describe } from './describe';
import { diff } from './diff';
import { edit } from './edit';
import { explain } from './explain';
import { expose } from './expose';
import { get } from './get';
import { READ_VERBS } from './readVerbs';
import { patch } from './patch';
import { annotate, label } from './labels';
import { rollout } from './rollout';
import { runVerb } from './run';
import { scale } from './scale';
import { set } from './set';
import { version } from './version';

const LIST: readonly Verb[] = [get, describe, apply, create, del, version, clusterInfo, apiResources, config, runVerb, expose, scale, label, annotate, set, rollout, diff, patch, edit, explain, ...READ_VERBS];

export const VERBS: ReadonlyMap<string, Verb> = new Map(LIST.map((v) => [v.name, v]));
