// End-to-end tests: the production build (vite build, then vite preview) driven in headless
// Chromium. Debian's /usr/bin/chromium is used when present (CI never downloads a browser), else
// Playwright's own; see docs/testing.md.
import { chromium, defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/lib/chromium.mjs';
import { hasSpecFiles } from './scripts/lib/specs.mjs';

// Two checkouts' suites (or two engineers' in one tree) can run side by side with their own port
// and build folder: KUBEPLAY_E2E_PORT=4180 KUBEPLAY_E2E_OUT_DIR=.cache/dist-a npx playwright test
const PORT = Number(process.env.KUBEPLAY_E2E_PORT ?? 4173);
const OUT_DIR = process.env.KUBEPLAY_E2E_OUT_DIR ?? 'dist';
const BASE_URL = `http://127.0.0.1:${PORT}/`;
const TEST_DIR = './e2e';

const specs = hasSpecFiles(TEST_DIR);
const browser = findChromium({ playwrightExecutablePath: () => chromium.executablePath() });
// Without a spec nothing needs a browser; with one, say plainly how to get one.
if (!browser.ok && specs) throw new Error(browser.message);

// scripts/test-all.mjs builds once in its own step and says so with KUBEPLAY_E2E_PREBUILT=1;
// run alone, the suite builds first so it never tests a stale dist/.
const preview = `npx vite preview --configLoader runner --outDir ${OUT_DIR} --port ${PORT} --strictPort --host 127.0.0.1`;
const serve = process.env.KUBEPLAY_E2E_PREBUILT === '1' ? preview : `npx vite build --configLoader runner --outDir ${OUT_DIR} --emptyOutDir && ${preview}`;

export default defineConfig({
  testDir: TEST_DIR,
  outputDir: process.env.KUBEPLAY_E2E_OUT_DIR ? `${OUT_DIR}-results` : 'test-results',
  // Two cores: test files run two at a time, the tests of one file in order.
  fullyParallel: false,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? 'playwright-report/results.json' }],
  ],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      args: [...CHROMIUM_ARGS],
      // Playwright's own browser needs no path; any other one does.
      ...(browser.ok && browser.source !== 'playwright' ? { executablePath: browser.executablePath } : {}),
    },
    trace: 'retain-on-failure',
  },
  // Nothing to serve without a spec: an empty suite costs no build and counts as zero tests.
  ...(specs
    ? {
        webServer: {
          command: serve,
          url: BASE_URL,
          reuseExistingServer: process.env.CI === undefined,
          timeout: 180_000,
          stdout: 'ignore' as const,
          stderr: 'pipe' as const,
        },
      }
    : {}),
});
