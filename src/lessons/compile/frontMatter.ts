/**
 * The YAML front matter between `---` lines at the top of a lesson: id, title, summary, order,
 * estimatedMinutes. Every problem comes back with the line it is on.
 */
import { lineAt, loadYamlOutline, type YamlProblem } from '../../engine';
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
  // The YAML starts on the file's second line.
  const read = loadYamlOutline(yamlText, 'core');
  if (!read.ok) return fail(read.problem.line + 1, `front matter is not valid YAML: ${yamlProblemText(read.problem)}`);
  const doc = read.value;
  if (doc === undefined || !isRecord(doc.value)) return fail(2, 'the front matter must be "key: value" lines (id, title, summary)');
  const fields = doc.value;
  const errors: LineError[] = [];
  const values = new Map<string, { value: unknown; line: number }>();
  for (const child of doc.children) {
    const key = child.key ?? '';
    const line = lineAt(yamlText, child.offset) + 1;
    if (!KEYS.includes(key)) {
      errors.push({ line, message: `unknown front matter field "${key}"${didYouMean(key, KEYS)}; fields are ${KEYS.join(', ')}` });
      continue;
    }
    values.set(key, { value: fields[key], line });
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

/** What a teacher should fix: the quote or bracket never closed, else the YAML reader's own words. */
export function yamlProblemText(problem: YamlProblem): string {
  const open = problem.unclosed;
  if (open?.kind === 'quote') return `Missing closing ${open.char}quote`;
  if (open?.kind === 'flow') return `Missing closing ${open.char === '[' ? ']' : '}'}`;
  return problem.reason;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
