import { describe, expect, test } from 'vitest';
import { terminalHarness, type Harness } from './testing/harness';
import { clusterBoundaries, textWidth } from './width';

const P = '[node1 ~]$ ';
const LEFT = '\x1b[D';
const UP = '\x1b[A';
const DOWN = '\x1b[B';

/** The last line of the screen, and that the transcript agrees with the screen. */
function lastLine(t: Harness): string {
  const screen = t.screenText();
  expect(t.transcript()).toBe(screen);
  return screen.split('\n').pop()!;
}

/** The line being edited, with a "|" where the cursor is (read from the screen model's cells). */
function withCursor(t: Harness): string {
  const line = lastLine(t);
  const col = t.screen.cursor.col;
  const bounds = clusterBoundaries(line);
  for (const b of bounds) {
    if (textWidth(line.slice(0, b)) === col) return `${line.slice(0, b)}|${line.slice(b)}`;
  }
  return `${line.padEnd(col - textWidth(line) + line.length)}|`;
}

describe('line editing (readline emacs keys)', () => {
  test('insert in the middle, Home/End, Ctrl+A/E/B/F, Backspace and Delete', () => {
    const t = terminalHarness();
    t.type('kubectl get pod');
    t.type(LEFT.repeat(4));
    t.type('s');
    expect(withCursor(t)).toBe(`${P}kubectl gets| pod`);
    t.type('\x7f\x01');
    expect(withCursor(t)).toBe(`${P}|kubectl get pod`);
    t.type('\x06\x06\x1b[3~');
    expect(withCursor(t)).toBe(`${P}ku|ectl get pod`);
    t.type('b\x05s');
    expect(withCursor(t)).toBe(`${P}kubectl get pods|`);
    t.type('\x1b[H\x02\x1b[F');
    expect(withCursor(t)).toBe(`${P}kubectl get pods|`);
  });

  test('word motions stop at letters and digits; Ctrl+W kills back to whitespace', () => {
    const t = terminalHarness();
    t.type('kubectl get pods -o=wide');
    t.type('\x1bb');
    expect(withCursor(t)).toBe(`${P}kubectl get pods -o=|wide`);
    t.type('\x1bb\x1bb');
    expect(withCursor(t)).toBe(`${P}kubectl get |pods -o=wide`);
    t.type('\x1bf');
    expect(withCursor(t)).toBe(`${P}kubectl get pods| -o=wide`);
    t.type('\x1b[1;5D\x1b[1;5D');
    expect(withCursor(t)).toBe(`${P}kubectl |get pods -o=wide`);
    t.type('\x05\x17');
    expect(withCursor(t)).toBe(`${P}kubectl get pods |`);
  });

  test('kills go to the kill buffer, consecutive kills join, Ctrl+Y yanks', () => {
    const t = terminalHarness();
    t.type('one two three');
    t.type('\x17\x17');
    expect(withCursor(t)).toBe(`${P}one |`);
    t.type('\x19');
    expect(withCursor(t)).toBe(`${P}one two three|`);
    t.type('\x01\x1bf\x0b');
    expect(withCursor(t)).toBe(`${P}one|`);
    t.type('\x15\x19\x19');
    expect(withCursor(t)).toBe(`${P}one two threeone two three|`);
    t.type('\x01\x1bd\x1bd');
    expect(withCursor(t)).toBe(`${P}| threeone two three`);
    t.type('\x05\x1b\x7f');
    expect(withCursor(t)).toBe(`${P} threeone two |`);
  });

  test('Ctrl+T swaps characters; Ctrl+D deletes under the cursor when the line is not empty', () => {
    const t = terminalHarness();
    t.type('kubcetl');
    t.type(LEFT.repeat(3));
    t.type('\x14');
    expect(withCursor(t)).toBe(`${P}kubec|tl`);
    t.type('\x04');
    expect(withCursor(t)).toBe(`${P}kubec|l`);
  });

  test('Alt+. inserts the last word of the previous command', () => {
    const t = terminalHarness();
    t.type('echo /etc/kubernetes/admin.conf\r');
    t.type('cat \x1b.');
    expect(lastLine(t)).toBe(`${P}cat /etc/kubernetes/admin.conf`);
  });

  test('unicode: wide characters and combining marks move as one character', () => {
    const t = terminalHarness();
    t.type('echo 日本 cafe\u0301s');
    t.type(LEFT + LEFT);
    expect(withCursor(t)).toBe(`${P}echo 日本 caf|e\u0301s`);
    t.type('X');
    expect(lastLine(t)).toBe(`${P}echo 日本 cafXe\u0301s`);
    t.type('\x01\x1bf\x1bf\x7f');
    expect(withCursor(t)).toBe(`${P}echo 日| cafXe\u0301s`);
  });
});

