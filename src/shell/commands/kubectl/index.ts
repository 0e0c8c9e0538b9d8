/**
 * kubectl, the client: finds the verb among the arguments (global flags may come first, as in
 * `kubectl -n kube-system get pods`), parses flags with pflag's rules, and runs the verb's
 * program. Verbs live one per file under verbs/; help and completion read their metadata.
 */
import type { World } from '../../../engine';
import type { Command, CommandContext, Program } from '../../types';
import { kubectlRandom } from './client';
import { completeKubectl } from './complete';
import { GLOBAL_FLAGS, flagBool, parseFlags, takesValue } from './flags';
import { ALL_COMMANDS, optionsHelp, topLevelHelp, unknownCommand, verbHelp } from './help';
import { done, type Invocation, type Verb } from './invocation';
import { VERBS } from './verbs';

const pids = new WeakMap<World, number>();

/** Process ids grow from one kubectl run to the next, as they would on the node. */
function nextPid(world: World): number {
  const rnd = kubectlRandom(world);
  const pid = (pids.get(world) ?? 1000 + rnd.int(9000)) + 1 + rnd.int(40);
  pids.set(world, pid);
  return pid;
}

/** Splits argv into the verb and the rest (global flags before the verb stay in the rest). */
function findVerb(args: readonly string[]): { verb: string | undefined; rest: string[] } {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a.startsWith('-') && a !== '-') {
      if (takesValue(a)) i++;
      continue;
    }
    return { verb: a, rest: [...args.slice(0, i), ...args.slice(i + 1)] };
  }
  return { verb: undefined, rest: [...args] };
}

function invocation(ctx: CommandContext, verb: string, parsed: Invocation['flags']): Invocation {
  const world = ctx.world;
  return {
    ctx,
    verb,
    flags: parsed,
    args: parsed.args,
    pid: nextPid(world),
    out: (text) => ctx.stdout.write(text),
    err: (text) => ctx.stderr.write(text),
    now: () => world.wallNow(),
  };
}

function run(ctx: CommandContext): Program {
  const { verb, rest } = findVerb(ctx.argv.slice(1));
  if (verb === undefined) {
    const parsed = parseFlags(rest, GLOBAL_FLAGS);
    if (!parsed.ok) {
      ctx.stderr.write(`error: ${parsed.error}\nSee 'kubectl --help' for usage.\n`);
      return done(1);
    }
    ctx.stdout.write(topLevelHelp());
    return done(0);
  }
  if (verb === 'help') {
    const target = rest.find((a) => !a.startsWith('-'));
    const v = target ? VERBS.get(target) : undefined;
    if (target && !v) {
      ctx.stderr.write(unknownCommand(target));
      return done(1);
    }
    ctx.stdout.write(v ? verbHelp(v) : topLevelHelp());
    return done(0);
  }
  if (verb === 'options') {
    ctx.stdout.write(optionsHelp(GLOBAL_FLAGS));
    return done(0);
  }
  const v: Verb | undefined = VERBS.get(verb);
  if (!v) {
    if (ALL_COMMANDS.includes(verb)) {
      ctx.stderr.write(`error: "kubectl ${verb}" is not available in this playground yet\n`);
      return done(1);
    }
    ctx.stderr.write(unknownCommand(verb));
    return done(1);
  }
  const parsed = parseFlags(rest, [...GLOBAL_FLAGS, ...v.flags]);
  if (!parsed.ok) {
    ctx.stderr.write(`error: ${parsed.error}\nSee 'kubectl ${verb} --help' for usage.\n`);
    return done(1);
  }
  if (flagBool(parsed.flags, 'help')) {
    ctx.stdout.write(verbHelp(v));
    return done(0);
  }
  return v.run(invocation(ctx, verb, parsed.flags));
}

export const kubectl: Command = {
  name: 'kubectl',
  summary: 'the Kubernetes command-line client',
  flags: GLOBAL_FLAGS.map((f) => ({
    name: `--${f.name}`, ...(f.short ? { short: `-${f.short}` } : {}), takesValue: f.kind !== 'bool', description: f.description,
  })),
  run,
  complete: completeKubectl,
};
