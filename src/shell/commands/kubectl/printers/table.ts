/**
 * One type's `kubectl get` table: NAMESPACE first with -A, the kind prefix on names when several
 * types are printed, `-L key` columns (headed by the key's last segment, upper-cased, as
 * formatLabelHeaders does) and LABELS last with --show-labels.
 */
import type { Stored } from '../../../../engine';
import { formatTable } from '../../../format/table';
import { kindPrefix, resourceKey, type ResourceRequest } from '../resources';
import { formatLabels } from './cells';
import { headerFor, nameColumnFirst, tableFor } from './columns';

export interface TableOptions {
  readonly wide: boolean;
  readonly withKind: boolean;
  readonly allNamespaces: boolean;
  readonly showLabels: boolean;
  readonly noHeaders: boolean;
  /** -L / --label-columns keys. */
  readonly labelColumns?: readonly string[];
}

/** The cells of one type's table, before layout. */
export function tableCells(request: ResourceRequest, objects: readonly Stored[], now: number, o: TableOptions): { header: string[]; rows: string[][] } {
  const key = resourceKey(request.type);
  const columns = tableFor(key);
  const withNamespace = o.allNamespaces && request.type.namespaced;
  const prefix = o.withKind ? `${kindPrefix(request.type)}/` : '';
  const labelColumns = o.labelColumns ?? [];
  let header = [...headerFor(key, o.wide)];
  if (withNamespace) header = ['NAMESPACE', ...header];
  for (const label of labelColumns) header.push(label.slice(label.lastIndexOf('/') + 1).toUpperCase());
  if (o.showLabels) header.push('LABELS');
  const rows = objects.map((obj) => {
    let cells = [...columns.row(obj, now, o.wide)];
    if (nameColumnFirst(key)) cells = [prefix + obj.metadata.name, ...cells];
    else if (o.wide) cells.push(prefix + obj.metadata.name);
    if (withNamespace) cells = [obj.metadata.namespace ?? '', ...cells];
    for (const label of labelColumns) cells.push(obj.metadata.labels?.[label] ?? '');
    if (o.showLabels) cells.push(formatLabels(obj.metadata.labels));
    return cells;
  });
  return { header, rows };
}

/** One type's table: header (unless --no-headers) and rows. */
export function renderTable(request: ResourceRequest, objects: readonly Stored[], now: number, o: TableOptions): string {
  const { header, rows } = tableCells(request, objects, now, o);
  return formatTable(o.noHeaders ? undefined : header, rows);
}
