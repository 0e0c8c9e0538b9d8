/**
 * What a lesson is once compiled: plain JSON data (it is emitted as one small chunk per lesson at
 * build time), so the page never needs a Markdown or YAML parser for the built-in lessons.
 */

/** The languages lessons are written in. Every built-in lesson exists in each of them. */
export type Lang = 'es' | 'en';

export const LANGS: readonly Lang[] = ['es', 'en'];

export function isLang(value: unknown): value is Lang {
  return value === 'es' || value === 'en';
}

/** The nodes a runnable block may name in its info string (```bash node2). */
export const DEFAULT_NODES: readonly string[] = ['node1', 'node2'];

/** Plain JSON values (check arguments). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One predicate of a step's ```check block: `- nodes-ready: { count: 2 }`. */
export interface CheckSpec {
  /** The predicate's registry name ("nodes-ready"). */
  readonly predicate: string;
  /** Validated arguments, as the author wrote them. */
  readonly args: { readonly [key: string]: JsonValue };
  /** 1-based line in the source file, for replay reports. */
  readonly line: number;
}

/** A command block the learner can click to type into a node's terminal. */
export interface RunnableBlock {
  /** Unique in the lesson; the step's HTML holds `<div data-kp-block="<index>"></div>` where it goes. */
  readonly index: number;
  readonly node: string;
  /** The block's text, possibly several lines, with `{{variables}}` still unresolved. */
  readonly command: string;
  /** Template variables the command uses, in order of first use. */
  readonly variables: readonly string[];
  /** Replay accepts a non-zero exit status (the lesson shows an error on purpose). */
  readonly mayFail: boolean;
  /**
   * Replay only (```bash node1 interrupt-after=30s): a command of the block still running this many
   * virtual ms after it started gets Ctrl+C, as the learner would press it to stop
   * `docker-compose up`. The page ignores it: there the learner presses Ctrl+C.
   */
  readonly interruptAfterMs?: number;
  readonly line: number;
}

export interface CompiledStep {
  /** From `## Title {#id}`, else a slug of the title. Shared by every language of a lesson. */
  readonly id: string;
  /** The heading as plain text (step lists, aria labels). */
  readonly title: string;
  /** The heading's inline HTML (code spans, emphasis). */
  readonly titleHtml: string;
  /** The step's body, with a placeholder element per runnable block. */
  readonly html: string;
  readonly blocks: readonly RunnableBlock[];
  /** Empty: a reading step, done when the learner says so (or has run its blocks). */
  readonly checks: readonly CheckSpec[];
  /**
   * Diagram ids to emphasise while this is the current step (```highlight block): exact ids such
   * as `pod/kube-system/etcd-node1`, or patterns with `*` (`pod/kube-system/kube-proxy-*`) that
   * resolveHighlights() expands against the world. Absent when the step declares none.
   */
  readonly highlight?: readonly string[];
  readonly line: number;
}

export interface CompiledLesson {
  readonly id: string;
  readonly lang: Lang;
  readonly title: string;
  readonly summary: string;
  readonly order: number;
  readonly estimatedMinutes?: number;
  /** Where it was compiled from ("lessons/en/01-start-the-cluster.md"), for messages. */
  readonly source: string;
  /** Everything before the first `##`. */
  readonly introHtml: string;
  readonly steps: readonly CompiledStep[];
}

/** What the catalogue lists before any lesson's text is loaded. */
export interface CatalogueEntry {
  readonly lang: Lang;
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly order: number;
  readonly estimatedMinutes?: number;
}

export function catalogueEntryOf(lesson: CompiledLesson): CatalogueEntry {
  return {
    lang: lesson.lang,
    id: lesson.id,
    title: lesson.title,
    summary: lesson.summary,
    order: lesson.order,
    ...(lesson.estimatedMinutes !== undefined ? { estimatedMinutes: lesson.estimatedMinutes } : {}),
  };
}

/** A problem in a lesson's source, reported as `file:line: message` (teachers read these). */
export interface CompileError {
  readonly source: string;
  readonly line: number;
  readonly message: string;
}

export function formatCompileError(error: CompileError): string {
  return `${error.source}:${error.line}: ${error.message}`;
}
