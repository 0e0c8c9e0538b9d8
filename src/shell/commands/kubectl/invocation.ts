/**
 * One run of kubectl: the parsed verb, flags and arguments, output helpers, and the steps every
 * verb shares (load the kubeconfig, connect, print errors the way cmdutil.CheckErr does).
 */
import type { CommandContext, Effect, Program } from '../../types';
import { connect, reportFailure, type ApiConnection } from './client';
import { flagBool, flagString, type FlagDef, type ParsedFlags } from './flags';
import { clientSettings, loadKubeconfig, type Kubeconfig, type SettingsResult } from './kubeconfig';

export interface Invocation {
  readonly ctx: CommandContext;
  /** "get", or "config view" for subcommands. */
  readonly verb: string;
  readonly flags: ParsedFlags;
  readonly args: readonly string[];
  /** This kubectl process's id (klog lines). */
  readonly pid: number;
  out(text: string): void;
  err(text: string): void;
  /** Wall-clock milliseconds now (ages). */
  now(): number;
}

/** A verb: one file each, with the metadata help and completion read. */
export interface Verb {
  readonly name: string;
  readonly summary: string;
  /** Flags beyond the global ones. */
  readonly flags: readonly FlagDef[];
  /** The help text above "Options:" (our own words, kubectl's layout). */
  readonly help: string;
  /** The line under "Usage:". */
  readonly usage: string;
  /** Subcommand names (rollout status, create deployment...), for completion. */
  readonly subcommands?: readonly string[];
  run(inv: Invocation): Program;
}

export function loadConfig(inv: Invocation): { ok: true; config: Kubeconfig } | { ok: false; error: string } {
  return loadKubeconfig(inv.ctx, { explicit: flagString(inv.flags, 'kubeconfig') });
}

export function settingsOf(inv: Invocation): SettingsResult {
  const loaded = loadConfig(inv);
  if (!loaded.ok) return loaded;
  return clientSettings(loaded.config, {
    context: flagString(inv.flags, 'context'),
    cluster: flagString(inv.flags, 'cluster'),
    user: flagString(inv.flags, 'user'),
    server: flagString(inv.flags, 'server'),
    namespace: flagString(inv.flags, 'namespace'),
    insecure: flagBool(inv.flags, 'insecure-skip-tls-verify'),
  });
}

/**
 * Connects to the API server the kubeconfig names. On failure prints what kubectl prints and
 * returns the exit code instead of a connection.
 */
export function* connectOrReport(inv: Invocation, discovery = true): Generator<Effect, ApiConnection | number, unknown> {
  const settings = settingsOf(inv);
  if (!settings.ok) {
    inv.err(`${settings.error.startsWith('Error in configuration') ? settings.error : `error: ${settings.error}`}\n`);
    return 1;
  }
  const result = connect(inv, settings.settings);
  if (result.ok) return result.conn;
  return yield* reportFailure(inv, result.failure, discovery);
}

/** cmdutil.CheckErr for a plain error: "error: " + message. */
export function fail(inv: Invocation, message: string): number {
  inv.err(`error: ${message}\n`);
  return 1;
}

/** A usage error, with the pointer to the verb's help that kubectl prints. */
export function usageError(inv: Invocation, message: string): number {
  inv.err(`error: ${message}\nSee '${commandPath(inv)} -h' for help and examples\n`);
  return 1;
}

export function commandPath(inv: Invocation): string {
  return `kubectl ${inv.verb}`;
}

/** A generator that just returns a code: lets simple verbs satisfy the Program type. */
// eslint-disable-next-line require-yield
export function* done(code: number): Program {
  return code;
}
