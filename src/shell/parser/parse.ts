/**
 * The parser's entry point: text in, a ParseResult out. Never throws.
 */
import type { Script } from './ast';
import { NeedMore, SyntaxFailure, type ContinuationReason } from './errors';
import { Parser } from './parser';

export type ParseResult =
  | { readonly kind: 'complete'; readonly ast: Script }
  /** Interactive input that needs another line (bash would print PS2). */
  | { readonly kind: 'incomplete'; readonly reason: ContinuationReason }
  /** `message` is bash's wording, with its "bash: " prefix. */
  | { readonly kind: 'error'; readonly message: string };

export interface ParseOptions {
  /** True for lines typed at the prompt: an unfinished construct is 'incomplete' instead of an error. */
  readonly interactive?: boolean;
  /** Alias values by name, expanded at the start of simple commands. */
  readonly aliases?: (name: string) => string | undefined;
}

export function parse(source: string, opts: ParseOptions = {}): ParseResult {
  const parser = new Parser(source, { interactive: opts.interactive ?? false, aliases: opts.aliases });
  try {
    return { kind: 'complete', ast: parser.parseScript() };
  } catch (e) {
    if (e instanceof NeedMore) {
      return opts.interactive ? { kind: 'incomplete', reason: e.reason } : { kind: 'error', message: `bash: ${e.eofMessage}` };
    }
    if (e instanceof SyntaxFailure) return { kind: 'error', message: `bash: ${e.message}` };
    // Deeply nested input can exhaust the stack; bash has its own limits too.
    if (e instanceof RangeError) return { kind: 'error', message: 'bash: expression nested too deeply' };
    return { kind: 'error', message: `bash: syntax error: ${e instanceof Error ? e.message : String(e)}` };
  }
}
