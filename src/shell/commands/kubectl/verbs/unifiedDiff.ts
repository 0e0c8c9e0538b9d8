/**
 * The hunks of `diff -u` (GNU diffutils): a longest common subsequence of lines, three lines of
 * context, hunks closer than twice the context merged, `@@ -a,b +c,d @@` ranges where a count of
 * 1 is left out and an empty side starts at the line before. kubectl diff prints these between
 * its LIVE and MERGED files.
 */

type Op = { readonly kind: ' ' | '-' | '+'; readonly text: string };

const CONTEXT = 3;

/** Line-level edit script, preferring deletions before insertions as GNU diff prints them. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: the LCS length of a[i..] and b[j..]; objects are small (hundreds of lines).
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i]! });
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      ops.push({ kind: '-', text: a[i++]! });
    } else {
      ops.push({ kind: '+', text: b[j++]! });
    }
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
