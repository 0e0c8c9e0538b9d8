/**
 * describe for namespaces, config maps, secrets and endpoints, as describe.go (v1.27) writes them:
 * a namespace's quota and limit-range sentences, a config map's `Data` / `BinaryData` sections
 * (keys sorted; Go's map order would vary), a secret's sizes instead of its values, and an
 * endpoints object's subsets with their ports.
 */
import { base64Decode, base64ToBytes, type ConfigMap, type Endpoints, type Event, type Namespace, type Secret, type Stored } from '../../../../../engine';
import { writeEvents } from './events';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, writeAnnotations, writeLabels } from './writer';

function head(w: DescribeWriter, obj: Stored, namespaced = true): void {
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  if (namespaced) w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
}

const sortedKeys = (o: Readonly<Record<string, unknown>> | undefined): string[] => Object.keys(o ?? {}).sort();

export function describeNamespace(ns: Stored<Namespace>): string {
  const w = new DescribeWriter();
  head(w, ns, false);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, '\nNo resource quota.\n');
  w.write(LEVEL_0, '\nNo LimitRange resource.\n');
  return w.text();
}

export function describeConfigMap(cm: Stored<ConfigMap>, events: readonly Stored<Event>[] | undefined, now: number): string {
  const w = new DescribeWriter();
  head(w, cm);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const key of sortedKeys(cm.data)) w.write(LEVEL_0, `${key}:\n----\n${cm.data![key]}\n`);
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const key of sortedKeys(cm.binaryData)) w.write(LEVEL_0, `${key}: ${base64ToBytes(cm.binaryData![key]!)?.length ?? 0} bytes\n`);
  w.write(LEVEL_0, '\n');
  writeEvents(w, events, now);
  return w.text();
}

/** Secrets show sizes, never values (a service account token is the one value shown). */
export function describeSecret(secret: Stored<Secret>): string {
  const w = new DescribeWriter();
  head(w, secret);
  w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const key of sortedKeys(secret.data)) {
    const raw = secret.data![key]!;
    if (key === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${key}:\t${base64Decode(raw) ?? ''}\n`);
    else w.write(LEVEL_0, `${key}:\t${base64ToBytes(raw)?.length ?? 0} bytes\n`);
  }
  return w.text();
}

export function describeEndpoints(ep: Stored<Endpoints>, events: readonly Stored<Event>[] | undefined, now: number): string {
  const w = new DescribeWriter();
  head(w, ep);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const subset of ep.subsets ?? []) {
    w.write(LEVEL_1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    if ((subset.ports ?? []).length > 0) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const port of subset.ports ?? []) w.write(LEVEL_2, `${port.name || '<unset>'}\t${port.port}\t${port.protocol ?? 'TCP'}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  writeEvents(w, events, now);
  return w.text();
}
