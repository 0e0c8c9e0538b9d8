/**
 * The commands a shell can run: builtins (run inside the shell, they may change it) and programs,
 * some of them loaded lazily so the first prompt needs little JavaScript (kubectl, kubeadm...).
 */
import type { Command } from '../types';

/** A command whose module is imported on first use. */
export interface LazyCommand {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

export type CommandEntry = Command | LazyCommand;

export function isLazy(entry: CommandEntry): entry is LazyCommand {
  return 'load' in entry && !('run' in entry);
}

// Module loads are global (the bundler caches modules), so the loaded commands are too.
const loaded = new Map<LazyCommand, Command>();
const loading = new Map<LazyCommand, Promise<Command>>();

/** The command if it can run now, without waiting for a module. */
export function readyCommand(entry: CommandEntry): Command | undefined {
  return isLazy(entry) ? loaded.get(entry) : entry;
}

export function loadCommand(entry: CommandEntry): Promise<Command> {
  if (!isLazy(entry)) return Promise.resolve(entry);
  const done = loaded.get(entry);
  if (done) return Promise.resolve(done);
  let pending = loading.get(entry);
  if (!pending) {
    pending = entry.load().then(
      (command) => {
        loaded.set(entry, command);
        loading.delete(entry);
        return command;
      },
      (error: unknown) => {
        // Forget the failure: the next run tries again (a flaky connection while fetching a chunk).
        loading.delete(entry);
        throw error;
      },
    );
    loading.set(entry, pending);
  }
  return pending;
}

/** Where rpm would have installed each program; everything else lives in /usr/bin. */
const INSTALL_PATHS: Readonly<Record<string, readonly string[]>> = {
  // PWK wraps kubeadm with a script in /usr/local/bin that calls the rpm's /usr/bin/kubeadm.
  kubeadm: ['/usr/bin/kubeadm', '/usr/local/bin/kubeadm'],
  'docker-compose': ['/usr/local/bin/docker-compose'],
  // Scripts start with #!/bin/bash; the image's /bin is not the /usr/bin symlink CentOS 7 has.
  bash: ['/usr/bin/bash', '/bin/bash'],
  sh: ['/usr/bin/sh', '/bin/sh'],
};

/** Builtins that also exist as programs in /usr/bin on CentOS 7, so `which echo` finds one. */
const ALSO_PROGRAMS = new Set(['echo', 'printf', 'pwd', 'true', 'false', 'test', '[', 'cd', 'read', 'type', 'alias', 'unalias']);

export class CommandTable {
  private readonly builtinMap = new Map<string, CommandEntry>();
  private readonly entryMap = new Map<string, CommandEntry>();

  constructor(builtins: readonly CommandEntry[], commands: readonly CommandEntry[]) {
    for (const b of builtins) this.builtinMap.set(b.name, b);
    for (const c of commands) this.entryMap.set(c.name, c);
  }

  builtin(name: string): CommandEntry | undefined {
    return this.builtinMap.get(name);
  }

  builtins(): readonly CommandEntry[] {
    return [...this.builtinMap.values()];
  }

  /** A program by name (what a marker file in /usr/bin stands for). Builtins with a /usr/bin twin count too. */
  program(name: string): CommandEntry | undefined {
    return this.entryMap.get(name) ?? (ALSO_PROGRAMS.has(name) ? this.builtinMap.get(name) : undefined);
  }

  programs(): readonly CommandEntry[] {
    return [...this.entryMap.values()];
  }

  names(): string[] {
    return [...new Set([...this.builtinMap.keys(), ...this.entryMap.keys()])].sort();
  }

  /** The files that stand for each program in the host's filesystem. */
  installPaths(): ReadonlyArray<readonly [string, string]> {
    const out: [string, string][] = [];
    const names = [...this.entryMap.keys(), ...[...ALSO_PROGRAMS].filter((n) => this.builtinMap.has(n))];
    for (const name of names) for (const path of INSTALL_PATHS[name] ?? [`/usr/bin/${name}`]) out.push([path, name]);
    return out;
  }
}

/** First line of the marker file standing for a program: `#!kubeplay <name>`. */
export const MARKER_PREFIX = '#!kubeplay ';

export function markerContent(name: string, summary: string): string {
  return `${MARKER_PREFIX}${name}\n# ${summary}\n# This playground runs ${name} inside the page; this file marks where it is installed.\n`;
}

export function markerName(content: string): string | undefined {
  if (!content.startsWith(MARKER_PREFIX)) return undefined;
  const end = content.indexOf('\n');
  return content.slice(MARKER_PREFIX.length, end < 0 ? undefined : end).trim() || undefined;
}
