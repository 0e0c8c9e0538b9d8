/**
 * Bash's history expansion for lines typed at the prompt: `!!`, `!n`, `!-n`, `!prefix`, `!$`, word
 * designators (`!!:1`, `!!:$`, `!!:*`, `!!:^`) and `^old^new`. Not inside single quotes, not for a
 * `!` followed by a blank, `=`, `(` or a closing double quote, as in bash. Bash prints the expanded
 * line before running it (the session does, on stderr) and records the expanded line.
 */
export type HistoryExpansion =
  | { readonly ok: true; readonly line: string; readonly changed: boolean }
  | { readonly ok: false; readonly message: string };

/** An entry's words, quotes kept, the way bash's history library splits them. */
function words(entry: string): string[] {
  return entry.match(/(?:[^\s'"]+|'[^']*'|"(?:\\.|[^"\\])*")+/g) ?? [];
}

function designate(entry: string, designator: string | undefined): string | undefined {
  if (designator === undefined) return entry;
  const w = words(entry);
  switch (designator) {
    case '$': return w[w.length - 1];
    case '^': return w[1];
    case '*': return w.slice(1).join(' ');
    default: return /^[0-9]+$/.test(designator) ? w[Number(designator)] : undefined;
  }
}

export function expandHistory(line: string, history: readonly string[]): HistoryExpansion {
  if (!line.includes('!') && !line.startsWith('^')) return { ok: true, line, changed: false };
  const last = history[history.length - 1];
  const quick = /^\^([^^]*)\^([^^]*)\^?$/.exec(line);
  if (quick) {
    if (last === undefined || !last.includes(quick[1]!)) return { ok: false, message: 'bash: :s^' + quick[1] + '^' + quick[2] + ': substitution failed' };
    return { ok: true, line: last.replace(quick[1]!, quick[2]!), changed: true };
  }
  let out = '';
  let changed = false;
  let single = false;
  let double = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && !single) {
      out += c + (line[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === "'" && !double) single = !single;
    else if (c === '"' && !single) double = !double;
    if (c !== '!' || single) {
      out += c;
      continue;
    }
    const next = line[i + 1];
    const prev = line[i - 1];
    // Bash leaves alone `[!...]` (a glob), `${!name}` and a `!` before a blank, `=`, `(` or a closing quote.
    const glob = prev === '[' && line.indexOf(']', i + 1) > 0;
    const indirect = prev === '{' && line[i - 2] === '$';
    if (next === undefined || /[\s=(]/.test(next) || (double && next === '"') || glob || indirect) {
      out += c;
      continue;
    }
    // The event: which history entry.
    let entry: string | undefined;
    let j: number;
    let designator: string | undefined;
    let spec: string;
    if (next === '!') {
      entry = last;
      j = i + 2;
      spec = '!!';
    } else if (next === '$' || next === '^' || next === '*') {
      entry = last;
      designator = next;
      j = i + 2;
      spec = `!${next}`;
    } else {
      const m = /^(-?[0-9]+|[^\s:"'!;&|<>()]+)/.exec(line.slice(i + 1));
      if (!m) {
        out += c;
        continue;
      }
      spec = `!${m[1]}`;
      j = i + 1 + m[1]!.length;
      if (/^-?[0-9]+$/.test(m[1]!)) {
        const n = Number(m[1]);
        entry = history[n < 0 ? history.length + n : n - 1];
      } else {
        entry = [...history].reverse().find((h) => h.startsWith(m[1]!));
      }
    }
    const d = /^:(\$|\^|\*|[0-9]+)/.exec(line.slice(j));
    if (d && designator === undefined) {
      designator = d[1];
      j += d[0].length;
      spec += d[0];
    }
    if (entry === undefined) return { ok: false, message: `bash: ${spec}: event not found` };
    const text = designate(entry, designator);
    if (text === undefined) return { ok: false, message: `bash: ${spec}: bad word specifier` };
    out += text;
    changed = true;
    i = j - 1;
  }
  return { ok: true, line: out, changed };
}
