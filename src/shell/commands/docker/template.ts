/**
 * The slice of Go templates that `docker ps --format` and `docker inspect -f` users write:
 * `{{.Names}}`, `{{.NetworkSettings.IPAddress}}`, `{{json .Config.Env}}`, `{{upper .Name}}`,
 * `{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}`, `{{index .Config.Labels "k"}}`, a
 * leading `table` (a header row and tabwriter columns), and `\t`/`\n` escapes.
 */

type TemplateNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly fn: string | undefined; readonly path: readonly string[]; readonly key?: string }
  | { readonly kind: 'range'; readonly path: readonly string[]; readonly body: readonly TemplateNode[] };

export interface Template {
  readonly table: boolean;
  readonly nodes: readonly TemplateNode[];
}

export type TemplateParse = { readonly ok: true; readonly template: Template } | { readonly ok: false; readonly error: string };

const FUNCS = new Set(['json', 'upper', 'lower', 'title', 'println']);

export function parseTemplate(source: string): TemplateParse {
  let text = source.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  const table = /^table(\s|$)/.test(text);
  if (table) text = text.replace(/^table\s?/, '');
  const stack: TemplateNode[][] = [[]];
  const ranges: (readonly string[])[] = [];
  const re = /\{\{-?\s*(.*?)\s*-?\}\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) stack[stack.length - 1]!.push({ kind: 'text', text: text.slice(last, m.index) });
    last = m.index + m[0].length;
    const action = m[1]!;
    const words = action.split(/\s+/);
    if (words[0] === 'range') {
      ranges.push(pathOf(words[1] ?? '.'));
      stack.push([]);
      continue;
    }
    if (words[0] === 'end') {
      const body = stack.pop();
      const path = ranges.pop();
      if (!body || !path || stack.length === 0) return { ok: false, error: `template: :1: unexpected {{end}}` };
      stack[stack.length - 1]!.push({ kind: 'range', path, body });
      continue;
    }
    if (words[0] === 'index' && words.length === 3) {
      stack[stack.length - 1]!.push({ kind: 'value', fn: undefined, path: pathOf(words[1]!), key: words[2]!.replace(/^"(.*)"$/, '$1') });
      continue;
    }
    const fn = FUNCS.has(words[0]!) ? words[0] : undefined;
    const arg = fn ? words[1] ?? '.' : words[0]!;
    if (!arg.startsWith('.')) return { ok: false, error: `template: :1: function "${arg}" not defined` };
    stack[stack.length - 1]!.push({ kind: 'value', fn, path: pathOf(arg) });
  }
  if (stack.length !== 1) return { ok: false, error: 'template: :1: unexpected EOF' };
  if (last < text.length) stack[0]!.push({ kind: 'text', text: text.slice(last) });
  return { ok: true, template: { table, nodes: stack[0]! } };
}

function pathOf(arg: string): string[] {
  return arg === '.' ? [] : arg.replace(/^\./, '').split('.');
}

function lookup(data: unknown, path: readonly string[]): unknown {
  let v = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** How Go's text/template prints a value: maps as map[k:v], slices as [a b], nil as <no value>. */
function goString(v: unknown): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  if (typeof v === 'object') return `map[${Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => `${k}:${goString(x)}`).join(' ')}]`;
  return String(v);
}

function render(nodes: readonly TemplateNode[], data: unknown): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'range') {
      const v = lookup(data, node.path);
      const items = Array.isArray(v) ? v : v && typeof v === 'object' ? Object.keys(v).sort().map((k) => (v as Record<string, unknown>)[k]) : [];
      for (const item of items) out += render(node.body, item);
    } else {
      let v = lookup(data, node.path);
      if (node.key !== undefined) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[node.key] : undefined;
      switch (node.fn) {
        case 'json': out += JSON.stringify(v ?? null); break;
        case 'upper': out += goString(v).toUpperCase(); break;
        case 'lower': out += goString(v).toLowerCase(); break;
        case 'title': out += goString(v).replace(/\b\w/g, (c) => c.toUpperCase()); break;
        case 'println': out += `${goString(v)}\n`; break;
        default: out += node.key !== undefined && v === undefined ? '<no value>' : goString(v);
      }
    }
  }
  return out;
}

export function renderOne(template: Template, data: unknown): string {
  return render(template.nodes, data);
}

/**
 * A list: one line per item, or with `table`, a header (each field's column title) and the rows
 * laid out by `layout`.
 */
export function renderTemplate(template: Template, rows: readonly unknown[], headers: Readonly<Record<string, string>>, layout: (rows: string[][]) => string): string {
  if (!template.table) return rows.map((r) => `${render(template.nodes, r)}\n`).join('');
  const header = template.nodes.map((n) => (n.kind === 'text' ? n.text : n.kind === 'value' ? headers[n.path.join('.')] ?? n.path.join('.').toUpperCase() : '')).join('');
  const lines = [header, ...rows.map((r) => render(template.nodes, r))];
  return layout(lines.map((l) => l.split('\t')));
}
