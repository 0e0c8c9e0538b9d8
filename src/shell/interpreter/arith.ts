/**
 * `$(( ... ))`: bash's integer arithmetic (C precedence, 64-bit wrap ignored), with variables read
 * and assigned by name. Errors carry bash's wording.
 */
export class ArithError {
  constructor(readonly message: string) {}
}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { t: 'num'; v: number } | { t: 'name'; v: string } | { t: 'op'; v: string } | { t: 'end' };

const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=',
  '+', '-', '*', '/', '%', '<', '>', '&', '|', '^', '!', '~', '(', ')', '?', ':', '=', ','];

function tokenize(src: string): { toks: Tok[]; offsets: number[] } {
  const toks: Tok[] = [];
  const offsets: number[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    offsets.push(i);
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(src.slice(i));
    if (num) {
      const text = num[0];
      const v = /^0[xX]/.test(text) ? parseInt(text, 16) : text.length > 1 && text.startsWith('0') ? parseInt(text, 8) : parseInt(text, 10);
      if (Number.isNaN(v)) throw new ArithError(`${src.trim()}: value too great for base (error token is "${text}")`);
      toks.push({ t: 'num', v });
      i += text.length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      toks.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError(`${src.trim()}: syntax error: invalid arithmetic operator (error token is "${src.slice(i)}")`);
    toks.push({ t: 'op', v: op });
    i += op.length;
  }
  offsets.push(src.length);
  toks.push({ t: 'end' });
  return { toks, offsets };
}

const BINARY: Readonly<Record<string, number>> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
};

export function evaluateArithmetic(src: string, vars: ArithVars): number {
  if (src.trim() === '') return 0;
  const { toks, offsets } = tokenize(src);
  let pos = 0;
  const expr = src.trim();
  const errorToken = (): string => src.slice(offsets[pos] ?? src.length).trimEnd();

  const peek = (): Tok => toks[pos]!;
  const isOp = (v: string): boolean => {
    const t = peek();
    return t.t === 'op' && t.v === v;
  };
  const readVar = (name: string, depth = 0): number => {
    const raw = vars.get(name) ?? '';
    if (raw.trim() === '') return 0;
    if (/^-?[0-9]+$/.test(raw.trim())) return parseInt(raw.trim(), 10);
    if (depth > 8) throw new ArithError(`${expr}: expression recursion level exceeded`);
    return evaluateArithmetic(raw, vars);
  };

  const primary = (): number => {
    const t = peek();
    if (t.t === 'num') {
      pos++;
      return t.v;
    }
    if (t.t === 'name') {
      pos++;
      if (isOp('++') || isOp('--')) {
        const op = (toks[pos++] as { v: string }).v;
        const old = readVar(t.v);
        vars.set(t.v, String(op === '++' ? old + 1 : old - 1));
        return old;
      }
      if (peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^='].includes((peek() as { v: string }).v)) {
        const op = (toks[pos++] as { v: string }).v;
        const rhs = assignment();
        const value = op === '=' ? rhs : binary(op.slice(0, -1), readVar(t.v), rhs);
        vars.set(t.v, String(value));
        return value;
      }
      return readVar(t.v);
    }
    if (t.t === 'op') {
      if (t.v === '(') {
        pos++;
        const v = comma();
        if (!isOp(')')) throw new ArithError(`${expr}: missing \`)' (error token is "${errorToken()}")`);
        pos++;
        return v;
      }
      if (t.v === '++' || t.v === '--') {
        pos++;
        const n = peek();
        if (n.t !== 'name') throw new ArithError(`${expr}: syntax error: operand expected (error token is "${errorToken()}")`);
        pos++;
        const v = readVar(n.v) + (t.v === '++' ? 1 : -1);
        vars.set(n.v, String(v));
        return v;
      }
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        pos++;
        const v = unary();
        return t.v === '-' ? -v : t.v === '+' ? v : t.v === '!' ? (v === 0 ? 1 : 0) : ~v;
      }
    }
    throw new ArithError(`${expr}: syntax error: operand expected (error token is "${errorToken()}")`);
  };
  const unary = (): number => primary();

  const binary = (op: string, a: number, b: number): number => {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/':
      case '%':
        if (b === 0) throw new ArithError(`${expr}: division by 0 (error token is "${errorToken() || String(b)}")`);
        return op === '/' ? Math.trunc(a / b) : a % b;
      case '**': return a ** b;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '<': return a < b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '&': return a & b;
      case '|': return a | b;
      case '^': return a ^ b;
      case '&&': return a !== 0 && b !== 0 ? 1 : 0;
      case '||': return a !== 0 || b !== 0 ? 1 : 0;
      default: throw new ArithError(`${expr}: syntax error in expression`);
    }
  };

  const climb = (minPrec: number): number => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (t.t !== 'op') break;
      const prec = BINARY[t.v];
      if (prec === undefined || prec < minPrec) break;
      pos++;
      // ** is right-associative; everything else groups to the left.
      const right = climb(t.v === '**' ? prec : prec + 1);
      left = binary(t.v, left, right);
    }
    return left;
  };

  const conditional = (): number => {
    const c = climb(1);
    if (!isOp('?')) return c;
    pos++;
    const a = assignment();
    if (!isOp(':')) throw new ArithError(`${expr}: expected \`:' for conditional expression (error token is "${errorToken()}")`);
    pos++;
    const b = assignment();
    return c !== 0 ? a : b;
  };
  const assignment = (): number => conditional();
  const comma = (): number => {
    let v = assignment();
    while (isOp(',')) {
      pos++;
      v = assignment();
    }
    return v;
  };

  const value = comma();
  if (peek().t !== 'end') throw new ArithError(`${expr}: syntax error in expression (error token is "${errorToken()}")`);
  return value;
}
