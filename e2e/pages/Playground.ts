// Page objects that read like a learner's script: open the page, type into a terminal, read what
// it shows, look at the lesson and the diagram. Terminals are read through window.kubeplay.screen()
// (the xterm buffer as text), never through pixels.
import { expect, type Page } from '@playwright/test';

export type NodeName = 'node1' | 'node2';

export class TerminalPage {
  constructor(private readonly page: Page, readonly node: NodeName) {}

  /** Shows this node's terminal (clicks its tab where terminals are tabs) and focuses it. */
  async focus(): Promise<void> {
    const tab = this.page.getByTestId(`tab-${this.node}`);
    if (await tab.isVisible()) await tab.click();
    await this.page.getByTestId(`terminal-${this.node}`).locator('.xterm-screen').click();
  }

  /** Types a command as a learner would, and presses Enter. */
  async type(command: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.type(command);
    await this.page.keyboard.press('Enter');
  }

  async screen(): Promise<string> {
    return this.page.evaluate((node) => window.kubeplay!.screen(node), this.node);
  }

  /** Waits until the screen shows the text (advancing virtual time meanwhile, if asked). */
  async expectScreen(pattern: string | RegExp, opts: { advanceMs?: number; timeout?: number } = {}): Promise<void> {
    await expect.poll(async () => {
      if (opts.advanceMs) await this.page.evaluate((ms) => window.kubeplay!.advance(ms), opts.advanceMs);
      return this.screen();
    }, { timeout: opts.timeout ?? 15_000, intervals: [100, 200, 300] }).toMatch(typeof pattern === 'string' ? new RegExp(escape(pattern)) : pattern);
  }

  /** Waits until the command that was typed last has finished and the prompt is back. */
  async waitForPrompt(opts: { advanceMs?: number; timeout?: number } = {}): Promise<void> {
    await this.expectScreen(new RegExp(`\\[${this.node} [^\\]]+\\]\\$ ?$`), opts);
  }

  /** Types a command and waits for its prompt to come back; returns the text it printed. */
  async run(command: string, opts: { advanceMs?: number; timeout?: number } = {}): Promise<string> {
    await this.focus();
    const before = (await this.screen()).length;
    await this.type(command);
    await this.waitForPrompt(opts);
    const after = await this.screen();
    const printed = after.slice(before);
    const firstNewline = printed.indexOf('\n');
    const lastNewline = printed.lastIndexOf('\n');
    return firstNewline < 0 || lastNewline <= firstNewline ? '' : printed.slice(firstNewline + 1, lastNewline + 1);
  }
}

export class LessonPage {
  constructor(private readonly page: Page) {}

  get root() {
    return this.page.getByTestId('lesson');
  }

  step(id: string) {
    return this.page.getByTestId(`step-${id}`);
  }

  async expectStepDone(id: string, opts: { advanceMs?: number; timeout?: number } = {}): Promise<void> {
    await expect.poll(async () => {
      if (opts.advanceMs) await this.page.evaluate((ms) => window.kubeplay!.advance(ms), opts.advanceMs);
      return this.step(id).getAttribute('data-done');
    }, { timeout: opts.timeout ?? 15_000 }).toBe('true');
  }

  async expectStepNotDone(id: string): Promise<void> {
    await expect(this.step(id)).toHaveAttribute('data-done', 'false');
  }

  /** Clicks the runnable block of a step (the n-th in the step). */
  async runBlock(stepId: string, n = 0): Promise<void> {
    await this.step(stepId).locator('.kp-block-run').nth(n).click();
  }

  async progress() {
    return this.page.evaluate(() => window.kubeplay!.progress());
  }
}

export class DiagramPage {
  constructor(private readonly page: Page) {}

  node(id: string) {
    return this.page.getByTestId('diagram').locator(`.react-flow__node[data-id="${id}"]`);
  }

  edge(id: string) {
    return this.page.getByTestId('diagram').locator(`.kp-dg-edge[data-id="${id}"]`);
  }

  async expectNode(id: string, label?: RegExp): Promise<void> {
    await expect(this.node(id)).toBeVisible({ timeout: 15_000 });
    if (label) await expect(this.node(id).locator('[aria-label]').first()).toHaveAttribute('aria-label', label);
  }
}

export class Playground {
  readonly node1: TerminalPage;
  readonly node2: TerminalPage;
  readonly lesson: LessonPage;
  readonly diagram: DiagramPage;

  constructor(readonly page: Page) {
    this.node1 = new TerminalPage(page, 'node1');
    this.node2 = new TerminalPage(page, 'node2');
    this.lesson = new LessonPage(page);
    this.diagram = new DiagramPage(page);
  }

  terminal(node: NodeName): TerminalPage {
    return node === 'node1' ? this.node1 : this.node2;
  }

  /** Opens kubeplay (a hash route and query) and waits for node1's first prompt. */
  async open(route = '#/en/start-the-cluster', query = ''): Promise<void> {
    await this.page.goto(`/${query}${route}`);
    await this.page.waitForFunction(() => performance.getEntriesByName('prompt-ready').length > 0);
    await this.node1.expectScreen(/\[node1 ~\]\$ ?$/);
  }

  async advance(ms: number): Promise<void> {
    await this.page.evaluate((n) => window.kubeplay!.advance(n), ms);
  }

  async snapshot(): Promise<{ clusters: { nodes: { metadata: { name: string }; status?: { conditions?: { type: string; status: string }[] } }[]; pods: { metadata: { name: string; namespace: string } }[] }[] }> {
    return this.page.evaluate(() => window.kubeplay!.snapshot()) as never;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
