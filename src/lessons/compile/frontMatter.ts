/**
 * The YAML front matter between `---` lines at the top of a lesson: id, title, summary, order,
 * estimatedMinutes. Every problem comes back with the line it is on.
 */
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { didYouMean } from './suggest';

export interface FrontMatter {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly order: number | undefined;
  readonly estimatedMinutes: number | undefined;
}

export interface LineError {
  readonly line: number;
  readonly message: string;
}

export type FrontMatterResult =
  | { readonly ok: true; readonly frontMatter: FrontMatter; readonly bodyStartLine: number; readonly body: string }
  | { readonly ok: false; readonly errors: readonly LineError[] };

const KEYS = ['id', 'title', 'summary', 'order', 'estimatedMinutes'];
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function splitFrontMatter(markdown: string): FrontMatterResult {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') {
    return fail(1, 'a lesson starts with front matter: a line "---", then id, title and summary, then another "---"');
  }
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end < 0) return fail(1, 'the front matter that starts here is never closed: add a line "---" after it');
  const yamlText = lines.slice(1, end).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  const at = (offset: number | undefined) => (offset === undefined ? 1 : counter.linePos(offset).line) + 1;
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => ({ line: at(e.pos[0]), message: `front matter is not valid YAML: ${firstLine(e.message)}` })) };
  }
  if (!isMap(doc.contents)) return fail(2, 'the front matter must be "key: value" lines (id, title, summary)');
  const errors: LineError[] = [];
  const values = new Map<string, { value: unknown; line: number }>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = at(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    if (!KEYS.includes(key)) {
      errors.push({ line, message: `unknown front matter field "${key}"${didYouMean(key, KEYS)}; fields are ${KEYS.join(', ')}` });
      continue;
    }
    values.set(key, { value: isScalar(pair.value) ? pair.value.value : pair.value === null ? null : (pair.value as { toJSON(): unknown }).toJSON(), line });
  }
  const text = (key: string): string | undefined => {
    const entry = values.get(key);
    if (entry === undefined) {
      errors.push({ line: 2, message: `the front matter needs "${key}"` });
      return undefined;
    }
    if (typeof entry.value !== 'string' || entry.value.trim() === '') {
      errors.push({ line: entry.line, message: `"${key}" must be a text` });
      return undefined;
    }
    return entry.value.trim();
  };
  const positive = (key: string): number | undefined => {
    const entry = values.get(key);
    if (entry === undefined) return undefined;
    if (typeof entry.value !== 'number' || !Number.isInteger(entry.value) || entry.value < 1) {
      errors.push({ line: entry.line, message: `"${key}" must be a whole number of at least 1` });
      return undefined;
    }
    return entry.value;
  };
  const id = text('id');
  const title = text('title');
  const summary = text('summary');
  const order = positive('order');
  const estimatedMinutes = positive('estimatedMinutes');
  if (id !== undefined && !ID_PATTERN.test(id)) {
    errors.push({ line: values.get('id')!.line, message: `"id" must be lowercase letters, digits and dashes (like start-the-cluster), got "${id}"` });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    frontMatter: { id: id!, title: title!, summary: summary!, order, estimatedMinutes },
    bodyStartLine: end + 2,
    body: lines.slice(end + 1).join('\n'),
  };
}

function fail(line: number, message: string): FrontMatterResult {
  return { ok: false, errors: [{ line, message }] };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
