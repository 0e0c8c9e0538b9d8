/**
 * describe's PrefixWriter: text written at an indentation level (two spaces per level), laid out
 * by a tabwriter (min width 0, padding 2) when flushed. Writes may be partial lines, exactly as
 * describe.go builds them, because the tab positions decide the alignment.
 */
import { DESCRIBE_LAYOUT, tabwrite } from '../../../../format/tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export class DescribeWriter {
  private pending = '';
  private done = '';

  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text;
  }

  /** WriteLine: the text and a newline, no indentation. */
  line(text: string): void {
    this.pending += `${text}\n`;
  }

  /** Lays out what was written so far; later lines align on their own. */
  flush(): void {
    if (this.pending) this.done += tabwrite(this.pending, DESCRIBE_LAYOUT);
    this.pending = '';
  }

  text(): string {
    this.flush();
    return this.done;
  }

  /** What was written, tabs kept: rollout history prints a pod template through a bare PrefixWriter. */
  raw(): string {
    return this.done + this.pending;
  }
}

/** printLabelsMultiline: "Labels:" then one key=value per line, sorted; "<none>" when empty. */
export function writeLabels(w: DescribeWriter, title: string, labels: Readonly<Record<string, string>> | undefined | null, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** printAnnotationsMultiline: long or multi-line values go on their own lines, shortened to 140. */
export function writeAnnotations(w: DescribeWriter, title: string, annotations: Readonly<Record<string, string>> | undefined | null): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIPPED_ANNOTATIONS.has(k)).sort();
  if (keys.length === 0) return w.line('<none>');
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}
