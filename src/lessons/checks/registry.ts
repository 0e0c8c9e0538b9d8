/**
 * Every check predicate a lesson may use, by the name authors write. Adding one: a file in this
 * folder exporting `definePredicate({...})`, one line here, a test, a line in docs/lessons.md.
 */
import { composeDown } from './composeDown';
import { composeRunning } from './composeRunning';
import { controlPlaneUp } from './controlPlaneUp';
import { deploymentReady } from './deploymentReady';
import { fileContains } from './fileContains';
import { fileExists } from './fileExists';
import { hashRate } from './hashRate';
import { kubectlConfigured } from './kubectlConfigured';
import { nodeJoined } from './nodeJoined';
import { nodesReady } from './nodesReady';
import { objectAbsent } from './objectAbsent';
import { objectExists } from './objectExists';
import { podsCreated } from './podsCreated';
import { podsReady } from './podsReady';
import { podsSpread } from './podsSpread';
import { rolloutComplete } from './rolloutComplete';
import { serviceEndpoints } from './serviceEndpoints';
import type { AnyPredicate } from './types';

export const PREDICATES: readonly AnyPredicate[] = [
  controlPlaneUp,
  kubectlConfigured,
  nodeJoined,
  nodesReady,
  podsReady,
  podsSpread,
  deploymentReady,
  rolloutComplete,
  podsCreated,
  serviceEndpoints,
  objectExists,
  objectAbsent,
  fileExists,
  fileContains,
  composeRunning,
  hashRate,
  composeDown,
];

const BY_NAME = new Map(PREDICATES.map((p) => [p.name, p]));

export function predicateNamed(name: string): AnyPredicate | undefined {
  return BY_NAME.get(name);
}
