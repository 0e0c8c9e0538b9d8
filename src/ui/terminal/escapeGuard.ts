/**
 * Escape sequences in terminal output stay inside the terminal (issue 5, S4).
 *
 * The simulated shell passes bytes through as a real one does (`cat` of a file, container logs,
 * kubectl output), so the guard sits at the terminal boundary. A later-registered xterm.js
 * handler runs first; returning true ends the sequence there:
 * - OSC 52 (clipboard) is swallowed, whatever addon may be loaded one day: output never reaches
 *   the clipboard.
 * - OSC 0, 1 and 2 (icon and window title) are swallowed: output never renames the tab.
 * - Queries whose answers xterm.js would type back as if the learner had typed them (DSR cursor
 *   position and status, DA1/DA2, DECRQM, DECRQSS, colour queries OSC 4/10/11/12 with "?") are
 *   swallowed: a file cannot inject keystrokes into the shell (the CVE-2019-0542 class).
 * - OSC 8 hyperlinks are left to xterm.js: they open only on a click, through the view's
 *   linkHandler, which accepts http(s) only.
 */
import type { IDisposable, Terminal } from '@xterm/xterm';

const handled = (): boolean => true;

export function guardEscapes(term: Terminal): IDisposable[] {
  const p = term.parser;
  return [
    p.registerOscHandler(52, handled),
    p.registerOscHandler(0, handled),
    p.registerOscHandler(1, handled),
    p.registerOscHandler(2, handled),
    ...[4, 10, 11, 12].map((id) => p.registerOscHandler(id, (data) => data.includes('?'))),
    p.registerCsiHandler({ final: 'n' }, handled),
    p.registerCsiHandler({ prefix: '?', final: 'n' }, handled),
    p.registerCsiHandler({ final: 'c' }, handled),
    p.registerCsiHandler({ prefix: '>', final: 'c' }, handled),
    p.registerCsiHandler({ intermediates: '$', final: 'p' }, handled),
    p.registerCsiHandler({ prefix: '?', intermediates: '$', final: 'p' }, handled),
    p.registerDcsHandler({ intermediates: '$', final: 'q' }, handled),
  ];
}