describe('history', () => {
  test('Up/Down walk the shell history; the line being typed is kept when coming back down', () => {
    const t = terminalHarness();
    t.type('echo one\r');
    t.type('echo two\r');
    t.type('echo thr');
    t.type(UP);
    expect(lastLine(t)).toBe(`${P}echo two`);
    t.type(UP + UP);
    expect(lastLine(t)).toBe(`${P}echo one`);
    t.type(DOWN + DOWN);
    expect(withCursor(t)).toBe(`${P}echo thr|`);
    t.type('\x10\x10\x0e');
    expect(lastLine(t)).toBe(`${P}echo two`);
  });

  test('edits to a recalled entry survive walking past it, and running it keeps the original entry', () => {
    const t = terminalHarness();
    t.type('echo one\r');
    t.type('echo two\r');
    t.type(UP);
    t.type('!');
    t.type(UP + DOWN);
    expect(lastLine(t)).toBe(`${P}echo two!`);
    t.type('\r');
    expect(t.shell.history).toEqual(['echo one', 'echo two', 'echo two!']);
    t.type(UP + UP);
    expect(lastLine(t)).toBe(`${P}echo two`);
  });

  test('each shell has its own history', () => {
    const world = terminalHarness().world;
    const node1 = terminalHarness({ world, host: 'node1' });
    const node2 = terminalHarness({ world, host: 'node2' });
    node1.type('echo on node1\r');
    node2.type(UP);
    expect(lastLine(node2)).toBe('[node2 ~]$');
    node1.type(UP);
    expect(lastLine(node1)).toBe(`${P}echo on node1`);
  });

  test('Ctrl+R finds the newest match, Ctrl+R again an older one, Enter runs it', () => {
    const t = terminalHarness();
    t.type('echo kubeadm init\r');
    t.type('echo kubectl get nodes\r');
    t.type('echo done\r');
    t.type('\x12kube');
    expect(withCursor(t)).toBe("(reverse-i-search)`kube': echo |kubectl get nodes");
    t.type('\x12');
    expect(lastLine(t)).toBe("(reverse-i-search)`kube': echo kubeadm init");
    t.type('\r');
    expect(t.screenText().split('\n').slice(-3)).toEqual([`${P}echo kubeadm init`, 'kubeadm init', P.trimEnd()]);
  });

  test('a failed search says so; Ctrl+G gives the original line back; other keys edit the match', () => {
    const t = terminalHarness();
    t.type('echo alpha\r');
    t.type('typed');
    t.type('\x12zzz');
    expect(lastLine(t)).toBe("(failed reverse-i-search)`zzz': typed");
    t.type('\x07');
    expect(withCursor(t)).toBe(`${P}typed|`);
    t.type('\x12alp\x05!');
    expect(lastLine(t)).toBe(`${P}echo alpha!`);
    t.type(DOWN);
    expect(lastLine(t)).toBe(`${P}typed`);
  });
});

describe('Ctrl+C, Ctrl+L and Ctrl+D at the prompt', () => {
  test('Ctrl+C abandons the line with ^C and gives a fresh prompt', () => {
    const t = terminalHarness();
    t.type('kubectl get po\x03');
    expect(t.screenText()).toBe(`${P}kubectl get po^C\n${P.trimEnd()}`);
    expect(t.journal).toEqual([{ t: 0, kind: 'interrupt', text: 'kubectl get po' }]);
  });

  test('Ctrl+C cancels a pending multi-line command', () => {
    const t = terminalHarness();
    t.type("echo 'abc\r");
    expect(lastLine(t)).toBe('>');
    t.type('def\x03');
    expect(t.shell.interrupts).toBe(1);
    t.type('echo ok\r');
    expect(t.screenText()).toBe([`${P}echo 'abc`, '> def^C', `${P}echo ok`, 'ok', P.trimEnd()].join('\n'));
  });

  test('Ctrl+L clears the screen and redraws the prompt and the line at the top', () => {
    const t = terminalHarness();
    t.type('echo one\r');
    t.type('echo half');
    t.takeBytes();
    t.type('\x0c');
    expect(t.takeBytes()).toBe(`\x1b[H\x1b[2J${P}echo half`);
    expect(t.screen.viewport()[0]).toBe(`${P}echo half`);
    expect(t.screen.cursor).toEqual({ row: 0, col: `${P}echo half`.length });
    expect(t.transcript()).toBe(t.screenText());
  });

  test('Ctrl+D on an empty line logs out; a fresh login shell gives a new prompt', () => {
    const t = terminalHarness();
    t.type('echo before\r');
    t.type('\x04');
    expect(t.screenText()).toBe([`${P}echo before`, 'before', `${P}logout`, P.trimEnd()].join('\n'));
    expect(t.shells).toHaveLength(2);
    t.type(UP);
    expect(lastLine(t)).toBe(P.trimEnd());
    expect(t.journal.map((e) => e.kind)).toEqual(['line', 'eof']);
  });
});
