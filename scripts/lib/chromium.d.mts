export const SYSTEM_CHROMIUM: string;
export const CHROMIUM_ARGS: readonly string[];
export type ChromiumChoice =
  | { ok: true; source: 'env' | 'system' | 'playwright'; executablePath: string }
  | { ok: false; message: string };
export function findChromium(options?: {
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  playwrightExecutablePath?: () => string;
}): ChromiumChoice;
