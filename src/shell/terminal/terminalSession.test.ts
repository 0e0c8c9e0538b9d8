import { describe, expect, test } from 'vitest';
import { World } from '../../engine';
import { terminalHarness } from './testing/harness';

const P = '[node1 ~]$ ';
const p = P.trimEnd();
const paste = (text: string) => `\x1b[200~${text}\x1b[201~`;

describe('start', () => {
  test('banner (motd) then the first prompt; bracketed paste is turned on first', () => {
    const t = terminalHarness({ banner: 'Welcome to kubeplay\nnode1\n' });
    expect(t.bytes[0]).toBe('\x1b[?2004h');
    expect(t.bytes.join('')).toContain('Welcome to kubeplay\r\nnode1\r\n');
    expect(t.screenText()).toBe(`Welcome to kubeplay\nnode1\n${p}`);
    expect(t.transcript()).toBe(t.screenText());
  });
});

describe('output outside a job', () => {
  test('printed before start (startup files): shown after the banner, before the first prompt', () => {
    const t = terminalHarness({ noStart: true });
    t.shell.say('from .bashrc\n');
    t.term.start('motd\n');
    expect(t.screenText()).toBe(['motd', 'from .bashrc', p].join('\n'));
  });

  test('printed while a line is being edited: the line steps aside and comes back below', () => {
    const t = terminalHarness({ columns: 20 });
    t.type('kubectl get pods -o wide');
    t.type('\x1b[D\x1b[D');
    t.shell.say('notice\n');
    expect(t.screenText()).toBe(['notice', `${P}kubectl get pods -o wide`].join('\n'));
    t.type('X');
    expect(t.transcript()).toBe(['notice', `${P}kubectl get pods -o wiXde`].join('\n'));
    expect(t.screenText()).toBe(t.transcript());
  });
});

describe('cooked mode while a job runs', () => {
  test('typed text is echoed, Backspace erases, Enter sends the line to the job (cp -i answer)', () => {
    const t = terminalHarness();
    t.type('ask\r');
    expect(t.term.busy).toBe(true);
    t.type('n');
    t.type('\x7f');
    t.type('yes\x7f\x7f');
    expect(t.screenText().split('\n').pop()).toBe("cp: overwrite '/root/.kube/config'? y");
    t.type('\r');
    expect(t.shell.stdinWrites).toEqual(['y\n']);
    expect(t.screenText()).toBe([`${P}ask`, "cp: overwrite '/root/.kube/config'? y", 'answer=y', p].join('\n'));
    expect(t.term.busy).toBe(false);
    expect(t.transcript()).toBe(t.screenText());
    expect(t.journal.map((e) => (e.kind === 'line' ? e.text : e.kind))).toEqual(['ask', 'y']);
  });

  test('Ctrl+U and Ctrl+W erase what was typed, across a row boundary', () => {
    const t = terminalHarness({ columns: 40 });
    t.type('ask\r');
    t.type('one two');
    t.type('\x17');
    expect(t.screenText().split('\n').pop()).toBe("cp: overwrite '/root/.kube/config'? one");
    t.type('\x15');
    expect(t.screenText().split('\n').pop()).toBe("cp: overwrite '/root/.kube/config'?");
    expect(t.screen.cursor).toEqual({ row: 1, col: "cp: overwrite '/root/.kube/config'? ".length });
    expect(t.transcript()).toBe(t.screenText());
  });

  test('Ctrl+C interrupts the job: ^C, a new line, a new prompt', () => {
    const t = terminalHarness();
    t.type('sleep 100\r');
    t.advance(5000);
    t.type('\x03');
    expect(t.shell.interrupts).toBe(1);
    expect(t.screenText()).toBe([`${P}sleep 100`, '^C', p].join('\n'));
    expect(t.term.busy).toBe(false);
    expect(t.journal[1]).toEqual({ t: 5000, kind: 'interrupt' });
  });

  test('Ctrl+D closes the job stdin (cat ends)', () => {
    const t = terminalHarness();
    t.type('cat\r');
    t.type('hello\r');
    t.type('\x04');
    expect(t.screenText()).toBe([`${P}cat`, 'hello', 'hello', p].join('\n'));
    expect(t.journal.map((e) => e.kind)).toEqual(['line', 'line', 'eof']);
  });

  test('output glued to the prompt when it does not end with a newline, as in bash', () => {
    const t = terminalHarness();
    t.type('printf hi\r');
    expect(t.screenText()).toBe(`${P}printf hi\nhi${p}`);
    t.type('echo x\r');
    expect(t.screenText()).toBe(`${P}printf hi\nhi${P}echo x\nx\n${p}`);
  });
});

