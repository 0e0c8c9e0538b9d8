/**
 * `docker ps` (Docker 20.10): running containers newest first, `-a` for all, `-q` for ids only,
 * `--no-trunc`, `-n`/`-l`, `--filter name=|status=|label=|ancestor=` and `--format` with the
 * CLI's placeholders (`table {{.Names}}\t{{.Status}}`).
 */
import type { ContainerInfo, DockerEngine } from '../../../engine';
import type { CommandContext } from '../../types';
import { ago, commandLine, dockerTable, ellipsis, portsText, statusText } from './format';
import { flagValue, flagValues, type FlagDef, type ParsedFlags } from './flags';
import { renderTemplate, type TemplateParse, parseTemplate } from './template';

export const PS_FLAGS: readonly FlagDef[] = [
  { long: 'all', short: 'a', description: 'Show all containers (default shows just running)' },
  { long: 'quiet', short: 'q', description: 'Only display container IDs' },
  { long: 'no-trunc', description: "Don't truncate output" },
  { long: 'latest', short: 'l', description: 'Show the latest created container (includes all states)' },
  { long: 'last', short: 'n', value: true, description: 'Show n last created containers (includes all states)' },
  { long: 'filter', short: 'f', value: true, description: 'Filter output based on conditions provided' },
  { long: 'format', value: true, description: 'Pretty-print containers using a Go template' },
  { long: 'size', short: 's', description: 'Display total file sizes' },
];

const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['ID', 'CONTAINER ID'], ['Image', 'IMAGE'], ['Command', 'COMMAND'], ['CreatedAt', 'CREATED AT'], ['RunningFor', 'CREATED'],
  ['Status', 'STATUS'], ['Ports', 'PORTS'], ['Names', 'NAMES'], ['State', 'STATE'], ['Labels', 'LABELS'], ['Networks', 'NETWORKS'],
  ['Size', 'SIZE'], ['Mounts', 'MOUNTS'],
];

function matchesFilter(c: ContainerInfo, filter: string, engine: DockerEngine): boolean {
  const eq = filter.indexOf('=');
  const key = filter.slice(0, eq);
  const value = filter.slice(eq + 1);
  switch (key) {
    case 'name': return c.name.includes(value);
    case 'id': return c.id.startsWith(value);
    case 'status': return c.state === value;
    case 'ancestor': return c.image === value || engine.images.get(value)?.id === c.imageId;
    case 'network': return c.network === value;
    case 'label': {
      const [k, v] = value.split('=');
      return k !== undefined && k in c.labels && (v === undefined || c.labels[k] === v);
    }
    default: return true;
  }
}

export function containerFields(c: ContainerInfo, engine: DockerEngine, now: number, trunc: boolean): Record<string, string> {
  const command = commandLine(c.command);
  return {
    ID: trunc ? c.id.slice(0, 12) : c.id,
    Image: c.image,
    Command: `"${trunc ? ellipsis(command, 20) : command}"`,
    CreatedAt: `${new Date(c.created).toISOString().replace('T', ' ').slice(0, 19)} +0000 UTC`,
    RunningFor: ago(c.created, now),
    Status: statusText(c, now, engine.health(c)),
    Ports: portsText(c),
    Names: c.name,
    State: c.state,
    Labels: Object.entries(c.labels).map(([k, v]) => `${k}=${v}`).join(','),
    Networks: c.network,
    Size: '0B (virtual 0B)',
    Mounts: c.mounts.map((m) => ellipsis(m.source, 15)).join(','),
  };
}

export function runPs(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): number {
  const now = ctx.world.wallNow();
  const last = Number(flagValue(parsed, 'last') ?? (parsed.bools.has('latest') ? 1 : -1));
  let list = engine.containers(parsed.bools.has('all') || last > 0);
  for (const f of flagValues(parsed, 'filter')) {
    if (!f.includes('=')) {
      ctx.stderr.write(`Error response from daemon: Invalid filter '${f}'\n`);
      return 1;
    }
    list = list.filter((c) => matchesFilter(c, f, engine));
  }
  if (last > 0) list = list.slice(0, last);
  const trunc = !parsed.bools.has('no-trunc');
  if (parsed.bools.has('quiet')) {
    ctx.stdout.write(list.map((c) => `${trunc ? c.id.slice(0, 12) : c.id}\n`).join(''));
    return 0;
  }
  const format = flagValue(parsed, 'format');
  let template: TemplateParse;
  if (format !== undefined) {
    template = parseTemplate(format);
    if (!template.ok) {
      ctx.stderr.write(`${template.error}\n`);
      return 64;
    }
  } else {
    template = parseTemplate('table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}');
  }
  if (!template.ok) return 1;
  const rows = list.map((c) => containerFields(c, engine, now, trunc));
  ctx.stdout.write(renderTemplate(template.template, rows, Object.fromEntries(COLUMNS), dockerTable));
  return 0;
}
