/**
 * Template variables in runnable blocks (`{{joinCommand}}`): values that only exist once the
 * learner's world has them (a token kubeadm made up), resolved when the block is clicked or
 * replayed. One file per variable, listed in registry.ts.
 */
import type { World } from '../../engine';
import type { Lang } from '../model';

export interface TemplateVariable {
  /** camelCase, as written between the braces. */
  readonly name: string;
  /** One line for docs/lessons.md. */
  readonly summary: string;
  /** The value now, or undefined while the world doesn't have it yet. */
  resolve(world: World): string | undefined;
  /** Why it can't be resolved now, in the learner's words ("run kubeadm init on node1 first"). */
  unavailable(world: World, lang: Lang): string;
}
