/**
 * YAML text for the fixed documents the engine writes itself — kubeadm's kubeconfigs, static pod
 * manifests and component configs, the Weave Net manifest — laid out exactly as js-yaml's `dump`
 * did with `lineWidth: -1, noRefs: true, quoteStyle: 'double'` (the goldens hold that text), without
 * bundling js-yaml's emitter: block style, two-space indents, `{}` / `[]` for empty collections, no
 * line folding, strings plain unless plain would read back as something else or is not valid plain
 * YAML (then double-quoted), text with line breaks as a literal block.
 *
 * Whether a plain string would read back as another type (`true`, `0644`, `1:20`, `2023-06-01`)
 * is decided by js-yaml's own scalar tags, the YAML 1.1 and 1.2 forms together as its DUMP_SCHEMA
 * does, so the choice stays the one `dump` made (the tags, not the schema object: the reader in
 * `yaml.ts` bundles most of them already, the schema would add the explicit-only tags).
 *
 * May import: js-yaml's scalar tags.
 */
import {
  NOT_RESOLVED, boolYaml11Tag, floatCoreTag, floatYaml11Tag, intCoreTag, intYaml11Tag, mergeTag, nullYaml11Tag, timestampTag,
} from 'js-yaml';

export interface YamlWriteOptions {
  /** Mapping keys in code-unit order, as Go's YAML marshalling sorts them; else insertion order. */
  readonly sortKeys?: boolean;
  /** Items of a sequence under a mapping key indented two more spaces (js-yaml's default) or flush with the key (Go's). */
  readonly indentSequences?: boolean;
}

type Options = Required<YamlWriteOptions>;

/** The document for a JSON value, ending with a newline. */
export function yamlDocument(value: unknown, options: YamlWriteOptions = {}): string {
  const opts: Options = { sortKeys: options.sortKeys ?? false, indentSequences: options.indentSequences ?? true };
  const lines: string[] = [];
  if (typeof value === 'string') lines.push(scalar(value, 2, false, true));
  else if (!isCollection(value) || inlineOf(value, 0) !== undefined) lines.push(inlineOf(value, 0) ?? '');
  else block(value, 0, '', lines, opts);
  const text = lines.join('\n');
  // Only a `|+` block ends in an empty line; a reader needs the document end marker to keep it.
  return text.endsWith('\n') ? `${text}\n...\n` : `${text}\n`;
}

function isCollection(value: unknown): value is unknown[] | Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

function entriesOf(value: Record<string, unknown>, opts: Options): [string, unknown][] {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return opts.sortKeys ? entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : entries;
}

/** The one-line form of a scalar or an empty collection; undefined for a non-empty collection. */
function inlineOf(value: unknown, indent: number): string | undefined {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (isCollection(value)) return Object.values(value).some((v) => v !== undefined) ? undefined : '{}';
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return scalar(value, indent, false);
  return String(value);
}

/**
 * Writes a non-empty collection at `indent`; `first` is what starts its first line ("- " of the
 * item that holds it, or nothing).
 */
function block(value: unknown[] | Record<string, unknown> | unknown, indent: number, first: string, lines: string[], opts: Options): void {
  const pad = ' '.repeat(indent);
  let lead = first;
  const startLine = () => {
    const text = lead === '' ? pad : lead;
    lead = '';
    return text;
  };
  if (Array.isArray(value)) {
    for (const item of value) {
      const inline = inlineOf(item, indent + 2);
      if (inline !== undefined) lines.push(`${startLine()}- ${inline}`);
      else block(item, indent + 2, `${startLine()}- `, lines, opts);
    }
    return;
  }
  for (const [key, item] of entriesOf(value as Record<string, unknown>, opts)) {
    const name = scalar(key, indent, true);
    const inline = inlineOf(item, indent + 2);
    if (inline !== undefined) {
      lines.push(`${startLine()}${name}: ${inline}`);
    } else if (Array.isArray(item)) {
      lines.push(`${startLine()}${name}:`);
      block(item, opts.indentSequences ? indent + 2 : indent, '', lines, opts);
    } else {
      lines.push(`${startLine()}${name}:`);
      block(item, indent + 2, '', lines, opts);
    }
  }
}

