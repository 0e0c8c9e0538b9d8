/**
 * Resource quantities as apimachinery's resource.Quantity parses and prints them ("100m", "70Mi",
 * "2", "32879876Ki"). Values are held in milli-units, enough for every CPU and memory figure of a
 * playground cluster. A sum keeps the format of its first term, as Quantity.Add does.
 */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  readonly milli: number;
  readonly format: QuantityFormat;
}

export const ZERO: Quantity = { milli: 0, format: 'DecimalSI' };

const BINARY: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Readonly<Record<string, number>> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export function parseQuantity(text: string | number | undefined): Quantity | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'number') return { milli: Math.round(text * 1000), format: 'DecimalSI' };
  const m = text.trim().match(/^([+-]?[0-9.]+)([eE][+-]?[0-9]+|[KMGTPE]i|[numkMGTPE]?)$/);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (Number.isNaN(n)) return undefined;
  const suffix = m[2]!;
  if (suffix in BINARY) return { milli: Math.ceil(n * BINARY[suffix]! * 1000), format: 'BinarySI' };
  if (/^[eE]/.test(suffix)) return { milli: Math.ceil(n * 10 ** Number(suffix.slice(1)) * 1000), format: 'DecimalExponent' };
  return { milli: Math.ceil(n * DECIMAL[suffix]! * 1000), format: 'DecimalSI' };
}

export function addQuantities(a: Quantity | undefined, b: Quantity | undefined): Quantity {
  if (!a) return b ?? ZERO;
  if (!b) return a;
  return { milli: a.milli + b.milli, format: a.format };
}

/** Quantity.Value(): whole units, rounded up. */
export function quantityValue(q: Quantity | undefined): number {
  return q ? Math.ceil(q.milli / 1000) : 0;
}

export function quantityMilli(q: Quantity | undefined): number {
  return q ? q.milli : 0;
}

/** Quantity.String(): the canonical form. */
export function formatQuantity(q: Quantity | undefined): string {
  if (!q || q.milli === 0) return '0';
  const sign = q.milli < 0 ? '-' : '';
  const milli = Math.abs(q.milli);
  if (q.format === 'BinarySI' && milli % 1000 === 0) {
    const bytes = milli / 1000;
    if (bytes >= 1024) {
      for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
        const unit = BINARY[suffix]!;
        if (bytes % unit === 0) return `${sign}${bytes / unit}${suffix}`;
      }
    }
    return `${sign}${bytes}`;
  }
  if (milli % 1000 !== 0) return `${sign}${milli}m`;
  const units = milli / 1000;
  const suffixes: readonly [string, number][] = q.format === 'DecimalExponent'
    ? [['e18', 1e18], ['e15', 1e15], ['e12', 1e12], ['e9', 1e9], ['e6', 1e6], ['e3', 1e3]]
    : [['E', 1e18], ['P', 1e15], ['T', 1e12], ['G', 1e9], ['M', 1e6], ['k', 1e3]];
  for (const [suffix, unit] of suffixes) {
    if (units % unit === 0) return `${sign}${units / unit}${suffix}`;
  }
  return `${sign}${units}`;
}
