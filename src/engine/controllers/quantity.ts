/**
 * Resource quantities as the API writes them ("100m", "2", "70Mi", "1Gi", "500M"), read into plain
 * numbers: cpu in millicores, everything else in base units. Enough for the scheduler's fit check.
 */
const BINARY: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Readonly<Record<string, number>> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** The value in base units, or undefined when the text is not a quantity. */
export function parseQuantity(text: string | number | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'number') return text;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2]!;
  const factor = BINARY[suffix] ?? DECIMAL[suffix];
  if (Number.isNaN(n) || factor === undefined) return undefined;
  return n * factor;
}

/** Millicores of a cpu quantity ("250m" → 250, "2" → 2000). */
export function milliCpu(text: string | number | undefined): number {
  const v = parseQuantity(text);
  return v === undefined ? 0 : Math.round(v * 1000);
}

/** Bytes (or any count) of a quantity, 0 when absent. */
export function amount(text: string | number | undefined): number {
  return parseQuantity(text) ?? 0;
}
