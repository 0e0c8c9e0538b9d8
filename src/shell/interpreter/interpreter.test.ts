import { beforeAll, describe, expect, it } from 'vitest';
import { shellOn, testWorld } from '../testing/harness';
import { Interrupt, sleep, type Command, type Program } from '../types';
import type { LazyCommand } from './commandTable';
import { preloadCommands } from '../session/preload';

// Coreutils load lazily: jobs driven by hand (start/advance) need them loaded first.
beforeAll(() => preloadCommands());

/** Prints "tick N" every second, forever: a stand-in for `kubectl get pods -w`. */
const ticker: Command = {
  name: 'ticker',
  summary: 'prints a line per second',
  run(ctx) {
    return (function* (): Program {
      for (let i = 1; ; i++) {
        ctx.stdout.write(`tick ${i}\n`);
        yield sleep(1000);
      }
    })();
  },
};

/** Catches Ctrl+C, takes two seconds to shut down, exits 0: like docker-compose. */
const graceful: Command = {
  name: 'graceful',
  summary: 'stops gracefully',
  run(ctx) {
    return (function* (): Program {
      try {
        for (;;) yield sleep(1000);
      } catch (e) {
        if (!(e instanceof Interrupt)) throw e;
        ctx.stdout.write('Gracefully stopping...\n');
        yield sleep(2000);
        ctx.stdout.write('stopped\n');
        return 0;
      }
    })();
  },
};

const crashes: Command = {
  name: 'crashes',
  summary: 'throws',
  run() {
    throw new Error('boom');
  },
};

const shell = (extra: Command[] = []) => shellOn(testWorld({ seed: 'interp' }), 'node1', { commands: [ticker, graceful, crashes, ...extra] });

