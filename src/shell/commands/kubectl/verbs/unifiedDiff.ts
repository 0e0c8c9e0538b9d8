/**
 * The hunks of `diff -u` (GNU diffutils): a longest common subsequence of lines, three lines of
 * context, hunks closer than twice the context merged, `@@ -a,b +c,d @@` ranges where a count of
 * 1 is left out and an empty side starts at the line before. kubectl diff prints these between
 * its LIVE and MERGED files.
 */

type Op = { readonly kind: ' ' | '-' | '+'; readonly text: string };

const CONTEXT = 3;

/** Which lines of each side are not in a longest common subsequence (deletions before insertions on ties). */
function changedLines(a: readonly string[], b: readonly string[]): [boolean[], boolean[]] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: the LCS length of a[i..] and b[j..]; objects are small (hundreds of lines).
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ca = new Array<boolean>(n).fill(false);
  const cb = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      ca[i++] = true;
    } else {
      cb[j++] = true;
    }
  }
  return [ca, cb];
}

/**
 * diffutils' shift_boundaries: slides each run of changed lines over identical neighbours so that
 * runs merge, end as late as possible, and line up with a run of the other side, which is how GNU
 * diff chooses among equally short scripts.
 */
function shiftBoundaries(lines: readonly string[], changed: boolean[], other: boolean[]): void {
  const end = lines.length;
  const at = (k: number) => k >= 0 && k < end && changed[k] === true;
  const otherAt = (k: number) => k >= 0 && k < other.length && other[k] === true;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < end && !changed[i]) {
      while (otherAt(j)) j++;
      j++;
      i++;
    }
    if (i === end) return;
    let start = i;
    while (at(++i));
    while (otherAt(j)) j++;
    let runLength: number;
    let corresponding: number;
    do {
      runLength = i - start;
      while (start > 0 && lines[start - 1] === lines[i - 1]) {
        changed[--start] = true;
        changed[--i] = false;
        while (at(start - 1)) start--;
        while (otherAt(--j));
      }
      corresponding = otherAt(j - 1) ? i : end;
      while (i !== end && lines[start] === lines[i]) {
        changed[start++] = false;
        changed[i++] = true;
        while (at(i)) i++;
        while (otherAt(++j)) corresponding = i;
      }
    } while (runLength !== i - start);
    while (corresponding < i) {
      changed[--start] = true;
      changed[--i] = false;
      while (otherAt(--j));
    }
  }
}

/** The edit script from both sides' changed lines: each run's deletions, then its insertions. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const [ca, cb] = changedLines(a, b);
  shiftBoundaries(a, ca, cb);
  shiftBoundaries(b, cb, ca);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && !ca[i] && j < b.length && !cb[j]) {
      ops.push({ kind: ' ', text: a[i++]! });
      j++;
      continue;
    }
    while (i < a.length && ca[i]) ops.push({ kind: '-', text: a[i++]! });
    while (j < b.length && cb[j]) ops.push({ kind: '+', text: b[j++]! });
  }
  return ops;
}

function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** The hunks between two texts ("" when equal); lines end with "\n". */
export function unifiedHunks(before: string, after: string): string {
  const split = (t: string) => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));
  const ops = editScript(split(before), split(after));
  const changed = ops.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  if (changed.length === 0) return '';
  // Group changes whose gap of unchanged lines is at most twice the context.
  const groups: [number, number][] = [];
  for (const k of changed) {
    const last = groups[groups.length - 1];
    if (last && k - last[1] - 1 <= 2 * CONTEXT) last[1] = k;
    else groups.push([k, k]);
  }
  let out = '';
  for (const [first, lastChange] of groups) {
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length - 1, lastChange + CONTEXT);
    // Line numbers where this hunk starts on each side.
    let aLine = 1;
    let bLine = 1;
    for (let k = 0; k < from; k++) {
      if (ops[k]!.kind !== '+') aLine++;
      if (ops[k]!.kind !== '-') bLine++;
    }
    const slice = ops.slice(from, to + 1);
    const aCount = slice.filter((o) => o.kind !== '+').length;
    const bCount = slice.filter((o) => o.kind !== '-').length;
    out += `@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@\n`;
    for (const o of slice) out += `${o.kind}${o.text}\n`;
  }
  return out;
}
