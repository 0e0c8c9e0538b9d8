/**
 * kubectl api-resources: the API's resource types (the engine's table), with NAME, SHORTNAMES,
 * APIVERSION, NAMESPACED and KIND (`-o wide` adds VERBS, `-o name` prints plural.group).
 */
import { RESOURCE_TYPES, apiVersionOf } from '../../../../engine';
import { formatTable } from '../../../format/table';
import type { Program } from '../../../types';
import { flagBool, flagString } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { resourceKey } from '../resources';

function* run(inv: Invocation): Program {
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const output = flagString(inv.flags, 'output') ?? '';
  if (!['', 'wide', 'name'].includes(output)) return fail(inv, `--output ${output} is not available`);
  const namespaced = flagString(inv.flags, 'namespaced');
  const group = flagString(inv.flags, 'api-group');
  const types = RESOURCE_TYPES.filter((t) => (namespaced === undefined || String(t.namespaced) === namespaced) && (group === undefined || t.group === group));
  if (output === 'name') {
    for (const t of types) inv.out(`${resourceKey(t)}\n`);
    return 0;
  }
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(output === 'wide' ? ['VERBS'] : [])];
  const rows = types.map((t) => [t.plural, t.shortNames.join(','), apiVersionOf(t), String(t.namespaced), t.kind, ...(output === 'wide' ? [`[${t.verbs.join(' ')}]`] : [])]);
  inv.out(formatTable(flagBool(inv.flags, 'no-headers') ? undefined : header, rows));
  return 0;
}

export const apiResources: Verb = {
  name: 'api-resources',
  summary: 'Print the supported API resources on the server',
  usage: 'kubectl api-resources [flags] [options]',
  help: 'Print the supported API resources on the server.\n\nExamples:\n  # Every resource type, with its short names\n  kubectl api-resources\n  \n  # Only the namespaced ones\n  kubectl api-resources --namespaced=true',
  flags: [
    { name: 'output', short: 'o', kind: 'string', description: 'Output format. One of: (wide, name).', defaultText: "''", values: ['wide', 'name'] },
    { name: 'namespaced', kind: 'string', description: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.', defaultText: 'true' },
    { name: 'api-group', kind: 'string', description: 'Limit to resources in the specified API group.', defaultText: "''" },
    { name: 'no-headers', kind: 'bool', description: 'When using the default or custom-column output format, don\'t print headers (default print headers).', defaultText: 'false' },
  ],
  run,
};