describe('lists and statuses', () => {
  it('&&, ||, ; and $?', async () => {
    const sh = shell();
    expect((await sh.run('true && echo a || echo b; false && echo c || echo d; echo $?')).stdout).toBe('a\nd\n0\n');
    expect((await sh.run('false; echo $?; ! true; echo $?')).stdout).toBe('1\n1\n');
    expect((await sh.run('nosuch; echo $?')).output).toBe('bash: nosuch: command not found\n127\n');
  });

  it('subshells and groups: cd and variables in ( ) stay there', async () => {
    const sh = shell();
    expect((await sh.run('X=1; (cd /tmp; X=2; pwd; echo $X); pwd; echo $X')).stdout).toBe('/tmp\n2\n/root\n1\n');
    expect((await sh.run('{ cd /tmp; X=3; }; pwd; echo $X')).stdout).toBe('/tmp\n3\n');
    expect((await sh.run('(exit 3); echo $?')).stdout).toBe('3\n');
  });

  it('loops, break and continue', async () => {
    const sh = shell();
    expect((await sh.run('for i in 1 2 3 4; do if [ $i = 2 ]; then continue; fi; if [ $i = 4 ]; then break; fi; echo $i; done')).stdout).toBe('1\n3\n');
    expect((await sh.run('n=0; until [ $n -ge 3 ]; do n=$((n+1)); done; echo $n')).stdout).toBe('3\n');
    expect((await sh.run('for a in x y; do for b in 1 2; do [ $b = 2 ] && continue 2; echo $a$b; done; done')).stdout).toBe('x1\ny1\n');
  });

  it('an endless loop gives way to the clock and stops on Ctrl+C', async () => {
    const sh = shell();
    const r = await sh.run('while true; do :; done', { maxMs: 50 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBe(130);
  });

  it('set -e stops at the first failure outside conditions', async () => {
    const sh = shell();
    expect((await sh.run('set -e; if false; then :; fi; false || true; echo reached; false; echo not reached')).stdout).toBe('reached\n');
  });

  it('a trailing & runs in the foreground with a notice', async () => {
    const r = await shell().run('echo hi &');
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr).toContain('background jobs are not supported here');
  });
});

describe('pipes and redirections', () => {
  it('pipes text through stages', async () => {
    const sh = shell();
    expect((await sh.run('echo hi | tr a-z A-Z')).stdout).toBe('HI\n');
    expect((await sh.run('printf "b\\na\\nb\\n" | sort | uniq -c | sort -rn | head -1')).stdout).toBe('      2 b\n');
  });

  it('a pipeline\'s status is the last stage\'s; pipefail picks the failing one', async () => {
    const sh = shell();
    expect((await sh.run('false | true; echo $?')).stdout).toBe('0\n');
    expect((await sh.run('set -o pipefail; false | true; echo $?')).stdout).toBe('1\n');
  });

  it('>, >>, <, 2>, 2>&1, &> and /dev/null', async () => {
    const sh = shell();
    await sh.run('echo one > /tmp/f; echo two >> /tmp/f');
    expect(sh.readFile('/tmp/f')).toBe('one\ntwo\n');
    expect((await sh.run('cat < /tmp/f')).stdout).toBe('one\ntwo\n');
    await sh.run('ls /nosuch 2> /tmp/err');
    expect(sh.readFile('/tmp/err')).toBe("ls: cannot access '/nosuch': No such file or directory\n");
    const both = await sh.run('ls /nosuch /tmp/f > /tmp/out 2>&1; cat /tmp/out');
    expect(both.stdout).toBe("ls: cannot access '/nosuch': No such file or directory\n/tmp/f\n");
    expect((await sh.run('ls /nosuch &> /dev/null; echo $?')).stdout).toBe('2\n');
    expect((await sh.run('ls /nosuch 2>&1 >/dev/null | tr a-z A-Z')).stdout).toBe("LS: CANNOT ACCESS '/NOSUCH': NO SUCH FILE OR DIRECTORY\n");
  });

  it('here-documents and here-strings', async () => {
    const sh = shell();
    expect((await sh.run('NAME=world\ncat <<EOF\nhello $NAME\nEOF')).stdout).toBe('hello world\n');
    expect((await sh.run("cat <<'EOF'\nhello $NAME\nEOF")).stdout).toBe('hello $NAME\n');
    expect((await sh.run('tr a-z A-Z <<< "$NAME"')).stdout).toBe('WORLD\n');
  });

  it('redirection failures print bash\'s message and skip the command', async () => {
    const sh = shell();
    expect((await sh.run('echo hi > /nonexistent/x')).output).toBe('bash: /nonexistent/x: No such file or directory\n');
    expect((await sh.run('cat < /nosuch; echo $?')).output).toBe('bash: /nosuch: No such file or directory\n1\n');
    expect((await sh.run('echo hi > /etc')).output).toBe('bash: /etc: Is a directory\n');
    expect((await sh.run('X="a b"; echo hi > $X')).output).toBe('bash: $X: ambiguous redirect\n');
  });

  it('while read walks a file line by line', async () => {
    const sh = shell();
    await sh.run('printf "a 1\\nb 2\\nc 3\\n" > /tmp/list');
    expect((await sh.run('while read name n; do echo "$n:$name"; done < /tmp/list')).stdout).toBe('1:a\n2:b\n3:c\n');
    expect((await sh.run('cat /tmp/list | while read line; do echo "<$line>"; done')).stdout).toBe('<a 1>\n<b 2>\n<c 3>\n');
  });

  it('streams: a reader sees each line as the writer prints it', async () => {
    const sh = shell();
    const job = sh.start('ticker | grep --line-buffered tick');
    sh.advance(2500);
    expect(sh.output).toBe('tick 1\ntick 2\ntick 3\n');
    sh.interrupt();
    const r = await job.done();
    expect(r.exitCode).toBe(130);
  });

  it('SIGPIPE: when the reader exits, the writer stops quietly', async () => {
    const sh = shell();
    const r = await sh.run('yes | head -3');
    expect(r.output).toBe('y\ny\ny\n');
    expect(r.exitCode).toBe(0);
    expect((await sh.run('ticker | head -2')).output).toBe('tick 1\ntick 2\n');
  });
});

describe('Ctrl+C', () => {
  it('interrupts sleep with status 130 and abandons the rest of the line', async () => {
    const sh = shell();
    const job = sh.start('sleep 100; echo after');
    sh.advance(1000);
    expect(sh.session.busy).toBe(true);
    sh.interrupt();
    const r = await job.done();
    expect(r.exitCode).toBe(130);
    expect(r.output).toBe('');
    expect(sh.session.busy).toBe(false);
    expect((await sh.run('echo $?')).stdout).toBe('130\n');
  });

  it('reaches every stage of a pipeline', async () => {
    const sh = shell();
    const job = sh.start('ticker | cat');
    sh.advance(1500);
    sh.interrupt();
    expect((await job.done()).exitCode).toBe(130);
  });

  it('a command that catches it finishes its own way, and the line goes on', async () => {
    const sh = shell();
    const job = sh.start('graceful; echo next');
    sh.advance(3000);
    sh.interrupt();
    expect(sh.session.busy).toBe(true);
    const r = await job.done();
    expect(r.stdout).toBe('Gracefully stopping...\nstopped\nnext\n');
    expect(r.exitCode).toBe(0);
  });

  it('interrupts $(...) and the command waiting for it', async () => {
    const sh = shell();
    const job = sh.start('echo $(sleep 50) done');
    sh.advance(100);
    sh.interrupt();
    expect((await job.done()).output).toBe('');
  });
});

describe('robustness', () => {
  it('an exception in a command is a short message and status 1, never a crash', async () => {
    const r = await shell().run('crashes; echo $?');
    expect(r.output).toBe('crashes: internal error: boom\n1\n');
  });

  it('lazy commands load on first use, then run synchronously', async () => {
    let loads = 0;
    const heavy: LazyCommand = {
      name: 'heavy',
      summary: 'loaded on demand',
      load: async () => {
        loads++;
        return { name: 'heavy', summary: 'loaded', run: (ctx) => (ctx.stdout.write(`heavy ${ctx.argv.slice(1).join(' ')}\n`), 0) };
      },
    };
    const sh = shellOn(testWorld(), 'node1', { commands: [heavy] });
    expect((await sh.run('heavy one | tr a-z A-Z')).stdout).toBe('HEAVY ONE\n');
    expect((await sh.run('heavy two')).stdout).toBe('heavy two\n');
    expect(loads).toBe(1);
  });

  it('a lazy command that fails to load says so and can be retried', async () => {
    let attempts = 0;
    const flaky: LazyCommand = {
      name: 'flaky',
      summary: 'fails once',
      load: async () => {
        attempts++;
        if (attempts === 1) throw new Error('network error');
        return { name: 'flaky', summary: 'ok', run: (ctx) => (ctx.stdout.write('ok\n'), 0) };
      },
    };
    const sh = shellOn(testWorld(), 'node1', { commands: [flaky] });
    const first = await sh.run('flaky');
    expect(first.stderr).toBe('bash: flaky: could not load the command (network error); try again\n');
    expect(first.exitCode).toBe(126);
    expect((await sh.run('flaky')).stdout).toBe('ok\n');
  });

  it('the same seed and input give the same transcript', async () => {
    const transcript = async (): Promise<string> => {
      const sh = shellOn(testWorld({ seed: 'same' }), 'node2');
      const lines = ['echo $$', 'hostname -i', 'date', 'sleep 2; date', 'ls -la /root', 'seq 3 | tac 2>&1', 'echo $RANDOM$?'];
      let out = '';
      for (const l of lines) out += (await sh.run(l)).output;
      return out;
    };
    expect(await transcript()).toBe(await transcript());
  });
});