describe('typeahead', () => {
  test('a multi-line paste runs line by line, each line shown after its own prompt', () => {
    const t = terminalHarness();
    t.type(paste('sleep 2\necho one\necho two\n'));
    expect(t.screenText()).toBe(`${P}sleep 2`);
    t.advance(2000);
    expect(t.screenText()).toBe([`${P}sleep 2`, `${P}echo one`, 'one', `${P}echo two`, 'two', p].join('\n'));
    expect(t.journal).toEqual([
      { t: 0, kind: 'line', text: 'sleep 2' },
      { t: 2000, kind: 'line', text: 'echo one' },
      { t: 2000, kind: 'line', text: 'echo two' },
    ]);
  });

  test('a last pasted line without a newline waits at the prompt, typed but not run', () => {
    const t = terminalHarness();
    t.type(paste('sleep 1\nkubectl get nodes'));
    t.advance(1000);
    expect(t.screenText()).toBe([`${P}sleep 1`, `${P}kubectl get nodes`].join('\n'));
    expect(t.screen.cursor.col).toBe(`${P}kubectl get nodes`.length);
  });

  test('Ctrl+C flushes typeahead, as a tty flushes its input on SIGINT', () => {
    const t = terminalHarness();
    t.type('sleep 9\recho never\r');
    t.type('\x03');
    expect(t.screenText()).toBe([`${P}sleep 9`, '^C', p].join('\n'));
  });

  test('with a shell that hands back unread input, lines typed during a job run after it', () => {
    const t = terminalHarness({ keepsUnreadInput: true });
    t.type('sleep 3\r');
    t.type('echo next\r');
    t.advance(3000);
    expect(t.screenText()).toBe([`${P}sleep 3`, 'echo next', `${P}echo next`, 'next', p].join('\n'));
    expect(t.journal.map((e) => (e.kind === 'line' ? e.text : e.kind))).toEqual(['sleep 3', 'echo next']);
  });

  test('with a shell that tells when its job reads, a line typed while nobody reads waits for bash', () => {
    const t = terminalHarness({ announcesReads: true });
    t.type('sleep 3\r');
    t.type('echo next\r');
    expect(t.shell.stdinWrites).toEqual([]);
    t.advance(3000);
    expect(t.screenText()).toBe([`${P}sleep 3`, 'echo next', `${P}echo next`, 'next', p].join('\n'));
    t.type('ask\r');
    t.type('y\r');
    expect(t.shell.stdinWrites).toEqual(['y\n']);
    expect(t.screenText().split('\n').slice(-2)).toEqual(['answer=y', p]);
  });

  test('text typed during a job without Enter is waiting in the line at the next prompt', () => {
    const t = terminalHarness();
    t.type('sleep 1\r');
    t.type('kub');
    t.advance(1000);
    // The tty echoed it while the job ran; readline shows it again after the prompt, as in bash.
    expect(t.screenText()).toBe([`${P}sleep 1`, `kub${P}kub`].join('\n'));
  });
});

