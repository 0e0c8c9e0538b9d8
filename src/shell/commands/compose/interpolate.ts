/**
 * Compose's variable substitution in the file's values: `$VAR`, `${VAR}`, `${VAR:-default}`,
 * `${VAR-default}`, `$$` for a literal dollar. An unset variable becomes "" with compose v1's
 * warning, once per variable.
 */

export interface Interpolation {
  readonly value: unknown;
  /** Variables used but not set, in the order met. */
  readonly missing: readonly string[];
}

export function interpolate(value: unknown, env: (name: string) => string | undefined): Interpolation {
  const missing: string[] = [];
  const sub = (text: string): string =>
    text.replace(/\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, whole: string, braced?: string, op?: string, fallback?: string, bare?: string) => {
      if (whole === '$') return '$';
      const name = braced ?? bare!;
      const v = env(name);
      if (op === ':-') return v === undefined || v === '' ? fallback ?? '' : v;
      if (op === '-') return v === undefined ? fallback ?? '' : v;
      if (v === undefined) {
        if (!missing.includes(name)) missing.push(name);
        return '';
      }
      return v;
    });
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return sub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return { value: walk(value), missing };
}

export function missingVariableWarning(name: string): string {
  return `The ${name} variable is not set. Defaulting to a blank string.`;
}

/** Splits a command string as Python's shlex does (compose's `command: python app.py`). */
export function shlexSplit(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: '"' | "'" | undefined;
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i];
    } else {
      cur += ch;
    }
  }
  if (has || cur) out.push(cur);
  return out;
}
