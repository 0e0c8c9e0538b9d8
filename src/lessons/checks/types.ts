/**
 * The contract of a step check predicate: one file per predicate, listed in registry.ts (as the
 * shell lists its commands). A predicate reads engine state only, never terminal text: a learner
 * who reaches the state another way (a different command, a typo fixed later) still completes
 * the step, as Learn Git Branching compares trees rather than the commands typed.
 */
import type { World } from '../../engine';
import type { JsonValue, Lang } from '../model';

/** What argument validation may know about the playground. */
export interface ValidateContext {
  /** Host names of the playground ("node1", "node2"). */
  readonly nodes: readonly string[];
}

export type Validation<A> = { readonly ok: true; readonly args: A } | { readonly ok: false; readonly errors: readonly string[] };

/** One argument, for the format's documentation and for friendly errors. */
export interface ArgDoc {
  readonly name: string;
  readonly required: boolean;
  readonly description: string;
}

export interface CheckPredicate<A> {
  /** kebab-case, as authors write it: `- nodes-ready: { count: 2 }`. */
  readonly name: string;
  /** One line for docs/lessons.md. */
  readonly summary: string;
  readonly args: readonly ArgDoc[];
  validate(raw: { readonly [key: string]: JsonValue }, ctx: ValidateContext): Validation<A>;
  /** A short sentence shown next to the step: "node2 is Ready". */
  describe(args: A, lang: Lang): string;
  /** Cheap and pure: runs as often as every frame for the steps not yet done. */
  evaluate(world: World, args: A): boolean;
  /**
   * The check holds trivially before the lesson has made anything (an absence: "the namespace is
   * gone"), so progress counts it only once every step with checks before its own is done.
   */
  readonly ordered?: boolean;
}

/** A predicate with its argument type erased, for the registry. */
export interface AnyPredicate {
  readonly name: string;
  readonly summary: string;
  readonly ordered?: boolean;
  readonly args: readonly ArgDoc[];
  validate(raw: { readonly [key: string]: JsonValue }, ctx: ValidateContext): Validation<unknown>;
  describe(args: unknown, lang: Lang): string;
  evaluate(world: World, args: unknown): boolean;
}

/** Erases A safely: describe/evaluate only ever receive what validate produced. */
export function definePredicate<A>(predicate: CheckPredicate<A>): AnyPredicate {
  return predicate as unknown as AnyPredicate;
}
