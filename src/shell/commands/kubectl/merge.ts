/**
 * kubectl apply's three-way merge, simplified from strategic merge patch: fields in the new
 * configuration win; fields the last applied configuration had but the new one dropped are
 * removed; fields only the live object has (server defaults, status, what controllers set) stay.
 * Lists of named things (containers, env, ports, volumes...) merge item by item on their key, as
 * strategic merge does; other lists are replaced.
 */
import { deepClone } from '../../../engine';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The merge key strategic merge patch uses for a list field, when it has one. */
function mergeKey(field: string, items: readonly unknown[]): string | undefined {
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'ports':
      return items.every((i) => isObj(i) && 'containerPort' in i) ? 'containerPort' : 'port';
    default:
      return undefined;
  }
}

export function threeWayMerge(original: unknown, modified: unknown, live: unknown): unknown {
  if (!isObj(modified) || !isObj(live)) return deepClone(modified);
  const out: Obj = deepClone(live);
  const orig = isObj(original) ? original : {};
  for (const [key, value] of Object.entries(modified)) {
    const current = live[key];
    if (isObj(value) && isObj(current)) {
      out[key] = threeWayMerge(orig[key], value, current);
    } else if (Array.isArray(value) && Array.isArray(current) && mergeKey(key, value) !== undefined) {
      out[key] = mergeList(mergeKey(key, value)!, Array.isArray(orig[key]) ? orig[key] as unknown[] : [], value, current);
    } else {
      out[key] = deepClone(value);
    }
  }
  for (const key of Object.keys(orig)) {
    if (!(key in modified)) delete out[key];
  }
  return out;
}

function mergeList(key: string, original: readonly unknown[], modified: readonly unknown[], live: readonly unknown[]): unknown[] {
  const keyOf = (item: unknown) => (isObj(item) ? item[key] : undefined);
  const out: unknown[] = modified.map((item) => {
    const match = live.find((l) => keyOf(l) !== undefined && keyOf(l) === keyOf(item));
    const before = original.find((o) => keyOf(o) !== undefined && keyOf(o) === keyOf(item));
    return match === undefined ? deepClone(item) : threeWayMerge(before, item, match);
  });
  for (const l of live) {
    const k = keyOf(l);
    const inModified = modified.some((m) => keyOf(m) === k);
    const inOriginal = original.some((o) => keyOf(o) === k);
    if (!inModified && !inOriginal) out.push(deepClone(l));
  }
  return out;
}
