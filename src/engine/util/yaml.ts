/**
 * YAML from users — manifests, kubeconfigs, static pod files, a lesson's front matter and check
 * blocks — read with js-yaml into plain JSON values only: strings, numbers, booleans, null, arrays
 * and plain objects. No dates, binaries or sets (an unknown tag is an error); a mapping refuses the
 * key "__proto__" (prototype pollution); an alias may not point into the collection that holds it
 * (a cycle); at most 100 aliases per document (a "billion laughs" file stays small).
 *
 * Two flavours:
 * - 'kubernetes' reads like gopkg.in/yaml.v2 behind sigs.k8s.io/yaml (kubectl, kubeadm, the
 *   kubelet): YAML 1.1 scalars (`yes` and `on` are true, `0644` is octal), plus what Go's strconv
 *   takes (`0o17`, `1e3`) but no base 60 (`1:20` stays text); merge keys (`<<`); a repeated key
 *   keeps its last value.
 * - 'core' is YAML 1.2's core schema (lesson files): a repeated key is an error.
 *
 * May import: js-yaml.
 */
import {
  EVENT_ID, NOT_RESOLVED, Schema, YAMLException, boolCoreTag, boolYaml11Tag, constructFromEvents, defineMappingTag, defineSequenceTag,
  floatCoreTag, floatYaml11Tag, getScalarValue, intCoreTag, intYaml11Tag, mergeTag, nullCoreTag, nullYaml11Tag, parseEvents, strTag,
  type Event, type ScalarTagDefinition,
} from 'js-yaml';
import { openAt, type Unclosed } from './yamlScan';

export type YamlFlavour = 'kubernetes' | 'core';

export interface YamlProblem {
  /** js-yaml's words for what it met ("bad indentation of a mapping entry"). */
  readonly reason: string;
  readonly offset: number;
  /** 1-based line and 0-based column of `offset`, as editors count them. */
  readonly line: number;
  readonly column: number;
  /**
   * A quoted scalar or flow collection opened before `offset` and never closed: the real mistake,
   * which YAML readers notice in different places (js-yaml at the next badly indented line,
   * libyaml at the end of the stream).
   */
  readonly unclosed: Unclosed | undefined;
}

export type YamlRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: YamlProblem };

/** A document's value with where its top-level entries (list items, or mapping keys) start. */
export interface YamlOutline {
  readonly value: unknown;
  readonly offset: number;
  readonly children: readonly YamlChild[];
}

export interface YamlChild {
  readonly offset: number;
  /** The key's text, for a mapping's scalar keys. */
  readonly key: string | undefined;
}

/** Every document of the stream (an empty stream has none). */
export function loadYamlDocuments(text: string, flavour: YamlFlavour): YamlRead<unknown[]> {
  const read = readStream(text, flavour);
  return read.ok ? { ok: true, value: read.value.documents } : read;
}

/** The first document with its outline; undefined when the text holds no document (empty, or comments only). */
export function loadYamlOutline(text: string, flavour: YamlFlavour): YamlRead<YamlOutline | undefined> {
  const read = readStream(text, flavour);
  if (!read.ok) return read;
  const { events, documents } = read.value;
  if (documents.length > 1) {
    const second = events.findIndex((e, i) => i > 0 && e.type === EVENT_ID.DOCUMENT);
    return failure(text, 'expected a single document in the stream, but found more', positionOf(events[second + 1]) ?? text.length);
  }
  if (documents.length === 0) return { ok: true, value: undefined };
  return { ok: true, value: { value: documents[0], ...outlineOf(text, events) } };
}

/** The 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const MAX_ALIASES = 100;

/** Plain objects whose keys are scalars, "__proto__" refused. */
const objectTag = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({}),
  addPair: (map, key, value) => {
    if (key !== null && typeof key === 'object') return 'a mapping key must be a plain value, not a list or a mapping';
    const name = String(key);
    if (name === '__proto__') return 'the key "__proto__" is not allowed';
    map[name] = value;
    return '';
  },
  has: (map, key) => Object.hasOwn(map, String(key)),
  keys: (map) => Object.keys(map),
  get: (map, key) => (Object.hasOwn(map, String(key)) ? map[String(key)] : null),
  // With a finalize step, js-yaml refuses an alias to a collection still being built: no cycles.
  finalize: (map) => map,
  identify: () => false,
});

