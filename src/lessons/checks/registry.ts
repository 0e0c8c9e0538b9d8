/**
 * Every check predicate a lesson may use, by the name authors write. Adding one: a file in this
 * folder exporting `definePredicate({...})`, one line here, a test, a line in docs/lessons.md.
 */
import { composeDown } from './composeDown';
import { composeRunning } from './composeRunning';
import { controlPlaneUp } from './controlPlaneUp';
import { fileExists } from './fileExists';
import { hashRate } from './hashRate';
import { kubectlConfigured } from './kubectlConfigured';
import { nodeJoined } from './nodeJoined';
import { nodesReady } from './nodesReady';
import { objectExists } from './objectExists';
import { podsReady } from './podsReady';
import type { AnyPredicate } from './types';

export const PREDICATES: readonly AnyPredicate[] = [
  controlPlaneUp,
  kubectlConfigured,
  nodeJoined,
  nodesReady,
  podsReady,
  objectExists,
  fileExists,
  composeRunning,
  hashRate,
  composeDown,
];

const BY_NAME = new Map(PREDICATES.map((p) => [p.name, p]));

export function predicateNamed(name: string): AnyPredicate | undefined {
  return BY_NAME.get(name);
}
