/**
 * Word expansion as the shell does it before running a command: parameters (`$VAR`, `${VAR:-x}`,
 * `$?`…), command substitution, arithmetic, then field splitting of the unquoted results (no
 * pathname expansion: `*` stays a star).
 */
import { evalArith } from './arith';
import type { List, Word } from './parse';

export interface Expansion {
  variable(name: string): string | undefined;
  assign(name: string, value: string): void;
  error(text: string): void;
  /** Runs a command substitution; returns what it printed. */
  substitute(script: List): string;
}

/** Words to fields: unquoted expansions split on blanks, quoted ones kept whole. */
export function expandWords(words: readonly Word[], x: Expansion): string[] {
  const out: string[] = [];
  for (const word of words) {
    let current = '';
    let any = false;
    for (const part of word.parts) {
      const text = expandPart(part, x);
      if (part.quoted || part.kind === 'lit') {
        current += text;
        any = true;
        continue;
      }
      const pieces = text.split(/[ \t\n]+/);
      for (let i = 0; i < pieces.length; i++) {
        if (i > 0) {
          if (any || current !== '') out.push(current);
          current = '';
          any = false;
        }
        current += pieces[i]!;
        if (pieces[i] !== '') any = true;
      }
    }
    if (any || current !== '') out.push(current);
  }
  return out;
}

/** A word as one string (redirection targets, assignments). */
export function expandWord(word: Word, x: Expansion): string {
  return word.parts.map((p) => expandPart(p, x)).join('');
}

function expandPart(part: Word['parts'][number], x: Expansion): string {
  switch (part.kind) {
    case 'lit':
      return part.text;
    case 'var': {
      const value = x.variable(part.name);
      if (part.op === undefined) return value ?? '';
      const unset = part.op.startsWith(':') ? !value : value === undefined;
      const arg = (): string => (part.arg ? expandWord(part.arg, x) : '');
      if (part.op.endsWith('-')) return unset ? arg() : value!;
      if (part.op.endsWith('=')) {
        if (!unset) return value!;
        const v = arg();
        x.assign(part.name, v);
        return v;
      }
      if (part.op.endsWith('+')) return unset ? '' : arg();
      return value ?? '';
    }
    case 'arith': {
      const r = evalArith(part.expr.replace(/\$(\w+)/g, '$1'), (n) => x.variable(n));
      if (r.ok) return String(r.value);
      x.error(`sh: ${r.message}: ${part.expr}\n`);
      return '0';
    }
    case 'sub':
      return x.substitute(part.script).replace(/\n+$/, '');
  }
}
