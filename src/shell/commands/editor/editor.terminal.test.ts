/**
 * The editors in a node's terminal, as a learner meets them: the terminal goes raw on the alternate
 * screen, keys edit the file, and quitting brings the shell's screen back as it was. The journal
 * keeps the keys, so replaying it on a fresh world gives the same file and the same screen.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { World } from '../../../engine';
import { createShellSession, createTerminalSession, preloadCommands, type JournalEntry, type TerminalShell } from '../../index';
import { VirtualScreen } from '../../terminal/testing/screen';
import { trimLines } from '../../terminal/testing/harness';

beforeAll(() => preloadCommands());

const MANIFEST = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n';

function open(seed = 'editor') {
  const world = new World({ seed });
  world.host('node1')!.fs.writeFile('/root/web.yaml', MANIFEST);
  const newSession = (): TerminalShell => createShellSession({ world, host: 'node1', columns: 60 });
  const term = createTerminalSession(newSession(), { newSession, columns: 60, rows: 12 });
  const screen = new VirtualScreen(60, 12);
  const bytes: string[] = [];
  term.onWrite((data) => {
    screen.write(data);
    bytes.push(data);
  });
  const journal: JournalEntry[] = [];
  term.onJournal((e) => journal.push(e));
  const said: string[] = [];
  term.onAnnounce?.((text) => said.push(text));
  term.start();
  term.resize(60, 12);
  const file = (path = '/root/web.yaml') => {
    const r = world.host('node1')!.fs.readFile(path);
    return r.ok ? r.value : undefined;
  };
  return { world, term, screen, bytes, journal, said, file, type: (s: string) => term.input(s), view: () => screen.viewport() };
}

describe('vi in the terminal', () => {
  it('edits a manifest: the alternate screen while it runs, the shell screen back after :wq', () => {
    const t = open();
    t.type('echo before\r');
    t.type('vi web.yaml\r');
    expect(t.term.rawMode).toBe(true);
    expect(t.view()[0]).toBe('apiVersion: apps/v1');
    expect(t.view()[6]).toBe('~');
    expect(t.view()[11]).toBe('"web.yaml" 6L, 79C');
    t.type('5j$');
    t.type('r3');
    expect(t.view()[5]).toBe('  replicas: 3');
    t.type('Go  template: {}\x1b');
    expect(t.view()[11]).toBe('');
    t.type(':wq\r');
    expect(t.term.rawMode).toBe(false);
    expect(t.file()).toBe(MANIFEST.replace('replicas: 1', 'replicas: 3') + '  template: {}\n');
    expect(trimLines(t.screen.text())).toBe('[node1 ~]$ echo before\nbefore\n[node1 ~]$ vi web.yaml\n[node1 ~]$');
    expect(trimLines(t.term.transcript())).toBe(trimLines(t.screen.text()));
  });

  it('announces the mode and the current line for screen readers', () => {
    const t = open();
    t.type('vi web.yaml\r');
    // One announcement per read: a screen reader hears where each key press left the cursor.
    for (const key of 'jji') t.type(key);
    expect(t.said).toEqual(['normal mode. "web.yaml" 6L, 79C. line 1: apiVersion: apps/v1', 'line 2: kind: Deployment', 'line 3: metadata:', 'insert mode. -- INSERT --']);
    t.type('\x1b:q!\r');
  });

  it('replays from the journal: the same keys give the same file and the same screen', () => {
    const a = open('replay');
    a.type('vi web.yaml\r');
    a.type('/replicas\rw');
    a.type('\x1b$x');
    a.type('a5\x1b:wq\r');
    a.type('cat web.yaml | grep replicas\r');
    expect(a.journal.map((e) => e.kind)).toEqual(['line', 'keys', 'keys', 'keys', 'line']);
    const b = open('replay');
    for (const entry of a.journal) {
      b.world.advance(entry.t - b.world.now());
      b.term.replay(entry);
    }
    expect(b.file()).toBe(a.file());
    expect(b.bytes.join('')).toBe(a.bytes.join(''));
    expect(a.file()).toContain('  replicas: 5\n');
  });
});
