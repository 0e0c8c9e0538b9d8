/**
 * kubectl's `-o jsonpath=` templates (client-go's jsonpath), the subset lessons and learners use:
 * text with `{...}` actions; paths `.a.b`, `['a.b']`, `[0]`, `[-1]`, `[*]`, `[1:3]`, `..name`, `.*`,
 * filters `[?(@.type=="Ready")]`; `{range ...}...{end}`; literals `{"\n"}`. Several results of one
 * action are joined by a space; maps and lists print as JSON; missing keys print nothing (kubectl's
 * --allow-missing-template-keys=true). As in client-go, an index past the end of a list and an
 * `{end}` outside a range fail when the template runs, not when it is parsed, and a range left open
 * prints nothing.
 */
import { toCompactGoJson } from './json';

type Segment =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'recursive'; readonly name: string }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'slice'; readonly start: number | undefined; readonly end: number | undefined }
  | { readonly kind: 'filter'; readonly path: readonly Segment[]; readonly op: string | undefined; readonly value: unknown };

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'path'; readonly path: readonly Segment[] }
  | { readonly kind: 'range'; readonly path: readonly Segment[]; readonly body: readonly Node[] }
  /** An `{end}` with no range open: client-go parses it and fails when it gets there. */
  | { readonly kind: 'stray-end' };

export interface JsonpathTemplate {
  readonly nodes: readonly Node[];
}

export type JsonpathParse = { readonly ok: true; readonly template: JsonpathTemplate } | { readonly ok: false; readonly error: string };

export function parseJsonpath(template: string): JsonpathParse {
  const stack: Node[][] = [[]];
  const ranges: Segment[][] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1]!.push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1]!.push({ kind: 'text', text: template.slice(i, open) });
    const close = findClose(template, open);
    if (close < 0) return { ok: false, error: /\[[^\]]*$/.test(template.slice(open)) ? 'unterminated array' : 'unclosed action' };
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    if (action === 'end') {
      if (stack.length === 1) {
        stack[0]!.push({ kind: 'stray-end' });
        continue;
      }
      const body = stack.pop()!;
      const path = ranges.pop()!;
      stack[stack.length - 1]!.push({ kind: 'range', path, body });
      continue;
    }
    if (action.startsWith('range ')) {
      const path = parsePath(action.slice(6).trim());
      if (!path.ok) return path;
      ranges.push(path.segments);
      stack.push([]);
      continue;
    }
    const literal = action.match(/^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/);
    if (literal) {
      stack[stack.length - 1]!.push({ kind: 'text', text: unescape(literal[1] ?? literal[2] ?? '') });
      continue;
    }
    const path = parsePath(action);
    if (!path.ok) return path;
    stack[stack.length - 1]!.push({ kind: 'path', path: path.segments });
  }
  // A range never closed prints nothing from its start on, as client-go's executor does.
  return { ok: true, template: { nodes: stack[0]! } };
}

function findClose(text: string, open: number): number {
  let quote: string | undefined;
  for (let j = open + 1; j < text.length; j++) {
    const ch = text[j]!;
    if (quote) {
      if (ch === '\\') j++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '}') return j;
  }
  return -1;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c));
}

type PathParse = { readonly ok: true; readonly segments: Segment[] } | { readonly ok: false; readonly error: string };

