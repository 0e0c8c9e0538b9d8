/**
 * Tab completion for docker as its bash completion offers: subcommands, then container names
 * (running ones for stop/exec/kill/logs, all for rm/start/inspect), image references for
 * run/rmi/tag, network names, and docker compose's subcommands and services.
 */
import { existingDockerOf } from '../../../engine';
import type { CompletionRequest } from '../../types';
import { completeComposeWords } from '../compose/complete';
import { MANAGEMENT, SUBCOMMANDS } from './subcommands';

const RUNNING_ONLY = new Set(['stop', 'exec', 'kill', 'logs', 'restart']);
const CONTAINER_VERBS = new Set(['stop', 'exec', 'kill', 'logs', 'restart', 'rm', 'start', 'inspect', 'container-inspect']);
const IMAGE_VERBS = new Set(['run', 'rmi', 'tag', 'image-inspect', 'history']);

export function completeDocker(req: CompletionRequest): readonly string[] {
  const words = req.words.slice(1);
  const match = (list: Iterable<string>): string[] => [...new Set(list)].filter((c) => c.startsWith(req.current)).sort();
  if (words.length === 0) return match([...Object.keys(SUBCOMMANDS), ...Object.keys(MANAGEMENT), 'network', 'compose']);
  const first = words[0]!;
  if (first === 'compose') return completeComposeWords(req, words.slice(1));
  const engine = existingDockerOf(req.world, req.host.name);
  if (first === 'network') {
    if (words.length === 1) return match(['connect', 'create', 'disconnect', 'inspect', 'ls', 'prune', 'rm']);
    return match(engine?.networks().map((n) => n.name) ?? []);
  }
  let verb = first;
  if (MANAGEMENT[first]) {
    if (words.length === 1) return match(Object.keys(MANAGEMENT[first].verbs));
    verb = MANAGEMENT[first].verbs[words[1]!] ?? '';
  }
  if (req.current.startsWith('-')) {
    const flags = SUBCOMMANDS[verb]?.flags ?? [];
    return match(flags.flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]));
  }
  if (!engine) return [];
  if (CONTAINER_VERBS.has(verb)) {
    const all = !RUNNING_ONLY.has(verb);
    return match(engine.containers(all).map((c) => c.name));
  }
  if (IMAGE_VERBS.has(verb)) return match(engine.images.list().flatMap((i) => i.repoTags.map((t) => t.replace(/:latest$/, ''))));
  return [];
}
