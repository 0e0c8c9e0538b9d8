/**
 * Argument validation for check predicates, with errors a teacher can act on:
 * `nodes-ready needs "count" (at least how many nodes, e.g. count: 2)`.
 */
import { parseSelector } from '../../engine';
import type { JsonValue } from '../model';
import type { ArgDoc, ValidateContext, Validation } from './types';

export class ArgReader {
  private readonly errors: string[] = [];

  constructor(
    private readonly predicate: string,
    private readonly raw: { readonly [key: string]: JsonValue },
    private readonly docs: readonly ArgDoc[],
    private readonly ctx: ValidateContext,
  ) {
    const known = new Set(docs.map((d) => d.name));
    for (const key of Object.keys(raw)) {
      if (known.has(key)) continue;
      const takes = docs.length > 0 ? `it takes: ${docs.map((d) => d.name).join(', ')}` : 'it takes no arguments';
      this.errors.push(`${predicate} does not take "${key}" (${takes})`);
    }
  }

  /** A host of the playground: node1, node2. */
  host(name: string): string | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (!this.ctx.nodes.includes(value)) {
      this.errors.push(`unknown node "${value}" in "${name}" of ${this.predicate}: this playground has ${listWords(this.ctx.nodes)}`);
      return undefined;
    }
    return value;
  }

  /** A number (fractions allowed) >= min; `fallback` when absent (undefined makes it required). */
  amount(name: string, min: number, fallback?: number): number | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      if (fallback === undefined) this.missing(name);
      return fallback;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
      this.errors.push(`"${name}" of ${this.predicate} must be a number of at least ${min}, got ${show(value)}`);
      return undefined;
    }
    return value;
  }

  /** A whole number >= min; `fallback` when absent (undefined makes it required). */
  count(name: string, min: number, fallback?: number): number | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      if (fallback === undefined) this.missing(name);
      return fallback;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      this.errors.push(`"${name}" of ${this.predicate} must be a whole number of at least ${min}, got ${show(value)}`);
      return undefined;
    }
    return value;
  }

  /** A non-empty string; `fallback` when absent (undefined makes it required). */
  text(name: string, fallback?: string): string | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      if (fallback === undefined) this.missing(name);
      return fallback;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.errors.push(`"${name}" of ${this.predicate} must be a text, got ${show(value)}`);
      return undefined;
    }
    return value.trim();
  }

  /** An absolute path on a host. */
  path(name: string, fallback?: string): string | undefined {
    const value = this.text(name, fallback);
    if (value !== undefined && !value.startsWith('/')) {
      this.errors.push(`"${name}" of ${this.predicate} must be an absolute path (starting with /), got "${value}"`);
      return undefined;
    }
    return value;
  }

  /** A label selector as kubectl -l takes it ("name=weave-net"). */
  selector(name: string, fallback?: string): string | undefined {
    const value = this.text(name, fallback);
    if (value === undefined) return undefined;
    const parsed = parseSelector(value);
    if (!parsed.ok) {
      this.errors.push(`"${name}" of ${this.predicate} is not a label selector: ${parsed.error}`);
      return undefined;
    }
    return value;
  }

  /**
   * A list of names, as YAML writes it (`[rng, hasher]` or one per `- ` line); a single name is a
   * list of one. Each must match `pattern` (described by `what` in errors).
   */
  names(name: string, pattern: RegExp, what: string): string[] | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      this.missing(name);
      return undefined;
    }
    const items = Array.isArray(value) ? (value as readonly JsonValue[]) : [value];
    const bad = items.filter((item) => typeof item !== 'string' || !pattern.test(item));
    if (items.length === 0 || bad.length > 0) {
      this.errors.push(`"${name}" of ${this.predicate} must be a list of ${what}, e.g. ${name}: [a, b]${bad.length > 0 ? `; got ${bad.map(show).join(', ')}` : ''}`);
      return undefined;
    }
    const names = items as string[];
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) {
      this.errors.push(`"${name}" of ${this.predicate} lists "${dup}" twice`);
      return undefined;
    }
    return names;
  }

  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      this.errors.push(`"${name}" of ${this.predicate} must be one of ${values.join(', ')}, got ${show(value)}`);
      return undefined;
    }
    return value as T;
  }

  /** The validated arguments, or every problem found. */
  finish<A>(build: () => A): Validation<A> {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, args: build() };
  }

  private missing(name: string): void {
    const doc = this.docs.find((d) => d.name === name);
    this.errors.push(`${this.predicate} needs "${name}"${doc ? ` (${doc.description})` : ''}`);
  }
}

function show(value: JsonValue): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** "node1 and node2", "a, b and c" (Spanish: conjunction "y"). */
export function listWords(words: readonly string[], conjunction = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
