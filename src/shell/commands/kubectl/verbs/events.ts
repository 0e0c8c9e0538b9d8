/**
 * kubectl events (v1.27): the namespace's events sorted by when they last happened (unlike `get
 * events`, which lists them in the server's name order), OBJECT as `Kind/name`, repeated events as
 * `8s (x3 over 40s)`; `--for TYPE/NAME` narrows to one object, `--types` to Normal or Warning, `-w`
 * keeps printing new ones until Ctrl+C. The non-table printers are get's.
 */
import { mustResolve, resolveResourceType, type Event, type Stored, type WatchEvent } from '../../../../engine';
import { ageSince } from '../../../format/duration';
import { formatTable } from '../../../format/table';
import { sleep, type Program } from '../../../types';
import { flagBool, flagString, flagStrings } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { parseOutput, printObjects } from '../printers/output';

const EVENTS = mustResolve('events');
const POLL_MS = 100;

function lastTime(e: Event): number {
  return Date.parse(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '') || 0;
}

/** getInterval in kubectl's event printer. */
function interval(e: Event, now: number): string {
  const first = e.eventTime ? ageSince(e.eventTime, now) : ageSince(e.firstTimestamp, now);
  const series = (e as { series?: { count?: number; lastObservedTime?: string } }).series;
  if (series?.count) return `${ageSince(series.lastObservedTime, now)} (x${series.count} over ${first})`;
  if ((e.count ?? 1) > 1) return `${ageSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

function row(e: Event, now: number, allNamespaces: boolean): string[] {
  const cells = [interval(e, now), e.type ?? '', e.reason ?? '', `${e.involvedObject.kind ?? ''}/${e.involvedObject.name ?? ''}`, (e.message ?? '').trim()];
  return allNamespaces ? [e.metadata?.namespace ?? '', ...cells] : cells;
}

function header(allNamespaces: boolean): string[] {
  const h = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  return allNamespaces ? ['NAMESPACE', ...h] : h;
}

function* run(inv: Invocation): Program {
  if (inv.args.length > 0) return fail(inv, `unknown command "${inv.args[0]}" for "kubectl events"`);
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const output = parseOutput(flagString(inv.flags, 'output') ?? '', () => undefined);
  if (!output.ok) return fail(inv, output.error);
  const types = flagStrings(inv.flags, 'types').flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  for (const t of types) {
    if (!['normal', 'warning'].includes(t.toLowerCase())) return fail(inv, `valid --types are Normal or Warning`);
  }
  let forKind: string | undefined;
  let forName: string | undefined;
  const forText = flagString(inv.flags, 'for');
  if (forText) {
    const slash = forText.indexOf('/');
    if (slash < 0) return fail(inv, `--for must be in resource/name form`);
    const type = resolveResourceType(forText.slice(0, slash));
    if (!type) return fail(inv, `the server doesn't have a resource type "${forText.slice(0, slash)}"`);
    forKind = type.kind;
    forName = forText.slice(slash + 1);
  }
  const allNamespaces = flagBool(inv.flags, 'all-namespaces');
  const namespace = allNamespaces ? undefined : conn.settings.namespace;
  const wanted = (e: Event): boolean =>
    (types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase()))
    && (forKind === undefined || (e.involvedObject.kind === forKind && e.involvedObject.name === forName));
  const events = conn.store.list<Event>(EVENTS, { namespace }).filter(wanted).sort((a, b) => lastTime(a) - lastTime(b));
  const noHeaders = flagBool(inv.flags, 'no-headers');
  const spec = output.spec;
  if (spec.kind === 'table') {
    if (events.length === 0) inv.err(allNamespaces ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`);
    else inv.out(formatTable(noHeaders ? undefined : header(allNamespaces), events.map((e) => row(e, inv.now(), allNamespaces))));
  } else {
    const printed = printObjects(spec, events, false, () => 'event', noHeaders);
    inv.out(printed.text);
    if (printed.error !== undefined) return fail(inv, printed.error);
  }
  if (!flagBool(inv.flags, 'watch')) return 0;
  const queue: Stored<Event>[] = [];
  const off = conn.store.watch((w: WatchEvent) => {
    if (w.resource !== 'events' || w.type === 'DELETED') return;
    const e = w.object as Stored<Event>;
    if (namespace !== undefined && e.metadata.namespace !== namespace) return;
    if (wanted(e)) queue.push(e);
  });
  let headerShown = events.length > 0 || noHeaders || spec.kind !== 'table';
  try {
    for (;;) {
      yield sleep(POLL_MS);
      for (const e of queue.splice(0)) {
        if (spec.kind === 'table') {
          inv.out(formatTable(headerShown ? undefined : header(allNamespaces), [row(e, inv.now(), allNamespaces)]));
          headerShown = true;
        } else {
          inv.out(printObjects(spec, [e], true, () => 'event', true).text);
        }
      }
    }
  } finally {
    off();
  }
}

export const events: Verb = {
  name: 'events',
  summary: 'List events',
  usage: 'kubectl events [(-o|--output=)json|yaml|name|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  help: [
    'Display events.',
    '',
    ' Lists what happened in the cluster, oldest first: which pods were scheduled, which images pulled, which',
    'containers restarted. Narrow it to one object with --for, to warnings with --types=Warning, and add --watch to',
    'keep printing new events as they come.',
    '',
    'Examples:',
    '  # What happened in the current namespace',
    '  kubectl events',
    '  ',
    '  # Everything about one pod, and what happens to it next',
    '  kubectl events --for pod/web-7c8bbcd9bc-x2x9k --watch',
    '  ',
    '  # Only the warnings, in every namespace',
    '  kubectl events -A --types=Warning',
  ].join('\n'),
  flags: [
    { name: 'all-namespaces', short: 'A', kind: 'bool', description: 'List events of every namespace.', defaultText: 'false' },
    { name: 'for', kind: 'string', description: 'Only the events about this object (TYPE/NAME).', defaultText: "''" },
    { name: 'no-headers', kind: 'bool', description: 'Leave the header line out of the table.', defaultText: 'false' },
    { name: 'output', short: 'o', kind: 'string', description: 'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json, jsonpath-file).', defaultText: "''", values: ['json', 'yaml', 'name', 'jsonpath='] },
    { name: 'types', kind: 'strings', description: 'Only events of these types (Normal, Warning).', defaultText: '[]' },
    { name: 'watch', short: 'w', kind: 'bool', description: 'After listing the events, print new ones as they happen.', defaultText: 'false' },
  ],
  run,
};
