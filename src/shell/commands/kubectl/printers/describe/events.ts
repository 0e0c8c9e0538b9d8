/**
 * The Events section every describe ends with: "Events:  <none>" inside the aligned block above,
 * or (after a flush, so it aligns on its own) a Type / Reason / Age / From / Message table sorted
 * by last timestamp, with "(xN over M)" for repeated events.
 */
import type { Event, Stored } from '../../../../../engine';
import { ageSince } from '../../../../format/duration';
import { type DescribeWriter, LEVEL_0, LEVEL_1 } from './writer';

export function writeEvents(w: DescribeWriter, events: readonly Stored<Event>[] | undefined, now: number): void {
  // --show-events=false: no Events section at all.
  if (events === undefined) return;
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => (Date.parse(a.lastTimestamp ?? '') || 0) - (Date.parse(b.lastTimestamp ?? '') || 0));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = ageSince(e.eventTime ?? e.firstTimestamp, now);
    const interval = (e.count ?? 1) > 1 ? `${ageSince(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}

/** Events about an object: matched on kind, name, namespace and uid (a node's events carry its name as uid). */
export function eventsAbout(all: readonly Stored<Event>[], obj: Stored): Stored<Event>[] {
  return all.filter((e) => {
    const io = e.involvedObject;
    if (io.kind !== obj.kind || io.name !== obj.metadata.name) return false;
    if (obj.metadata.namespace && io.namespace !== obj.metadata.namespace) return false;
    return io.uid === undefined || io.uid === obj.metadata.uid || (obj.kind === 'Node' && io.uid === obj.metadata.name);
  });
}