/** `atLineStart`: the scalar starts in column 0 (a top-level key, or the document itself). */
function scalar(text: string, indent: number, isKey: boolean, atLineStart = isKey && indent === 0): string {
  // js-yaml double-quotes text with invisible characters or only white space before it tries a block.
  const blockable = !isKey && text.includes('\n') && !/^\s+$/.test(text) && ![...text].some((char) => invisible(char.codePointAt(0) ?? 0));
  if (blockable && literalAllowed(text)) return literal(text, indent);
  return plainAllowed(text, isKey, atLineStart) ? text : doubleQuoted(text);
}

// YAML 1.2's plain scalar in block context (rules ns-plain-first / ns-plain-char): no leading
// indicator (except "-", "?" or ":" before a non-space), no ": " or " #", no trailing ":", no
// tabs, breaks or other invisible characters, no leading or trailing space, not a document marker.
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const PLAIN_FIRST_DASH = /^[-?:][^\s]/;

/** Characters a plain scalar may hold: printable, and none js-yaml quotes to keep visible (tab, NEL, NBSP, U+2028/9, BOM). */
function plainChar(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || (code > 0xa0 && code <= 0xd7ff && code !== 0x2028 && code !== 0x2029)
    || (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) || code >= 0x10000;
}

/** What js-yaml never leaves unquoted, so a reader sees it: tab, DEL to NBSP, U+2028/9, BOM, non-characters. */
function invisible(code: number): boolean {
  return code === 0x09 || (code >= 0x7f && code <= 0xa0) || code === 0x2028 || code === 0x2029 || code === 0xfeff || code === 0xfffe || code === 0xffff;
}

/** YAML's nb-char and line breaks, once invisible characters are ruled out: what a literal block may hold. */
function blockChar(code: number): boolean {
  return code === 0x0a || plainChar(code);
}

const every = (text: string, test: (code: number) => boolean) => [...text].every((char) => test(char.codePointAt(0) ?? 0));

function plainAllowed(text: string, isKey: boolean, atLineStart: boolean): boolean {
  if (text === '' || text === '=') return false;
  if (!every(text, plainChar) || /^\s|\s$/.test(text)) return false;
  if (INDICATOR.test(text) && !PLAIN_FIRST_DASH.test(text)) return false;
  if (/: |:$| #/.test(text)) return false;
  if (atLineStart && /^(?:---|\.\.\.)(?:$|\s)/.test(text)) return false;
  if (isKey && text.length > 1024) return false;
  return !readsAsOtherType(text);
}

const IMPLICIT_TAGS = [nullYaml11Tag, boolYaml11Tag, intYaml11Tag, intCoreTag, floatYaml11Tag, floatCoreTag, timestampTag, mergeTag];

function readsAsOtherType(text: string): boolean {
  return IMPLICIT_TAGS.some((tag) => tag.resolve(text, false, tag.tagName) !== NOT_RESOLVED);
}

function literalAllowed(text: string): boolean {
  return every(text, blockChar) && !/^\n* /.test(text) && !/(?:^|\n)(?:---|\.\.\.)(?:$|\s)/.test(text);
}

/** `|` keeps one final line break, `|-` none, `|+` several. */
function literal(text: string, indent: number): string {
  const body = text.replace(/\n+$/, '');
  const trailing = text.length - body.length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const pad = ' '.repeat(indent);
  const lines = (trailing > 1 ? text.slice(0, -1) : body).split('\n').map((line) => (line === '' ? '' : `${pad}${line}`));
  return `|${chomp}\n${lines.join('\n')}`;
}

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\x1b': '\\e', '\f': '\\f', '\v': '\\v', '\x85': '\\N', '\xa0': '\\_', '\u2028': '\\L', '\u2029': '\\P' };

function doubleQuoted(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const escaped = code < 0x20 || invisible(code) || (code >= 0xd800 && code <= 0xdfff);
    out += ESCAPES[char] ?? (!escaped ? char : code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
  }
  return `"${out}"`;
}

const hex = (code: number, digits: number) => code.toString(16).toUpperCase().padStart(digits, '0');
