/**
 * How Go's fmt prints the unstructured values kubectl handles (map[string]interface{},
 * []interface{}, string, int64, float64, bool, nil): `%v`, which custom-columns cells use
 * (`map[app:web tier:x]`, `[a b]`), and `%#v`, which jsonpath's debugging dump uses
 * (`map[string]interface {}{"app":"web"}`). Map keys come sorted, as fmt sorts them.
 */

function sortedKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj).filter((k) => obj[k] !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64) for the float64 values JSON decodes to. */
function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const exp = n.toExponential();
  const [mantissa, e] = exp.split('e') as [string, string];
  const power = Number(e);
  if (power < -4 || power >= 21) return `${mantissa}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  return String(n);
}

/** `%v` */
export function goPrint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return goFloat(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goPrint).join(' ')}]`;
  const obj = value as Record<string, unknown>;
  return `map[${sortedKeys(obj).map((k) => `${k}:${goPrint(obj[k])}`).join(' ')}]`;
}

/** strconv.Quote: Go's double-quoted string with its escapes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** `%#v` */
export function goSyntax(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return goFloat(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSyntax).join(', ')}}`;
  const obj = value as Record<string, unknown>;
  return `map[string]interface {}{${sortedKeys(obj).map((k) => `${goQuote(k)}:${goSyntax(obj[k])}`).join(', ')}}`;
}
