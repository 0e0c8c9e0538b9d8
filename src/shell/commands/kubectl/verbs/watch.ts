/**
 * kubectl get -w / --watch-only: after the initial list (none with --watch-only), one entry per
 * change (added, modified or deleted object) as it happens, until Ctrl+C. Tables print a row per
 * change with no header repeated, and column widths only ever grow, as kubectl's tabwriter with
 * RememberWidths keeps them; --output-watch-events adds an EVENT column (or wraps each object as
 * `{"type":...,"object":...}` for the other printers). Other printers print each object on its own:
 * YAML documents separated by `---`, one custom-columns row laid out by itself.
 */
import { matchesSelector, type Stored, type WatchEvent } from '../../../../engine';
import { toCompactGoJson } from '../../../format/json';
import { textWidth } from '../../../format/tabwriter';
import { toYaml } from '../../../format/yaml';
import { sleep, type Program } from '../../../types';
import type { ApiConnection } from '../client';
import { fail, type Invocation } from '../invocation';
import { printJsonpath, printObjects, type OutputSpec } from '../printers/output';
import { renderCustomColumns } from '../printers/customColumns';
import { tableCells, type TableOptions } from '../printers/table';
import { kindPrefix, resourceKey, type ResourceRequest } from '../resources';
import type { FetchFilter } from './get';

const POLL_MS = 100;

export interface WatchOptions {
  readonly watchOnly: boolean;
  /** --output-watch-events */
  readonly events: boolean;
  /** What the initial listing held (empty with --watch-only). */
  readonly initial: readonly Stored[];
}

type Change = { readonly type: WatchEvent['type']; readonly object: Stored };

class TablePrinter {
  private readonly widths: number[];
  private headerShown: boolean;

  constructor(private readonly inv: Invocation, private readonly request: ResourceRequest, private readonly opts: TableOptions, private readonly events: boolean, initial: readonly Change[], printInitial: boolean) {
    const first = this.cells(initial);
    this.widths = [];
    this.headerShown = opts.noHeaders;
    if (printInitial && initial.length > 0) {
      this.grow([first.header, ...first.rows]);
      this.headerShown = true;
      if (!opts.noHeaders) inv.out(`${this.pad(first.header)}\n`);
      for (const row of first.rows) inv.out(`${this.pad(row)}\n`);
    } else if (!events) {
      // kubectl printed the listing with its own widths; later rows line up under it.
      this.grow([first.header, ...first.rows]);
      this.headerShown = this.headerShown || initial.length > 0;
    }
  }

  private cells(changes: readonly Change[]): { header: string[]; rows: string[][] } {
    const { header, rows } = tableCells(this.request, changes.map((c) => c.object), this.inv.now(), this.opts);
    if (!this.events) return { header, rows };
    return { header: ['EVENT', ...header], rows: rows.map((r, i) => [changes[i]!.type, ...r]) };
  }

  private grow(lines: readonly (readonly string[])[]): void {
    for (const cells of lines) cells.forEach((cell, i) => { this.widths[i] = Math.max(this.widths[i] ?? 0, textWidth(cell) + 3, 6); });
  }

  private pad(cells: readonly string[]): string {
    return cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(Math.max(0, this.widths[i]! - textWidth(c))))).join('');
  }

  print(change: Change): void {
    const { header, rows } = this.cells([change]);
    this.grow([header, rows[0]!]);
    if (!this.headerShown) {
      this.inv.out(`${this.pad(header)}\n`);
      this.headerShown = true;
    }
    this.inv.out(`${this.pad(rows[0]!)}\n`);
  }
}

/** Prints one change with a non-table printer; returns an error that ends the watch, if any. */
function printOther(inv: Invocation, spec: Exclude<OutputSpec, { kind: 'table' }>, change: Change, request: ResourceRequest, o: { events: boolean; first: boolean; noHeaders: boolean }): string | undefined {
  const wrapped = { type: change.type, object: change.object };
  switch (spec.kind) {
    case 'name':
      inv.out(`${kindPrefix(request.type)}/${change.object.metadata.name}\n`);
      return undefined;
    case 'json':
      if (o.events) inv.out(`${toCompactGoJson(wrapped)}\n`);
      else inv.out(printObjects(spec, [change.object], true, () => '', false).text);
      return undefined;
    case 'yaml':
      inv.out(`${o.first ? '' : '---\n'}${toYaml(o.events ? wrapped : change.object)}`);
      return undefined;
    case 'jsonpath': {
      const r = printJsonpath(spec, o.events ? wrapped : change.object);
      inv.out(r.text);
      return r.error;
    }
    case 'custom-columns': {
      const r = renderCustomColumns(spec.columns, [o.events ? wrapped : change.object], o.noHeaders || !o.first);
      inv.out(r.text);
      return r.ok ? undefined : r.error;
    }
  }
}

export function* watchLoop(
  inv: Invocation, conn: ApiConnection, request: ResourceRequest, namespace: string | undefined, filter: FetchFilter,
  spec: OutputSpec, opts: TableOptions, w: WatchOptions,
): Program {
  const key = resourceKey(request.type);
  const queue: Change[] = [];
  const unwatch = conn.store.watch((event: WatchEvent) => {
    if (event.resource !== key) return;
    const obj = event.object;
    if (request.type.namespaced && namespace !== undefined && obj.metadata.namespace !== namespace) return;
    if (request.names.length > 0 && !request.names.includes(obj.metadata.name)) return;
    if (filter.selector && !matchesSelector(filter.selector, obj.metadata.labels)) return;
    if (filter.fields && !filter.fields(obj)) return;
    queue.push({ type: event.type, object: obj });
  });
  const initial: Change[] = w.initial.map((object) => ({ type: 'ADDED', object }));
  let first = true;
  try {
    const table = spec.kind === 'table' ? new TablePrinter(inv, request, opts, w.events, initial, w.events && !w.watchOnly) : undefined;
    if (spec.kind !== 'table' && w.events && !w.watchOnly) {
      for (const change of initial) {
        const error = printOther(inv, spec, change, request, { events: true, first, noHeaders: opts.noHeaders });
        first = false;
        if (error !== undefined) return fail(inv, error);
      }
    } else if (spec.kind !== 'table' && !w.watchOnly) {
      first = initial.length === 0;
    }
    for (;;) {
      yield sleep(POLL_MS);
      while (queue.length > 0) {
        const change = queue.shift()!;
        if (table) {
          table.print(change);
          continue;
        }
        if (spec.kind === 'table') continue;
        const error = printOther(inv, spec, change, request, { events: w.events, first, noHeaders: opts.noHeaders });
        first = false;
        if (error !== undefined) return fail(inv, error);
      }
    }
  } finally {
    unwatch();
  }
}
