/**
 * JSON as Go's encoding/json prints it (json.MarshalIndent): kubectl's `-o json` uses four spaces
 * and, for the unstructured objects `kubectl get` handles, map keys in byte order; `kubectl
 * version -o json` uses two spaces and the struct's field order. Go escapes <, > and & (HTML-safe)
 * and U+2028/U+2029, and prints empty collections as {} and [].
 */
export interface GoJsonOptions {
  /** "    " for -o json, "  " for version. */
  readonly indent: string;
  /** Sort object keys (Go maps); false keeps insertion order (Go structs). */
  readonly sortKeys: boolean;
}

export const KUBECTL_JSON: GoJsonOptions = { indent: '    ', sortKeys: true };

/** The document with a trailing newline, as kubectl writes it. */
export function toGoJson(value: unknown, opts: GoJsonOptions = KUBECTL_JSON): string {
  return `${encode(value, '', opts)}\n`;
}

/** Compact JSON as json.Marshal writes it (sorted keys, HTML-safe escapes). */
export function toCompactGoJson(value: unknown): string {
  return encode(value, undefined, { indent: '', sortKeys: true });
}

function encode(value: unknown, prefix: string | undefined, opts: GoJsonOptions): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const inner = prefix === undefined ? undefined : prefix + opts.indent;
  const open = (text: string) => (inner === undefined ? text : `\n${inner}${text}`);
  const close = inner === undefined ? '' : `\n${prefix}`;
  const colon = inner === undefined ? ':' : ': ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((v) => open(encode(v, inner, opts))).join(',')}${close}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (opts.sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return '{}';
  return `{${entries.map(([k, v]) => open(`${quote(k)}${colon}${encode(v, inner, opts)}`)).join(',')}${close}}`;
}

/** encoding/json's string escaping with HTML escaping on. */
export function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const c = s.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}
