/**
 * Unified diffs as git prints them: Myers' shortest edit script over lines, hunks with three lines
 * of context (changes six lines apart or closer share a hunk), "@@ -a,b +c,d @@" headers followed
 * by git's default function context (the nearest earlier line of the old file that starts with a
 * letter, "_" or "$"), and "\ No newline at end of file" markers.
 */

const CONTEXT = 3;
const NO_EOL = '\\ No newline at end of file';

interface Lines {
  readonly lines: readonly string[];
  /** The last line has no newline; it never equals a line that has one. */
  readonly noEol: boolean;
}

function split(text: string): Lines {
  if (text === '') return { lines: [], noEol: false };
  const noEol = !text.endsWith('\n');
  const lines = (noEol ? text : text.slice(0, -1)).split('\n');
  if (noEol) lines[lines.length - 1] += '\0';
  return { lines, noEol };
}

type Op = '=' | '-' | '+';

/** Myers' O(ND) algorithm; the trace keeps only each round's live diagonals. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const snap = trace[d]!;
    const at = (k: number) => snap[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('=');
      x--;
      y--;
    }
    if (d > 0) ops.push(x === prevX ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

function funcname(lines: readonly string[], before: number): string {
  for (let i = before - 1; i >= 0; i--) {
    const line = lines[i]!.replace(/\0$/, '');
    if (/^[A-Za-z_$]/.test(line)) return line.replace(/\s+$/, '').slice(0, 80);
  }
  return '';
}

function range(start: number, length: number): string {
  // An empty range names the line before it, as diff -u does.
  const first = length === 0 ? start : start + 1;
  return length === 1 ? `${first}` : `${first},${length}`;
}

/** The hunks of a unified diff from oldText to newText; "" when they are equal. */
export function unifiedHunks(oldText: string, newText: string): string {
  const a = split(oldText);
  const b = split(newText);
  const ops = editScript(a.lines, b.lines);
  // Line indexes in a and b before each op.
  const ai: number[] = [];
  const bi: number[] = [];
  let x = 0;
  let y = 0;
  for (const op of ops) {
    ai.push(x);
    bi.push(y);
    if (op !== '+') x++;
    if (op !== '-') y++;
  }
  let out = '';
  let i = 0;
  while (i < ops.length) {
    if (ops[i] === '=') {
      i++;
      continue;
    }
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    let j = i;
    while (j < ops.length) {
      if (ops[j] !== '=') {
        end = ++j;
        continue;
      }
      let k = j;
      while (k < ops.length && ops[k] === '=') k++;
      if (k < ops.length && k - j <= 2 * CONTEXT) j = k;
      else break;
    }
    const stop = Math.min(ops.length, end + CONTEXT);
    const oldLen = ops.slice(start, stop).filter((o) => o !== '+').length;
    const newLen = ops.slice(start, stop).filter((o) => o !== '-').length;
    const func = funcname(a.lines, ai[start]!);
    out += `@@ -${range(ai[start]!, oldLen)} +${range(bi[start]!, newLen)} @@${func ? ` ${func}` : ''}\n`;
    for (let h = start; h < stop; h++) {
      const op = ops[h]!;
      const line = op === '+' ? b.lines[bi[h]!]! : a.lines[ai[h]!]!;
      out += `${op === '=' ? ' ' : op}${line.replace(/\0$/, '')}\n`;
      if (line.endsWith('\0')) out += `${NO_EOL}\n`;
    }
    i = stop;
  }
  return out;
}