const arrayTag = defineSequenceTag<unknown[]>('tag:yaml.org,2002:seq', {
  create: () => [],
  addItem: (list, item) => {
    list.push(item);
    return '';
  },
  finalize: (list) => list,
  identify: () => false,
});

/** A number as go-yaml v2 resolves it with strconv: the YAML 1.1 forms, then the 1.2 ones, never base 60. */
function goNumber(yaml11: ScalarTagDefinition<number>, core: ScalarTagDefinition<number>): ScalarTagDefinition<number> {
  return {
    ...yaml11,
    resolve: (source, explicit, tag) => {
      if (source.includes(':')) return NOT_RESOLVED;
      const value = yaml11.resolve(source, explicit, tag);
      return value === NOT_RESOLVED ? core.resolve(source, explicit, tag) : value;
    },
  };
}

const SCHEMAS: Record<YamlFlavour, Schema> = {
  kubernetes: new Schema([
    strTag, arrayTag, objectTag, nullYaml11Tag, boolYaml11Tag, goNumber(intYaml11Tag, intCoreTag), goNumber(floatYaml11Tag, floatCoreTag), mergeTag,
  ]),
  core: new Schema([strTag, arrayTag, objectTag, nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag]),
};

function readStream(text: string, flavour: YamlFlavour): YamlRead<{ events: Event[]; documents: unknown[] }> {
  try {
    const events = parseEvents(text, {});
    const documents = constructFromEvents(events, { source: text, schema: SCHEMAS[flavour], json: flavour === 'kubernetes', maxAliases: MAX_ALIASES });
    return { ok: true, value: { events, documents } };
  } catch (e) {
    // js-yaml's own errors carry a position; anything else (it says callers must expect others) is
    // reported at the start rather than thrown: bad input never breaks a command.
    if (e instanceof YAMLException) return failure(text, e.reason, e.mark?.position ?? 0);
    return failure(text, e instanceof Error ? e.message : String(e), 0);
  }
}

function failure(text: string, reason: string, offset: number): { ok: false; problem: YamlProblem } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const open = openAt(text);
  const unclosed = open !== undefined && open.offset <= offset ? open : undefined;
  return { ok: false, problem: { reason, offset, line: lineAt(text, offset), column: offset - lineStart, unclosed } };
}

/** Where an event's node starts in the source (its tag or anchor if it has one); undefined for an empty scalar. */
function positionOf(event: Event | undefined): number | undefined {
  if (event === undefined || event.type === EVENT_ID.DOCUMENT || event.type === EVENT_ID.POP) return undefined;
  if (event.type === EVENT_ID.ALIAS) return event.anchorStart - 1;
  const starts = [event.tagStart, event.anchorStart, event.type === EVENT_ID.SCALAR ? event.valueStart : event.start].filter((n) => n >= 0);
  return starts.length > 0 ? Math.min(...starts) : undefined;
}

/** The first document's root and top-level children, from the event stream. */
function outlineOf(text: string, events: readonly Event[]): { offset: number; children: YamlChild[] } {
  const children: YamlChild[] = [];
  let depth = 0;
  let rootOffset = 0;
  let rootIsMapping = false;
  let index = 0;
  let previousEnd = 0;
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      depth = 1;
      continue;
    }
    if (event.type === EVENT_ID.POP) {
      depth--;
      if (depth <= 0) break;
      continue;
    }
    // An empty scalar has no position: it sits after what came before (a list's "-" indicator).
    const at = positionOf(event) ?? Math.max(previousEnd, text.indexOf('-', previousEnd));
    if (depth === 1) {
      rootOffset = at;
      rootIsMapping = event.type === EVENT_ID.MAPPING;
    } else if (depth === 2) {
      if (!rootIsMapping) children.push({ offset: at, key: undefined });
      else if (index % 2 === 0) children.push({ offset: at, key: event.type === EVENT_ID.SCALAR ? getScalarValue(text, event) : undefined });
      index++;
    }
    if (event.type === EVENT_ID.SCALAR && event.valueEnd >= 0) previousEnd = event.valueEnd;
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) depth++;
  }
  return { offset: rootOffset, children };
}
