import { describe, expect, it } from 'vitest';
import { findChromium, SYSTEM_CHROMIUM } from './chromium.mjs';

const only = (...paths: string[]) => (candidate: string) => paths.includes(candidate);
const OWN = '/root/.cache/ms-playwright/chromium-1234/chrome-linux/chrome';

describe('findChromium', () => {
  it("prefers Debian's /usr/bin/chromium", () => {
    expect(findChromium({ env: {}, exists: only(SYSTEM_CHROMIUM, OWN), playwrightExecutablePath: () => OWN }))
      .toEqual({ ok: true, source: 'system', executablePath: SYSTEM_CHROMIUM });
  });

  it("falls back to Playwright's own browser when it is installed", () => {
    expect(findChromium({ env: {}, exists: only(OWN), playwrightExecutablePath: () => OWN }))
      .toEqual({ ok: true, source: 'playwright', executablePath: OWN });
  });

  it('honours KUBEPLAY_CHROMIUM, and says so when it points nowhere', () => {
    expect(findChromium({ env: { KUBEPLAY_CHROMIUM: '/opt/chrome' }, exists: only('/opt/chrome', SYSTEM_CHROMIUM) }))
      .toEqual({ ok: true, source: 'env', executablePath: '/opt/chrome' });
    expect(findChromium({ env: { KUBEPLAY_CHROMIUM: '/nope' }, exists: only(SYSTEM_CHROMIUM) }))
      .toEqual({ ok: false, message: 'KUBEPLAY_CHROMIUM is set to /nope, which does not exist.' });
  });

  it('explains how to get a browser when there is none', () => {
    const choice = findChromium({ env: {}, exists: only(), playwrightExecutablePath: () => { throw new Error('no registry'); } });
    expect(choice.ok).toBe(false);
    if (choice.ok) return;
    expect(choice.message).toContain('apt-get install chromium');
    expect(choice.message).toContain('npx playwright install chromium');
  });
});