describe('shell events', () => {
  test('`clear` clears the screen; what was there stays in the scrollback', () => {
    const t = terminalHarness();
    t.type('echo one\r');
    t.type('clear\r');
    expect(t.screen.viewport()[0]).toBe(p);
    expect(t.screenText()).toBe([`${P}echo one`, 'one', `${P}clear`, p].join('\n'));
    expect(t.transcript()).toBe(t.screenText());
  });

  test('exit: "logout", then a fresh login shell with its own history', () => {
    const t = terminalHarness({ exitEvent: true });
    t.type('echo hi\r');
    t.type('exit\r');
    expect(t.screenText()).toBe([`${P}echo hi`, 'hi', `${P}exit`, 'logout', p].join('\n'));
    expect(t.shells).toHaveLength(2);
    expect(t.shell.history).toEqual([]);
    t.type('echo again\r');
    expect(t.shells[1]!.history).toEqual(['echo again']);
  });

  test('an exit announced after its job end replaces the prompt already shown', () => {
    const t = terminalHarness({ exitEvent: true });
    t.type('exit-later 1\r');
    t.advance(1000);
    expect(t.shells).toHaveLength(2);
    expect(t.screenText()).toBe([`${P}exit-later 1`, 'logout', p].join('\n'));
    expect(t.transcript()).toBe(t.screenText());
  });

  test('exit is noticed through `ended` when the shell has no exit event', () => {
    const t = terminalHarness();
    t.type('logout\r');
    expect(t.shells).toHaveLength(2);
    expect(t.screenText()).toBe([`${P}logout`, 'logout', p].join('\n'));
  });

  test('resize reaches the shell and re-lays the line being edited', () => {
    const t = terminalHarness({ columns: 30 });
    t.type('echo 0123456789012345678901234567890');
    t.term.resize(50, 30);
    expect(t.shell.columns).toBe(50);
    expect(t.term.columns).toBe(50);
    expect(t.term.rows).toBe(30);
    t.type('\x7f');
    expect(t.term.transcript()).toBe(`${P}echo 012345678901234567890123456789`);
  });
});

describe('automation: run()', () => {
  test('types the command, resolves at the end of its job with what it printed', async () => {
    const t = terminalHarness();
    const done = t.term.run('sleep 2');
    expect(t.term.busy).toBe(true);
    t.advance(2000);
    await expect(done).resolves.toEqual({ output: '', exitCode: 0 });
    await expect(t.term.run('echo hello')).resolves.toEqual({ output: 'hello\n', exitCode: 0 });
    await expect(t.term.run('nosuch')).resolves.toEqual({ output: 'bash: nosuch: command not found\n', exitCode: 127 });
    expect(t.screenText()).toBe([`${P}sleep 2`, `${P}echo hello`, 'hello', `${P}nosuch`, 'bash: nosuch: command not found', p].join('\n'));
  });

  test('while the learner has half a command typed: it is put aside and given back afterwards', async () => {
    const t = terminalHarness();
    t.type('kubectl get');
    await expect(t.term.run('echo auto')).resolves.toEqual({ output: 'auto\n', exitCode: 0 });
    expect(t.screenText()).toBe([`${P}echo auto`, 'auto', `${P}kubectl get`].join('\n'));
  });

  test('queued behind a running job, and interrupted with ^C', async () => {
    const t = terminalHarness();
    t.type('sleep 5\r');
    const first = t.term.run('sleep 100');
    t.advance(5000);
    t.advance(1000);
    t.type('\x03');
    await expect(first).resolves.toEqual({ output: '', exitCode: 130 });
  });

  test('several lines, a continued command, and a blank line', async () => {
    const t = terminalHarness();
    await expect(t.term.run("echo 'a\nb'")).resolves.toMatchObject({ exitCode: 0 });
    await expect(t.term.run('   ')).resolves.toEqual({ output: '', exitCode: 0 });
    expect(t.screenText()).toBe([`${P}echo 'a`, "> b'", "'a b'", p, p].join('\n'));
  });
});

describe('journal and replay', () => {
  test('replaying the journal at the same virtual times on a fresh world gives the same screen', () => {
    const original = terminalHarness({ world: new World({ seed: 'replay' }), banner: 'motd\n' });
    original.type('echo one\r');
    original.type('ask\r');
    original.advance(1500);
    original.type('y\r');
    original.type('sleep 3\r');
    original.advance(1000);
    original.type('\x03');
    original.type(paste('sleep 2\necho after\n'));
    original.advance(2500);
    original.type('half typed\x03');
    original.type("echo 'open\r");
    original.type('\x03');
    original.type('cat\r');
    original.type('line\r');
    original.advance(700);
    original.type('\x04');
    original.type('\x04');
    original.type('echo new shell\r');

    const copy = terminalHarness({ world: new World({ seed: 'replay' }), banner: 'motd\n' });
    for (const entry of original.journal) {
      copy.advance(entry.t - copy.world.now());
      copy.term.replay(entry);
    }
    expect(copy.transcript()).toBe(original.transcript());
    expect(copy.screenText()).toBe(original.screenText());
    expect(copy.journal).toEqual(original.journal);
    expect(original.transcript()).toContain('half typed^C');
    expect(original.transcript()).toContain(`${P}logout`);
  });
});
