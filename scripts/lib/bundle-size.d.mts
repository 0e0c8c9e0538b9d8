export interface MeasuredFile {
  file: string;
  kind: 'js' | 'css';
  raw: number;
  gzip: number;
  firstPrompt: boolean;
}
export interface BundleReport {
  files: MeasuredFile[];
  inlineScripts: { raw: number; gzip: number };
  totals: { firstPromptJs: number; allJs: number; firstPromptCss: number; allCss: number };
  problems: string[];
}
export function gzipSize(content: string | Uint8Array): number;
export function resolveAsset(fromFile: string, url: string): { ok: true; file: string } | { ok: false; reason: string };
export function measureBundle(distDir: string): BundleReport;
export function chunkName(file: string): string;
