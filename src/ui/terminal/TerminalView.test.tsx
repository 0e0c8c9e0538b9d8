import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import type { TerminalSession } from '../../shell';
import { TerminalView } from './TerminalView';

const session = {
  columns: 80, rows: 24, busy: false,
  start: () => undefined, input: () => undefined, resize: () => undefined, replay: () => undefined,
  onWrite: () => () => undefined, onJournal: () => () => undefined,
  run: () => Promise.resolve({ output: '', exitCode: 0 }), transcript: () => '',
} satisfies TerminalSession;

describe('TerminalView markup (what tests and assistive technology rely on)', () => {
  test('a labelled group with the test id, a hint on how to leave, and the focus target Escape moves to', () => {
    const html = renderToStaticMarkup(<TerminalView session={session} label="Terminal of node1" testId="terminal-node1" />);
    expect(html).toContain('data-testid="terminal-node1"');
    expect(html).toContain('role="group"');
    expect(html).toContain('aria-label="Terminal of node1"');
    expect(html).toContain('aria-describedby="terminal-node1-hint"');
    expect(html).toContain('id="terminal-node1-hint"');
    expect(html).toMatch(/<span tabindex="-1" class="kp-terminal-exit" data-testid="terminal-node1-exit">/);
  });

  test('hints can be translated', () => {
    const html = renderToStaticMarkup(
      <TerminalView session={session} label="Terminal de node2" testId="terminal-node2" leaveHint="Pulsa Escape y luego Tab" leftHint="Fuera del terminal" />,
    );
    expect(html).toContain('Pulsa Escape y luego Tab');
    expect(html).toContain('Fuera del terminal');
  });
});
