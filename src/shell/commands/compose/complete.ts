/**
 * Tab completion for docker-compose (and `docker compose`): its commands, their options, and the
 * services of the compose file found from the working directory.
 */
import type { CompletionRequest } from '../../types';
import { loadProject } from './project';
import { COMMAND_FLAGS } from './flags';
import { COMMAND_SUMMARIES } from './help';

const SERVICE_COMMANDS = new Set(['up', 'stop', 'start', 'restart', 'kill', 'rm', 'ps', 'logs', 'build', 'pull', 'exec', 'port', 'scale']);

/** Completes the words after `docker-compose` (or after `docker compose`). */
export function completeComposeWords(req: CompletionRequest, words: readonly string[]): readonly string[] {
  const match = (list: Iterable<string>): string[] => [...new Set(list)].filter((c) => c.startsWith(req.current)).sort();
  const command = words.find((w) => !w.startsWith('-'));
  if (command === undefined) {
    if (req.current.startsWith('-')) return match(['--file', '--project-name', '--no-ansi', '--version', '--help', '--project-directory']);
    return match(COMMAND_SUMMARIES.map(([n]) => n));
  }
  if (req.current.startsWith('-')) return match((COMMAND_FLAGS[command] ?? []).flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]));
  if (!SERVICE_COMMANDS.has(command)) return [];
  const loaded = loadProject({ fs: req.host.fs, cwd: req.cwd, env: (n) => req.env.get(n), files: [], projectName: undefined, projectDirectory: undefined });
  if (!loaded.ok) return [];
  const names = loaded.project.services.map((s) => s.name);
  return match(command === 'scale' ? names.map((n) => `${n}=`) : names);
}

export function completeCompose(req: CompletionRequest): readonly string[] {
  return completeComposeWords(req, req.words.slice(1));
}
