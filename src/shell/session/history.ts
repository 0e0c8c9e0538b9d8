/**
 * How bash (cmdhist on, lithist off) stores a command typed over several lines as one history entry,
 * and which lines it keeps (HISTCONTROL=ignoreboth: no line starting with a space, no repeat of the
 * previous entry).
 */
import type { ContinuationReason } from '../parser/errors';

/** Joins the lines of one command; reasons[i] says why line i needed line i+1. */
export function historyEntry(lines: readonly string[], reasons: readonly ContinuationReason[]): string {
  let text = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const reason = reasons[i - 1];
    const line = lines[i]!;
    switch (reason) {
      case 'backslash':
        // The backslash-newline pair disappears: "-f \" + "\"url\"" becomes "-f \"url\"".
        text = text.slice(0, -1) + line;
        break;
      case 'quote':
      case 'heredoc':
        text += `\n${line}`;
        break;
      case 'operator':
        text += ` ${line}`;
        break;
      case 'compound':
      case undefined:
        text = text.trimEnd() + (/(^|[\s;&|(])(then|do|else|in)$|[;{(&|]$/.test(text.trimEnd()) ? ' ' : '; ') + line.trimStart();
        break;
    }
  }
  return text;
}

export function shouldRecord(entry: string, history: readonly string[]): boolean {
  if (entry.trim() === '' || entry.startsWith(' ')) return false;
  return history[history.length - 1] !== entry;
}
