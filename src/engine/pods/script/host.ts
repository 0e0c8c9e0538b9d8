/**
 * What a command line running in a container can touch: the container's files, its name and
 * address, name resolution, the network (as a client of the engine's Network), timers that die
 * with the process, and which programs the image ships. The pod runtime gives one to the main
 * process of a container; `kubectl exec` gets one for each command it runs.
 */
import type { TimerId } from '../../clock';
import type { NetClient } from '../../net/client';
import type { World } from '../../world';
import type { ContainerFiles } from '../podFs';
import type { ImageFlavour } from '../images';

export interface ScriptHost {
  readonly world: World;
  /** The node the container runs on: where its connections start. */
  readonly node: string;
  readonly ip: string;
  readonly hostname: string;
  readonly flavour: ImageFlavour;
  /** Who connects, for the Network and the traffic meter. */
  readonly client: NetClient;
  readonly files: ContainerFiles;
  /** The container's environment, in `env`'s order. */
  readonly env: readonly (readonly [string, string])[];
  /** PID 1's command line (`ps` shows it). */
  readonly command: readonly string[];
  resolve(name: string): string | undefined;
  setTimer(ms: number, fn: () => void): TimerId;
  clearTimer(id: TimerId): void;
}

/** Where a command writes. `out` and `err` take raw text (newlines included). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** What a pipeline's previous stage wrote, when the command reads its input. */
  readonly stdin?: string;
}

/** Is `name` (a bare command or a path) a program of this image? Unknown images may hold anything. */
export function hasBinary(host: Pick<ScriptHost, 'files' | 'flavour'>, name: string): boolean {
  if (host.flavour === 'unknown') return true;
  if (name.includes('/')) return host.files.readFile(name) !== undefined;
  for (const dir of ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    if (host.files.readFile(`${dir}/${name}`) !== undefined) return true;
  }
  return false;
}
