// Terminal safety (issue 5, S4): escape sequences in what a command prints (a file `cat`ed, a
// program's output) cannot reach the clipboard, rename the tab, type answers back into the shell,
// or open a link without a click; an OSC 8 link opens on a click, http(s) only, without an opener.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { Playground } from './pages/Playground';

declare global {
  interface Window {
    __opened?: unknown[][];
    __clipboard?: string[];
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__opened = [];
    window.__clipboard = [];
    window.open = (...args: unknown[]) => {
      window.__opened!.push(args);
      return null;
    };
    const clip = navigator.clipboard;
    if (clip) {
      clip.writeText = async (text: string) => { window.__clipboard!.push(`writeText:${text}`); };
      clip.write = async () => { window.__clipboard!.push('write'); };
    }
    document.addEventListener('copy', () => window.__clipboard!.push('copy event'), true);
  });
});

/** Where the last occurrence of a text sits in a terminal's DOM rows (the DOM renderer draws text in spans). */
async function textCentre(page: Page, node: string, text: string): Promise<{ x: number; y: number }> {
  const box = await page.evaluate(({ node, text }) => {
    const rows = document.querySelector(`[data-testid="terminal-${node}"] .xterm-rows`);
    if (!rows) return undefined;
    const walker = document.createTreeWalker(rows, NodeFilter.SHOW_TEXT);
    let found: { x: number; y: number } | undefined;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.lastIndexOf(text) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + text.length);
      const r = range.getBoundingClientRect();
      found = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return found;
  }, { node, text });
  if (!box) throw new Error(`"${text}" is not on ${node}'s screen`);
  return box;
}

test('a file full of OSC 52, title, DCS and query sequences changes nothing outside the terminal', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open();
  const title = await page.title();
  // The file holds: a clipboard write, two title changes, a DECRQSS, cursor-position and device
  // attribute queries, colour queries, then plain text after each.
  const evil = [
    '\\033]52;c;aGFja2Vk\\007clip',
    '\\033]0;pwned0\\007t0',
    '\\033]2;pwned2\\033\\\\t2',
    '\\033P$qm\\033\\\\dcs',
    '\\033[6n\\033[c\\033[>c\\033[?6n\\033[?1$p',
    '\\033]10;?\\007\\033]11;?\\007\\033]4;1;?\\007colours',
    'END',
  ].join(' ');
  await kp.node1.run(`printf '${evil}\\n' > /tmp/evil.txt`);
  const shown = await kp.node1.run('cat /tmp/evil.txt');
  expect(shown).toBe('clip t0 t2 dcs  colours END\n');

  // The shell got no keystrokes from the terminal's would-be answers: the next line runs clean.
  expect(await kp.node1.run('echo next')).toBe('next\n');
  await kp.node1.expectScreen(/next\n\[node1 ~\]\$ ?$/);
  expect(await kp.node1.run('history | tail -2')).not.toMatch(/\d+R|\?6c|\$y/);

  expect(await page.title()).toBe(title);
  expect(await page.evaluate(() => document.title)).toBe(title);
  expect(await page.evaluate(() => window.__clipboard)).toEqual([]);
  expect(await page.evaluate(() => window.__opened)).toEqual([]);
});

test('OSC 8 links open only on a click, http(s) only, without an opener', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open();
  await kp.node1.run("printf '\\033]8;;javascript:window.__pwned=1\\007JSLINK\\033]8;;\\007 \\033]8;;https://kubernetes.io/docs/\\007DOCLINK\\033]8;;\\007\\n' > /tmp/links.txt");
  await kp.node1.run('cat /tmp/links.txt');
  await kp.node1.expectScreen('JSLINK DOCLINK');
  // Shown and hovered: nothing opens.
  const js = await textCentre(page, 'node1', 'JSLINK');
  await page.mouse.move(js.x, js.y);
  expect(await page.evaluate(() => window.__opened)).toEqual([]);
  // A javascript: link does nothing even when clicked.
  await page.mouse.click(js.x, js.y);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => window.__opened)).toEqual([]);
  // An https link opens on a click, in a new tab, with no opener.
  const doc = await textCentre(page, 'node1', 'DOCLINK');
  await page.mouse.move(doc.x - 5, doc.y);
  await page.mouse.move(doc.x, doc.y);
  // xterm.js shows a link (pointer cursor, underline) once the mouse rests on it.
  await expect(page.getByTestId('terminal-node1').locator('.xterm-screen')).toHaveClass(/xterm-cursor-pointer/);
  await page.mouse.click(doc.x, doc.y);
  await expect.poll(() => page.evaluate(() => window.__opened)).toEqual([['https://kubernetes.io/docs/', '_blank', 'noopener,noreferrer']]);
});
