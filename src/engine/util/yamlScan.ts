/**
 * Just enough of a YAML scanner to say which quoted scalar or flow collection is still open at a
 * point of the text. Quotes and brackets count only where a node may start (`key: "`, `- [`,
 * `, {`); comments and block scalars (`|`, `>`) are skipped, so the apostrophe in `it's` or in a
 * literal script is not taken for a quote.
 */
export type Unclosed =
  | { readonly kind: 'quote'; readonly char: '"' | "'"; readonly offset: number }
  | {
    readonly kind: 'flow';
    readonly char: '[' | '{';
    readonly offset: number;
    /** Nothing came after the last "[", "{", "," or ":" yet: a value is still expected. */
    readonly awaitingNode: boolean;
  };

/**
 * The innermost quote or flow collection open at `end` (the end of the text by default); a flow
 * collection met by the wrong closing bracket counts as open.
 */
export function openAt(text: string, end = text.length): Unclosed | undefined {
  const flows: { char: '[' | '{'; offset: number }[] = [];
  let awaitingNode = false;
  let i = 0;
  while (i < end) {
    const ch = text[i]!;
    const inFlow = flows.length > 0;
    if ((ch === '"' || ch === "'") && startsNode(text, i, inFlow)) {
      const close = closingQuote(text, i);
      if (close < 0 || close >= end) return { kind: 'quote', char: ch, offset: i };
      i = close + 1;
      awaitingNode = false;
      continue;
    }
    if (ch === '#' && (i === 0 || isBlank(text[i - 1]!))) {
      i = lineEnd(text, i);
      continue;
    }
    if ((ch === '|' || ch === '>') && !inFlow && startsNode(text, i, false)) {
      i = blockScalarEnd(text, i);
      continue;
    }
    if ((ch === '[' || ch === '{') && (inFlow || startsNode(text, i, false))) {
      flows.push({ char: ch, offset: i });
      awaitingNode = true;
    } else if ((ch === ']' || ch === '}') && inFlow) {
      // The wrong bracket does not close anything: the collection it meets is the one left open.
      const innermost = flows[flows.length - 1]!;
      if ((ch === ']') !== (innermost.char === '[')) return { kind: 'flow', char: innermost.char, offset: innermost.offset, awaitingNode: false };
      flows.pop();
      awaitingNode = false;
    } else if (inFlow && (ch === ',' || (ch === ':' && (i + 1 >= text.length || isBlank(text[i + 1]!) || ',[]{}'.includes(text[i + 1]!))))) {
      awaitingNode = true;
    } else if (!isBlank(ch)) {
      awaitingNode = false;
    }
    i++;
  }
  const open = flows.at(-1);
  return open ? { kind: 'flow', char: open.char, offset: open.offset, awaitingNode } : undefined;
}

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}

function indentOf(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === ' ') i++;
  return i - lineStart;
}

/** A node may start here: at the start of a line, after "key: ", "- " or "? ", or after a flow indicator. */
function startsNode(text: string, i: number, inFlow: boolean): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  if (j < 0 || text[j] === '\n' || text[j] === '\r') return true;
  const before = text[j]!;
  if (inFlow && '[{,:'.includes(before)) return true;
  return (before === ':' || before === '-' || before === '?') && j < i - 1;
}

/** The closing quote's offset, or -1: '' is an escaped quote in single quotes, \" in double quotes. */
function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote === '"' && ch === '\\') i++;
    else if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** Past a `|` or `>` block: its header line, then every blank line or line indented deeper than the one that opened it. */
function blockScalarEnd(text: string, at: number): number {
  const indent = indentOf(text, text.lastIndexOf('\n', at) + 1);
  let start = lineEnd(text, at) + 1;
  while (start < text.length) {
    const end = lineEnd(text, start);
    if (text.slice(start, end).trim() !== '' && indentOf(text, start) <= indent) break;
    start = end + 1;
  }
  return Math.min(start, text.length);
}
