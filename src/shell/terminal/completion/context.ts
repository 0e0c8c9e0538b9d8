/**
 * What is being completed: reads the line up to the cursor the way bash splits it into words
 * (quotes, backslashes, $( ) and backticks, | && || ; ( ), redirections), and returns the words
 * of the simple command the cursor is in, the partial word under the cursor with its quoting
 * removed, and where that word starts. It only has to be good enough for completion: it never
 * fails, whatever the input.
 */

export type CompletionPosition = 'command' | 'argument' | 'redirect';
export type Quote = '' | "'" | '"';

export interface CompletionContext {
  /** Unquoted words before the current one in this simple command; words[0] is the command. */
  readonly words: readonly string[];
  /** The partial word under the cursor, quotes and backslashes removed. */
  readonly current: string;
  /** Offset in the line where the current word starts (at its opening quote, if any). */
  readonly start: number;
  /** The quote still open at the cursor. */
  readonly quote: Quote;
  /** True when the current word has quotes or backslashes before the cursor. */
  readonly quoted: boolean;
  readonly position: CompletionPosition;
}

interface Frame {
  words: string[];
  word: string | undefined;
  start: number;
  quote: Quote;
  quoted: boolean;
  redirect: boolean;
  /** What closes this frame: ')' for $( ), '`' for backticks, '' for the line itself. */
  readonly closer: '' | ')' | '`';
}

const frame = (closer: Frame['closer']): Frame => ({ words: [], word: undefined, start: 0, quote: '', quoted: false, redirect: false, closer });

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Commands that run the next word as a command: completion starts over after them. */
const PREFIX_COMMANDS = new Set(['sudo', 'time', 'nohup', 'exec']);

export function completionContext(line: string, cursor: number): CompletionContext {
  const stack: Frame[] = [frame('')];
  const top = () => stack[stack.length - 1]!;
  const startWord = (f: Frame, at: number) => {
    if (f.word === undefined) {
      f.word = '';
      f.start = at;
      f.quoted = false;
    }
  };
  const endWord = (f: Frame) => {
    if (f.word === undefined) return;
    if (f.redirect) f.redirect = false;
    else f.words.push(f.word);
    f.word = undefined;
  };
  const newCommand = (f: Frame) => {
    endWord(f);
    f.words = [];
    f.redirect = false;
  };

  const end = Math.min(cursor, line.length);
  for (let i = 0; i < end; i++) {
    const f = top();
    const ch = line[i]!;
    const next = i + 1 < end ? line[i + 1] : undefined;
    if (f.quote === "'") {
      if (ch === "'") f.quote = '';
      else f.word += ch;
      continue;
    }
    if (f.quote === '"') {
      if (ch === '\\' && next !== undefined) {
        f.word += '"\\$`\n'.includes(next) ? next : `\\${next}`;
        i++;
      } else if (ch === '"') {
        f.quote = '';
      } else if (ch === '$' && next === '(') {
        stack.push(frame(')'));
        i++;
      } else if (ch === '`') {
        stack.push(frame('`'));
      } else {
        f.word += ch;
      }
      continue;
    }
    if (ch === '\\') {
      startWord(f, i);
      f.quoted = true;
      if (next !== undefined) {
        f.word += next;
        i++;
      }
    } else if (ch === "'" || ch === '"') {
      startWord(f, i);
      f.quoted = true;
      f.quote = ch;
    } else if (ch === '$' && next === '(') {
      startWord(f, i);
      stack.push(frame(')'));
      i++;
    } else if (ch === '`' && f.closer === '`') {
      endWord(f);
      stack.pop();
    } else if (ch === '`') {
      startWord(f, i);
      stack.push(frame('`'));
    } else if (ch === ')' && f.closer === ')') {
      endWord(f);
      stack.pop();
    } else if (ch === ' ' || ch === '\t' || ch === '\n') {
      endWord(f);
    } else if (ch === '&' && (line[i - 1] === '>' || line[i - 1] === '<')) {
      // 2>&1, >&2: part of a redirection, not a command separator.
      f.redirect = false;
    } else if (ch === '|' || ch === '&' || ch === ';' || ch === '(' || ch === ')') {
      newCommand(f);
    } else if (ch === '<' || ch === '>') {
      // "2>file": the digits before the operator name a file descriptor, not a word.
      if (f.word !== undefined && /^\d+$/.test(f.word) && !f.quoted) f.word = undefined;
      endWord(f);
      f.redirect = true;
    } else {
      startWord(f, i);
      f.word += ch;
    }
  }

  const f = top();
  const current = f.word ?? '';
  const start = f.word === undefined ? end : f.start;
  let words = f.words;
  for (;;) {
    const first = words[0];
    if (first === undefined) break;
    if (ASSIGNMENT.test(first) || PREFIX_COMMANDS.has(first)) words = words.slice(1);
    else break;
  }
  const position: CompletionPosition = f.redirect ? 'redirect' : words.length === 0 ? 'command' : 'argument';
  return { words, current, start, quote: f.quote, quoted: f.quoted, position };
}