function parsePath(text: string): PathParse {
  const segments: Segment[] = [];
  let s = text.startsWith('$') ? text.slice(1) : text;
  while (s.length > 0) {
    let m: RegExpMatchArray | null;
    if ((m = s.match(/^\.\.([A-Za-z0-9_-]+)/))) {
      segments.push({ kind: 'recursive', name: m[1]! });
    } else if ((m = s.match(/^\.\*/))) {
      segments.push({ kind: 'wildcard' });
    } else if ((m = s.match(/^\.([A-Za-z0-9_-]+)/))) {
      segments.push({ kind: 'field', name: m[1]! });
    } else if ((m = s.match(/^\.(?=\[|$)/))) {
      // a lone "." (the current object)
    } else if ((m = s.match(/^\[\*\]/))) {
      segments.push({ kind: 'wildcard' });
    } else if ((m = s.match(/^\[(-?\d+)\]/))) {
      segments.push({ kind: 'index', index: Number(m[1]) });
    } else if ((m = s.match(/^\[(-?\d*):(-?\d*)\]/))) {
      segments.push({ kind: 'slice', start: m[1] ? Number(m[1]) : undefined, end: m[2] ? Number(m[2]) : undefined });
    } else if ((m = s.match(/^\[\s*'([^']*)'\s*\]/))) {
      segments.push({ kind: 'field', name: m[1]! });
    } else if ((m = s.match(/^\[\s*"([^"]*)"\s*\]/))) {
      // client-go only takes single-quoted keys; a double-quoted one reads as a bad index.
      return { ok: false, error: `invalid array index "${m[1]}"` };
    } else if (/^\[[^\]]*$/.test(s)) {
      return { ok: false, error: 'unterminated array' };
    } else if ((m = s.match(/^\[\?\(@((?:\.[A-Za-z0-9_-]+|\['[^']*'\])*)\s*(?:(==|!=|<=|>=|<|>)\s*(?:"([^"]*)"|'([^']*)'|(-?[\d.]+)|(true|false)))?\s*\)\]/))) {
      const inner = parsePath(m[1] ?? '');
      if (!inner.ok) return inner;
      const value = m[3] ?? m[4] ?? (m[5] !== undefined ? Number(m[5]) : m[6] !== undefined ? m[6] === 'true' : undefined);
      segments.push({ kind: 'filter', path: inner.segments, op: m[2], value });
    } else {
      return { ok: false, error: `unrecognized character in action: ${s}` };
    }
    s = s.slice(m[0].length);
  }
  return { ok: true, segments };
}

function step(values: readonly unknown[], seg: Segment): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    switch (seg.kind) {
      case 'field':
        if (v !== null && typeof v === 'object' && !Array.isArray(v) && seg.name in v) out.push((v as Record<string, unknown>)[seg.name]);
        break;
      case 'recursive':
        collect(v, seg.name, out);
        break;
      case 'wildcard':
        if (Array.isArray(v)) out.push(...v);
        else if (v !== null && typeof v === 'object') out.push(...Object.keys(v).sort().map((k) => (v as Record<string, unknown>)[k]));
        break;
      case 'index':
        if (Array.isArray(v)) {
          const at = seg.index < 0 ? v.length + seg.index : seg.index;
          if (at < 0 || at >= v.length) throw new JsonpathRunError(`array index out of bounds: index ${seg.index}, length ${v.length}`);
          out.push(v[at]);
        }
        break;
      case 'slice':
        if (Array.isArray(v)) out.push(...v.slice(seg.start, seg.end));
        break;
      case 'filter':
        if (Array.isArray(v)) {
          for (const item of v) {
            const found = seg.path.reduce<unknown[]>((acc, s) => step(acc, s), [item]);
            if (found.length === 0) continue;
            if (seg.op === undefined || compare(found[0], seg.op, seg.value)) out.push(item);
          }
        }
        break;
    }
  }
  return out;
}

function collect(v: unknown, name: string, out: unknown[]): void {
  if (Array.isArray(v)) {
    for (const item of v) collect(item, name, out);
  } else if (v !== null && typeof v === 'object') {
    for (const key of Object.keys(v).sort()) {
      const child = (v as Record<string, unknown>)[key];
      if (key === name) out.push(child);
      collect(child, name, out);
    }
  }
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==': return a === b || String(a) === String(b);
    case '!=': return !(a === b || String(a) === String(b));
    case '<': return Number(a) < Number(b);
    case '>': return Number(a) > Number(b);
    case '<=': return Number(a) <= Number(b);
    case '>=': return Number(a) >= Number(b);
    default: return false;
  }
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return toCompactGoJson(v);
}

/** A failure while the template runs; caught at the API boundary and returned as a result. */
class JsonpathRunError extends Error {}

function run(nodes: readonly Node[], data: unknown): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'stray-end': throw new JsonpathRunError('not in range, nothing to end');
      case 'text': out += node.text; break;
      case 'path': out += node.path.reduce<unknown[]>((acc, s) => step(acc, s), [data]).map(text).join(' '); break;
      case 'range':
        for (const item of node.path.reduce<unknown[]>((acc, s) => step(acc, s), [data])) {
          const items = Array.isArray(item) && node.path[node.path.length - 1]?.kind !== 'wildcard' ? item : [item];
          for (const x of items) out += run(node.body, x);
        }
        break;
    }
  }
  return out;
}

export type JsonpathResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

export function jsonpath(template: JsonpathTemplate, data: unknown): JsonpathResult {
  try {
    return { ok: true, text: run(template.nodes, data) };
  } catch (e) {
    if (e instanceof JsonpathRunError) return { ok: false, error: e.message };
    throw e;
  }
}

/** The values one path finds (custom-columns and --sort-by read single fields this way). */
export function jsonpathValues(template: JsonpathTemplate, data: unknown): { readonly ok: true; readonly values: unknown[] } | { readonly ok: false; readonly error: string } {
  const values: unknown[] = [];
  try {
    for (const node of template.nodes) {
      if (node.kind === 'path') values.push(...node.path.reduce<unknown[]>((acc, s) => step(acc, s), [data]));
    }
  } catch (e) {
    if (e instanceof JsonpathRunError) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, values };
}
