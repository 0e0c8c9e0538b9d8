/**
 * kubectl get -w: after the initial list, one row per change (added, modified or deleted object)
 * as it happens, no header repeated. Column widths only ever grow, as kubectl's tabwriter with
 * RememberWidths keeps them. Runs until Ctrl+C.
 */
import { matchesSelector, type Selector, type Stored, type WatchEvent } from '../../../../engine';
import { textWidth } from '../../../format/tabwriter';
import { sleep, type Program } from '../../../types';
import type { ApiConnection } from '../client';
import type { Invocation } from '../invocation';
import { resourceKey, type ResourceRequest } from '../resources';
import { tableCells, type TableOptions } from './get';

const POLL_MS = 100;

export function* watchLoop(
  inv: Invocation, conn: ApiConnection, request: ResourceRequest, namespace: string | undefined, selector: Selector | undefined, opts: TableOptions,
): Program {
  const key = resourceKey(request.type);
  const queue: Stored[] = [];
  const unwatch = conn.store.watch((event: WatchEvent) => {
    if (event.resource !== key) return;
    const obj = event.object;
    if (request.type.namespaced && namespace !== undefined && obj.metadata.namespace !== namespace) return;
    if (request.names.length > 0 && !request.names.includes(obj.metadata.name)) return;
    if (selector && !matchesSelector(selector, obj.metadata.labels)) return;
    queue.push(obj);
  });
  // Widths of what the initial table printed, so new rows line up under it.
  const initial = conn.store.list(request.type, { namespace: request.type.namespaced ? namespace : undefined, selector });
  const first = tableCells(request, initial, inv.now(), opts);
  const widths = columnWidths([first.header, ...first.rows]);
  let headerShown = initial.length > 0 || opts.noHeaders;
  try {
    for (;;) {
      yield sleep(POLL_MS);
      while (queue.length > 0) {
        const obj = queue.shift()!;
        const { header, rows } = tableCells(request, [obj], inv.now(), opts);
        const row = rows[0]!;
        for (let i = 0; i < header.length; i++) widths[i] = Math.max(widths[i] ?? 0, textWidth(header[i]!) + 3, textWidth(row[i]!) + 3, 6);
        if (!headerShown) {
          inv.out(`${pad(header, widths)}\n`);
          headerShown = true;
        }
        inv.out(`${pad(row, widths)}\n`);
      }
    }
  } finally {
    unwatch();
  }
}

function columnWidths(lines: readonly (readonly string[])[]): number[] {
  const widths: number[] = [];
  for (const cells of lines) {
    cells.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, textWidth(cell) + 3, 6);
    });
  }
  return widths;
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(Math.max(0, widths[i]! - textWidth(c))))).join('');
}
