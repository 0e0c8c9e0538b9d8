/**
 * describe for services, deployments, replica sets and daemon sets, following describe.go
 * (v1.27): the Port/TargetPort/Endpoints lines of a service, the "Replicas: N desired | ..." line
 * of a deployment, and the Pod Template block (note the three-space container names).
 */
import type { DaemonSet, Deployment, Endpoints, Event, Pod, ReplicaSet, Service, Stored } from '../../../../../engine';

type PodTemplateSpec = NonNullable<Deployment['spec']>['template'];
import { rfc1123zOf } from '../../../../format/time';
import { formatLabels, formatLabelSelector } from '../cells';
import { writeEvents } from './events';
import { describeContainers, describeVolumes } from './pod';
import { DescribeWriter, LEVEL_0, LEVEL_1, writeAnnotations, writeLabels } from './writer';

function header(w: DescribeWriter, obj: Stored): void {
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
}

/** Endpoints of one service port: ip:port of each ready address, or <none>. */
function endpointsFor(ep: Endpoints | undefined, portName: string | undefined): string {
  const list: string[] = [];
  for (const ss of ep?.subsets ?? []) {
    for (const port of ss.ports ?? []) {
      if ((port.name ?? '') !== (portName ?? '')) continue;
      for (const a of ss.addresses ?? []) list.push(`${a.ip}:${port.port}`);
    }
  }
  if (list.length === 0) return '<none>';
  return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
}

export function describeService(svc: Stored<Service>, endpoints: Endpoints | undefined, events: readonly Stored<Event>[] | undefined, now: number): string {
  const w = new DescribeWriter();
  const spec = svc.spec ?? {};
  header(w, svc);
  writeLabels(w, 'Labels', svc.metadata.labels);
  writeAnnotations(w, 'Annotations', svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? 'ClusterIP'}\n`);
  w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy ?? 'SingleStack'}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? ['IPv4']).join(',')}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : spec.clusterIP ?? '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  for (const sp of spec.ports ?? []) {
    const name = sp.name || '<unset>';
    const protocol = sp.protocol ?? 'TCP';
    w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
    w.write(LEVEL_0, `TargetPort:\t${String(sp.targetPort ?? sp.port)}/${protocol}\n`);
    if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${endpointsFor(endpoints, sp.name)}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  writeEvents(w, events, now);
  return w.text();
}

/** DescribePodTemplate: labels, annotations, containers and volumes of the template. */
export function describePodTemplate(w: DescribeWriter, template: PodTemplateSpec | undefined): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  writeLabels(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) writeAnnotations(w, '  Annotations', template.metadata?.annotations);
  const spec = template.spec ?? { containers: [] };
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  const pod = { metadata: template.metadata ?? {}, spec } as Pod;
  if (spec.initContainers?.length) describeContainers(w, pod, 'Init Containers', spec.initContainers, undefined, '  ');
  describeContainers(w, pod, 'Containers', spec.containers, undefined, '  ');
  describeVolumes(w, spec.volumes ?? [], '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
}

/** "web-7c8bbcd9bc (3/3 replicas created)" */
function replicaSetsLine(sets: readonly ReplicaSet[]): string {
  if (sets.length === 0) return '<none>';
  return sets.map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
}

export function describeDeployment(d: Stored<Deployment>, replicaSets: readonly Stored<ReplicaSet>[], events: readonly Stored<Event>[] | undefined, now: number): string {
  const w = new DescribeWriter();
  const spec = d.spec;
  const st = d.status ?? {};
  header(w, d);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123zOf(d.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec?.selector)}\n`);
  w.write(LEVEL_0, `Replicas:\t${spec?.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`);
  w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? 'RollingUpdate'}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
  const ru = spec?.strategy?.rollingUpdate;
  if (ru || (spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
    w.write(LEVEL_0, `RollingUpdateStrategy:\t${String(ru?.maxUnavailable ?? '25%')} max unavailable, ${String(ru?.maxSurge ?? '25%')} max surge\n`);
  }
  describePodTemplate(w, spec?.template);
  if (st.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const owned = replicaSets.filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
  const template = JSON.stringify(spec?.template?.spec ?? {});
  const newRs = owned.filter((rs) => JSON.stringify(rs.spec?.template?.spec ?? {}) === template);
  const oldRs = owned.filter((rs) => !newRs.includes(rs) && (rs.spec?.replicas ?? 0) > 0);
  w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsLine(oldRs)}\n`);
  w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsLine(newRs.slice(0, 1))}\n`);
  writeEvents(w, events, now);
  return w.text();
}

export function describeReplicaSet(rs: Stored<ReplicaSet>, pods: readonly Pod[], events: readonly Stored<Event>[] | undefined, now: number): string {
  const w = new DescribeWriter();
  header(w, rs);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  writeLabels(w, 'Labels', rs.metadata.labels);
  writeAnnotations(w, 'Annotations', rs.metadata.annotations);
  const owner = rs.metadata.ownerReferences?.find((r) => r.controller === true);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(pods)}\n`);
  describePodTemplate(w, rs.spec?.template);
  writeEvents(w, events, now);
  return w.text();
}

export function describeDaemonSet(ds: Stored<DaemonSet>, pods: readonly Pod[], events: readonly Stored<Event>[] | undefined, now: number): string {
  const w = new DescribeWriter();
  const st = ds.status;
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(ds.spec?.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  writeLabels(w, 'Labels', ds.metadata.labels);
  writeAnnotations(w, 'Annotations', ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(pods)}\n`);
  describePodTemplate(w, ds.spec?.template);
  writeEvents(w, events, now);
  return w.text();
}

/** "2 Running / 0 Waiting / 0 Succeeded / 0 Failed" */
function podsStatus(pods: readonly Pod[]): string {
  const count = (phase: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}
