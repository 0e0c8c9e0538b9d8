// Shared fixtures for every end-to-end spec: import `test` and `expect` from here, not from
// @playwright/test. Each test watches every page of its browser context and fails when a page
// throws an uncaught error, logs a console error, or violates the Content-Security-Policy.
// A test that provokes one on purpose says so with `test.use({ allowConsoleErrors: [/.../] })`
// or `test.use({ failOnCspViolation: false })` and then asserts on `pageProblems` itself.
import { test as base, expect } from '@playwright/test';
import type { BrowserContext, ConsoleMessage, Page } from '@playwright/test';

/** What a `securitypolicyviolation` event says, plus the page it happened on. */
export interface CspViolation {
  pageUrl: string;
  documentURI: string;
  blockedURI: string;
  effectiveDirective: string;
  violatedDirective: string;
  disposition: string;
  sourceFile: string;
  lineNumber: number;
  sample: string;
}

export interface PageProblems {
  /** uncaught exceptions and unhandled rejections, as `pageerror` reports them */
  pageErrors: string[];
  /** console.error and browser-logged errors (failed loads), with where they came from */
  consoleErrors: string[];
  cspViolations: CspViolation[];
}

interface ProblemOptions {
  /** console errors matching one of these are expected by the test and don't fail it */
  allowConsoleErrors: RegExp[];
  /** true (the default): any CSP violation fails the test */
  failOnCspViolation: boolean;
}

interface ProblemFixtures {
  /** everything collected so far in this test; assert on it mid-test if you need to */
  pageProblems: PageProblems;
}

const CSP_BINDING = '__kubeplayReportCspViolation';

// Chromium also logs each CSP violation to the console ("Refused to load ... because it violates
// the following Content Security Policy directive"); those are counted once, as violations.
const CSP_CONSOLE_MESSAGE = /violates the following Content Security Policy directive/;

function describeConsoleMessage(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return url === '' ? message.text() : `${message.text()} (${url}:${lineNumber})`;
}

async function recordCspViolations(context: BrowserContext, problems: PageProblems): Promise<void> {
  await context.exposeBinding(CSP_BINDING, ({ page }: { page: Page }, violation: Omit<CspViolation, 'pageUrl'>) => {
    problems.cspViolations.push({ pageUrl: page.url(), ...violation });
  });
  // Runs in every page and frame before the page's own scripts.
  await context.addInitScript((binding: string) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, ((v: unknown) => void) | undefined>)[binding];
      report?.({
        documentURI: event.documentURI,
        blockedURI: event.blockedURI,
        effectiveDirective: event.effectiveDirective,
        violatedDirective: event.violatedDirective,
        disposition: event.disposition,
        sourceFile: event.sourceFile,
        lineNumber: event.lineNumber,
        sample: event.sample,
      });
    });
  }, CSP_BINDING);
}

export const test = base.extend<ProblemOptions & ProblemFixtures>({
  allowConsoleErrors: [[], { option: true }],
  failOnCspViolation: [true, { option: true }],

  pageProblems: [
    async ({ context, allowConsoleErrors, failOnCspViolation }, use, testInfo) => {
      const problems: PageProblems = { pageErrors: [], consoleErrors: [], cspViolations: [] };
      await recordCspViolations(context, problems);

      const watch = (page: Page) => {
        page.on('pageerror', (error) => {
          problems.pageErrors.push(error.stack ?? `${error.name}: ${error.message}`);
        });
        page.on('console', (message) => {
          if (message.type() !== 'error') return;
          const text = message.text();
          if (CSP_CONSOLE_MESSAGE.test(text)) return;
          if (allowConsoleErrors.some((allowed) => allowed.test(text))) return;
          problems.consoleErrors.push(describeConsoleMessage(message));
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);

      await use(problems);

      const any = problems.pageErrors.length + problems.consoleErrors.length + problems.cspViolations.length > 0;
      if (any) {
        await testInfo.attach('page-problems.json', {
          body: JSON.stringify(problems, null, 2),
          contentType: 'application/json',
        });
      }
      expect.soft(problems.pageErrors, 'uncaught errors in the page').toEqual([]);
      expect.soft(problems.consoleErrors, 'console errors in the page').toEqual([]);
      if (failOnCspViolation) {
        expect.soft(problems.cspViolations, 'Content-Security-Policy violations').toEqual([]);
      }
    },
    { auto: true },
  ],
});

export { expect };
