/**
 * describe job (v1.27's describeJob): selector, parallelism and completions, completion mode,
 * suspend and back-off limit, start / completion times and duration, the pods' statuses, the pod
 * template and the events.
 */
import type { Event, LabelSelector, Stored } from '../../../../../engine';
import { humanDuration } from '../../../../format/duration';
import { rfc1123zOf } from '../../../../format/time';
import { formatLabelSelector } from '../cells';
import { writeEvents } from './events';
import { describePodTemplate } from './workloads';
import { DescribeWriter, LEVEL_0, writeAnnotations, writeLabels } from './writer';

interface JobShape {
  readonly spec?: {
    readonly selector?: LabelSelector;
    readonly parallelism?: number;
    readonly completions?: number;
    readonly completionMode?: string;
    readonly suspend?: boolean;
    readonly backoffLimit?: number;
    readonly activeDeadlineSeconds?: number;
    readonly template?: Parameters<typeof describePodTemplate>[1];
  };
  readonly status?: {
    readonly startTime?: string;
    readonly completionTime?: string;
    readonly active?: number;
    readonly ready?: number;
    readonly succeeded?: number;
    readonly failed?: number;
  };
}

export function describeJob(obj: Stored, events: readonly Stored<Event>[] | undefined, now: number): string {
  const job = obj as unknown as Stored & JobShape;
  const spec = job.spec ?? {};
  const st = job.status ?? {};
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
  writeLabels(w, 'Labels', job.metadata.labels);
  writeAnnotations(w, 'Annotations', job.metadata.annotations);
  const owner = job.metadata.ownerReferences?.find((r) => r.controller === true);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(LEVEL_0, `Parallelism:\t${spec.parallelism ?? 1}\n`);
  w.write(LEVEL_0, `Completions:\t${spec.completions ?? '<unset>'}\n`);
  if (spec.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  w.write(LEVEL_0, `Suspend:\t${spec.suspend === true}\n`);
  w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit ?? 6}\n`);
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123zOf(st.startTime)}\n`);
  if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123zOf(st.completionTime)}\n`);
  if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(st.completionTime) - Date.parse(st.startTime))}\n`);
  if (spec.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const ready = st.ready === undefined ? '' : ` (${st.ready} Ready)`;
  w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active${ready} / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
  describePodTemplate(w, spec.template);
  writeEvents(w, events, now);
  return w.text();
}
