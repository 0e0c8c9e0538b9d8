/**
 * A coreutil's shared behaviour: `--help` (usage and a summary) and `--version` (CentOS 7 ships
 * GNU coreutils 8.22) before the command's own parsing.
 */
import type { Command, CommandContext, CompletionRequest, Program } from '../../../types';
import { tryHelp } from './args';

export interface UtilSpec {
  readonly name: string;
  readonly summary: string;
  /** "[OPTION]... [FILE]..." */
  readonly usage: string;
  /** Lines under the usage in --help. */
  readonly details?: readonly string[];
  readonly package?: string;
  run(ctx: CommandContext): number | Program;
  /** Argument completion; file names when absent. */
  complete?(req: CompletionRequest): readonly string[];
}

export function defineUtil(spec: UtilSpec): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    ...(spec.complete ? { complete: (req: CompletionRequest) => spec.complete!(req) } : {}),
    run(ctx) {
      const args = ctx.argv.slice(1);
      const stop = args.indexOf('--');
      const before = stop < 0 ? args : args.slice(0, stop);
      if (before.includes('--help')) {
        ctx.stdout.write([`Usage: ${spec.name} ${spec.usage}`, spec.summary, ...(spec.details ?? []), ''].join('\n'));
        return 0;
      }
      if (before.includes('--version')) {
        ctx.stdout.write(`${spec.name} (${spec.package ?? 'GNU coreutils'}) 8.22\n`);
        return 0;
      }
      return spec.run(ctx);
    },
  };
}

/** Prints a usage error with GNU's trailer and returns the status to exit with. */
export function usageError(ctx: CommandContext, message: string, status = 1): number {
  ctx.stderr.write(`${message}\n${tryHelp(ctx.argv[0] ?? '')}`);
  return status;
}
