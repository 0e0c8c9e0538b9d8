/**
 * A step's checks, validated once and ready to evaluate: compile validates the authored
 * arguments; progress and replay re-validate the compiled JSON (cheap) to get typed arguments.
 */
import type { World } from '../../engine';
import type { CheckSpec, Lang } from '../model';
import { predicateNamed } from './registry';
import type { ValidateContext } from './types';

export interface PreparedCheck {
  readonly spec: CheckSpec;
  /** Counts only once the checked steps before it are done (see CheckPredicate.ordered). */
  readonly ordered: boolean;
  describe(lang: Lang): string;
  evaluate(world: World): boolean;
}

export type Prepared = { readonly ok: true; readonly check: PreparedCheck } | { readonly ok: false; readonly errors: readonly string[] };

export function prepareCheck(spec: CheckSpec, ctx: ValidateContext): Prepared {
  const predicate = predicateNamed(spec.predicate);
  if (!predicate) return { ok: false, errors: [`unknown check "${spec.predicate}"`] };
  const validation = predicate.validate(spec.args, ctx);
  if (!validation.ok) return validation;
  const args = validation.args;
  return {
    ok: true,
    check: {
      spec,
      ordered: predicate.ordered ?? false,
      describe: (lang) => predicate.describe(args, lang),
      evaluate: (world) => predicate.evaluate(world, args),
    },
  };
}

/** Prepares a compiled lesson's checks; compiled lessons were validated, so failures are bugs. */
export function mustPrepareCheck(spec: CheckSpec, ctx: ValidateContext): PreparedCheck {
  const prepared = prepareCheck(spec, ctx);
  if (!prepared.ok) throw new Error(`invalid compiled check ${spec.predicate}: ${prepared.errors.join('; ')}`);
  return prepared.check;
}
