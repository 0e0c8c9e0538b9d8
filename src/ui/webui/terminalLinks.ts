/**
 * Clickable web UI addresses in the terminals: `http://node1:8000` (or `http://localhost:8000` on
 * node1) is underlined on hover and opens the panel on click — xterm activates a link on a click
 * only, never on hover or selection. Installed into TerminalView once this lazy code has loaded.
 */
import type { ILink, Terminal } from '@xterm/xterm';
import type { NodeName, WebuiTarget } from '../../store';
import type { TerminalLinkFinder } from '../terminal/TerminalView';
import { urlsIn, webuiTargetOf, type LinkContext } from './links';

/** `data-testid="terminal-node1"` is the design's contract: the view's test id names its node. */
export function nodeOfTerminal(testId: string): NodeName | undefined {
  const name = testId.replace(/^terminal-/, '');
  return name === 'node1' || name === 'node2' ? name : undefined;
}

export function webuiLinkFinder(hosts: () => LinkContext['hosts'], open: (target: WebuiTarget) => void): TerminalLinkFinder {
  return (term: Terminal, row: number, testId: string): ILink[] | undefined => {
    const line = term.buffer.active.getLine(row - 1);
    if (line === undefined) return undefined;
    const links = linksInRow(line.translateToString(true), row, { hosts: hosts(), local: nodeOfTerminal(testId) }, open);
    return links.length === 0 ? undefined : links;
  };
}

/** The links of one buffer row (1-based, as xterm numbers rows and columns). */
export function linksInRow(text: string, row: number, context: LinkContext, open: (target: WebuiTarget) => void): ILink[] {
  const links: ILink[] = [];
  for (const span of urlsIn(text)) {
    const target = webuiTargetOf(span.url, context);
    if (target === undefined) continue;
    links.push({
      text: span.url,
      range: { start: { x: span.start + 1, y: row }, end: { x: span.start + span.url.length, y: row } },
      activate: () => open(target),
    });
  }
  return links;
}
