// Which Chromium the end-to-end tests drive. CI and these machines use Debian's /usr/bin/chromium
// (nothing downloads a browser there); a developer's machine may instead have Playwright's own
// (`npx playwright install chromium`). KUBEPLAY_CHROMIUM names another binary explicitly.
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

// As root in a container Chromium's sandbox cannot start; there is no GPU; and the machine's
// network is closed, so background requests (updates, sync, safe browsing) would only fail,
// many at a time, at every start.
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

/**
 * @typedef {{ ok: true, source: 'env' | 'system' | 'playwright', executablePath: string }
 *   | { ok: false, message: string }} ChromiumChoice
 */

/**
 * Where Playwright's own Chromium would be; '' when Playwright can't say (no browsers registry).
 * @param {(() => string) | undefined} executablePath
 */
function playwrightOwn(executablePath) {
  try {
    return executablePath?.() ?? '';
  } catch {
    return '';
  }
}

/**
 * @param {{
 *   env?: Record<string, string | undefined>,
 *   exists?: (path: string) => boolean,
 *   playwrightExecutablePath?: () => string,
 * }} [options] playwrightExecutablePath: where Playwright's own Chromium would be installed
 * @returns {ChromiumChoice}
 */
export function findChromium(options = {}) {
  const env = options.env ?? process.env;
  const exists = options.exists ?? existsSync;
  const explicit = env.KUBEPLAY_CHROMIUM;
  if (explicit !== undefined && explicit !== '') {
    return exists(explicit)
      ? { ok: true, source: 'env', executablePath: explicit }
      : { ok: false, message: `KUBEPLAY_CHROMIUM is set to ${explicit}, which does not exist.` };
  }
  if (exists(SYSTEM_CHROMIUM)) return { ok: true, source: 'system', executablePath: SYSTEM_CHROMIUM };
  const own = playwrightOwn(options.playwrightExecutablePath);
  if (own !== '' && exists(own)) return { ok: true, source: 'playwright', executablePath: own };
  return {
    ok: false,
    message: [
      'No Chromium found for the end-to-end tests.',
      `Looked for ${SYSTEM_CHROMIUM}${own === '' ? '' : ` and Playwright's own browser at ${own}`}.`,
      'Get one of them:',
      '  - Debian/Ubuntu: sudo apt-get install chromium',
      '  - anywhere else: npx playwright install chromium',
      'or point KUBEPLAY_CHROMIUM at a Chromium or Chrome binary.',
    ].join('\n'),
  };
}
