/**
 * `$(( … ))` as ash evaluates it, in 64-bit-ish integers: + - * / %, comparisons, && ||,
 * parentheses, unary minus and !, and variable names (unset or non-numeric ones are 0).
 * A malformed expression is an error, as the shell reports it.
 */
export type ArithResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

const BINARY: ReadonlyArray<readonly string[]> = [['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];

export function evalArith(expr: string, lookup: (name: string) => string | undefined): ArithResult {
  const tokens = expr.match(/\s*(\d+|[A-Za-z_]\w*|\|\||&&|==|!=|<=|>=|[-+*/%()<>!])/gy)?.map((t) => t.trim()) ?? [];
  if (tokens.join('') !== expr.replace(/\s+/g, '')) return { ok: false, message: `arithmetic syntax error` };
  let pos = 0;
  const fail = (): never => {
    throw new RangeError('arithmetic syntax error');
  };
  const primary = (): number => {
    const t = tokens[pos++];
    if (t === undefined) return fail();
    if (t === '(') {
      const v = level(0);
      if (tokens[pos++] !== ')') fail();
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() === 0 ? 1 : 0;
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      const v = Number.parseInt(lookup(t) ?? '0', 10);
      return Number.isNaN(v) ? 0 : v;
    }
    return fail();
  };
  const level = (n: number): number => {
    if (n >= BINARY.length) return primary();
    let left = level(n + 1);
    for (let op = tokens[pos]; op !== undefined && BINARY[n]!.includes(op); op = tokens[pos]) {
      pos++;
      const right = level(n + 1);
      left = apply(op, left, right);
    }
    return left;
  };
  try {
    if (tokens.length === 0) return { ok: true, value: 0 };
    const value = level(0);
    if (pos !== tokens.length) fail();
    return { ok: true, value };
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, message: e.message };
    throw e;
  }
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/':
    case '%':
      if (b === 0) throw new RangeError('divide by zero');
      return op === '/' ? Math.trunc(a / b) : a % b;
    case '<': return a < b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '==': return a === b ? 1 : 0;
    case '!=': return a !== b ? 1 : 0;
    case '&&': return a !== 0 && b !== 0 ? 1 : 0;
    default: return a !== 0 || b !== 0 ? 1 : 0;
  }
}
