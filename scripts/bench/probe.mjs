// What the page benches inject before the app loads (Playwright addInitScript): no hook in the app.
//
// - window.__benchKeydown: performance.now() of the last keydown, from a capture-phase listener on
//   window, so it is taken before xterm's own handler sees the key.
// - window.__benchLongTasks: every long task (> 50 ms) the PerformanceObserver reports.
// - window.__benchWatch(testId, want): resolves with the time from the next keydown to the first
//   xterm render whose rows show what `want` says. xterm's DOM renderer rewrites `.xterm-rows`
//   inside an animation frame, so a MutationObserver callback (a microtask within that frame's
//   callbacks) is the render; a message posted from there runs once that frame's style, layout and
//   paint are done, which is the "painted" time.
// Data, not code, crosses into the page: the app's CSP forbids eval.
/* global window, addEventListener, document, MutationObserver -- the functions handed to page.evaluate run in the page */

/** Runs in the page, before any of the app's scripts. */
export function probe() {
  const w = /** @type {any} */ (window);
  w.__benchKeydown = 0;
  w.__benchLongTasks = [];
  addEventListener('keydown', () => { w.__benchKeydown = performance.now(); }, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no longtask support: the bench reports none */ }

  const rowsText = (/** @type {Element} */ rows) => Array.from(rows.children, (r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd());

  /** @param {string[]} rows @param {{ lastRowEndsWith?: string, lastRowIs?: string, noRowContains?: string }} want */
  const shows = (rows, want) => {
    const last = [...rows].reverse().find((r) => r !== '') ?? '';
    return (want.lastRowEndsWith === undefined || last.endsWith(want.lastRowEndsWith))
      && (want.lastRowIs === undefined || last === want.lastRowIs)
      && (want.noRowContains === undefined || !rows.some((r) => r.includes(/** @type {string} */ (want.noRowContains))));
  };

  /**
   * Call, then press the key: resolves on the first render after that key that shows `want`.
   * @param {string} testId terminal-node1
   * @param {{ lastRowEndsWith?: string, lastRowIs?: string, noRowContains?: string }} want
   * @returns {Promise<{ render: number, painted: number }>} ms from the keydown
   */
  w.__benchWatch = (testId, want) => new Promise((resolve, reject) => {
    const rows = document.querySelector(`[data-testid="${testId}"] .xterm-rows`);
    if (!rows) { reject(new Error(`no xterm rows in ${testId}`)); return; }
    const start = w.__benchKeydown;
    const observer = new MutationObserver(() => {
      if (w.__benchKeydown === start || !shows(rowsText(rows), want)) return;
      observer.disconnect();
      const t0 = w.__benchKeydown;
      const render = performance.now() - t0;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ render, painted: performance.now() - t0 });
      channel.port2.postMessage(0);
    });
    observer.observe(rows, { childList: true, subtree: true, characterData: true });
  });
}
