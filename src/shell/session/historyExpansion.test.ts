import { describe, expect, it } from 'vitest';
import { shellOn, testWorld } from '../testing/harness';
import { expandHistory } from './historyExpansion';

describe('history expansion', () => {
  const history = ['kubectl get nodes', 'cp a.yaml /tmp/b.yaml', 'echo "quoted words" last'];

  it.each([
    ['!!', 'echo "quoted words" last'],
    ['sudo !!', 'sudo echo "quoted words" last'],
    ['echo !$', 'echo last'],
    ['!1 -o wide', 'kubectl get nodes -o wide'],
    ['!-2', 'cp a.yaml /tmp/b.yaml'],
    ['!kub', 'kubectl get nodes'],
    ['ls !cp:2', 'ls /tmp/b.yaml'],
    ['echo !!:1', 'echo "quoted words"'],
    ['^quoted^plain', 'echo "plain words" last'],
  ])('%s → %s', (line, expected) => {
    expect(expandHistory(line, history)).toEqual({ ok: true, line: expected, changed: true });
  });

  it.each([['echo "hi!"'], ["echo 'a!!b'"], ['echo a!=b'], ['echo \\!\\!'], ['echo ! x'], ['[ ! -f x ]'], ['ls [!a]*.txt'], ['echo ${!HO*}']])('%s stays as typed', (line) => {
    expect(expandHistory(line, history)).toEqual({ ok: true, line, changed: false });
  });

  it('reports an event that is not there', () => {
    expect(expandHistory('echo !zzz', history)).toEqual({ ok: false, message: 'bash: !zzz: event not found' });
  });

  it('in the session: shows the expanded line, runs it and records it', async () => {
    const sh = shellOn(testWorld(), 'node1');
    await sh.run('echo one two');
    const r = await sh.run('echo !$');
    expect(r.stderr).toBe('echo two\n');
    expect(r.stdout).toBe('two\n');
    expect(sh.session.history).toEqual(['echo one two', 'echo two']);
    const missing = await sh.run('!nope');
    expect(missing.stderr).toBe('bash: !nope: event not found\n');
    expect(missing.exitCode).toBe(1);
  });

  it('Ctrl+C at the prompt sets $? to 130', async () => {
    const sh = shellOn(testWorld(), 'node1');
    sh.session.interrupt();
    expect((await sh.run('echo $?')).stdout).toBe('130\n');
  });
});
