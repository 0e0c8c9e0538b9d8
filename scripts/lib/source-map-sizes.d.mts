export interface SourceShare {
  source: string;
  chunk: string;
  raw: number;
  gzip: number;
}
export function decodeVlq(text: string): number[];
export function bytesPerSource(code: string, mappings: string): Map<number, number>;
export function sourceName(source: string): string;
export function sourceGroup(name: string): string;
export function measureSources(distDir: string): { shares: SourceShare[]; unmapped: string[] };
export function totalsBy(
  shares: SourceShare[],
  keyOf: (share: SourceShare) => string,
): { key: string; raw: number; gzip: number; chunks: string[] }[];
