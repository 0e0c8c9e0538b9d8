/**
 * What screen-reader mode says when a command ends: its output as plain text (escape sequences and
 * control characters removed, runs of spaces in tables collapsed), cut to a few lines so a long
 * listing does not talk for a minute: the first lines, "and 40 more lines", then the last line
 * (where errors and summaries are); the rest stays in the terminal's own accessible buffer. Then
 * the exit status when it is not 0. Nothing for a command
 * that printed nothing and succeeded: the next prompt, read by xterm's screen-reader mode, says enough.
 */
import type { TerminalRunResult } from '../../shell';
import type { Lang } from '../../store';

export interface AnnouncementWords {
  moreLines(count: number): string;
  exitStatus(code: number): string;
}

export interface AnnouncementLimits {
  readonly lines: number;
  readonly chars: number;
}

const LIMITS: AnnouncementLimits = { lines: 10, chars: 600 };

// Here rather than in i18n.ts: this module loads only once screen-reader mode is on.
export const ANNOUNCEMENT_WORDS: Readonly<Record<Lang, AnnouncementWords>> = {
  en: { moreLines: (n) => (n === 1 ? 'and 1 more line' : `and ${n} more lines`), exitStatus: (code) => `exit status ${code}` },
  es: { moreLines: (n) => (n === 1 ? 'y 1 línea más' : `y ${n} líneas más`), exitStatus: (code) => `código de salida ${code}` },
};

// CSI (colours, cursor moves), OSC (titles, links) ended by BEL or ST, then any other ESC pair.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f]/g;

/** The output's lines as a screen reader should hear them: plain, trimmed, blank lines dropped. */
export function plainLines(output: string): string[] {
  return output
    .replace(ESCAPES, '')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .split('\n')
    .map((line) => line.replace(/[ \t]{2,}/g, '  ').trim())
    .filter((line) => line !== '');
}

function cut(line: string, room: number): string {
  return line.length > room ? `${line.slice(0, Math.max(0, room))}…` : line;
}

/** As many first lines as fit in `lines` lines and `chars` characters (the last one cut if need be). */
function head(lines: readonly string[], limits: AnnouncementLimits): string[] {
  const kept: string[] = [];
  let chars = 0;
  for (const line of lines) {
    const room = limits.chars - chars;
    if (kept.length >= limits.lines || room <= 0) break;
    kept.push(cut(line, room));
    chars += line.length;
  }
  return kept;
}

export function commandAnnouncement(result: TerminalRunResult, words: AnnouncementWords, limits: AnnouncementLimits = LIMITS): string {
  const lines = plainLines(result.output);
  const total = lines.reduce((sum, line) => sum + line.length, 0);
  let parts: string[];
  if (lines.length <= limits.lines && total <= limits.chars) {
    parts = lines;
  } else {
    const last = cut(lines[lines.length - 1]!, Math.floor(limits.chars / 3));
    const first = head(lines.slice(0, -1), { lines: limits.lines - 1, chars: limits.chars - last.length });
    const skipped = lines.length - 1 - first.length;
    parts = [...first, ...(skipped > 0 ? [words.moreLines(skipped)] : []), last];
  }
  if (result.exitCode !== 0) parts.push(words.exitStatus(result.exitCode));
  return parts.join('\n');
}
