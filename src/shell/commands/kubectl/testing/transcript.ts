/**
 * A learner's kubectl session as golden text: each command after `$ kubectl`, what the terminal
 * showed (stdout and stderr interleaved) and `[exit N]`, like the other goldens of verbs/golden;
 * the virtual time that passes between commands is written as a `# 30s later` line.
 */
import type { RunOptions, RunResult } from './run';

export interface KubectlRunner {
  kubectl(args: string | readonly string[], opts?: RunOptions): RunResult;
  advance(ms: number): unknown;
}

export class Transcript {
  private out = '';

  constructor(private readonly cluster: KubectlRunner) {}

  kubectl(args: string | readonly string[], opts: RunOptions = {}): RunResult {
    const r = this.cluster.kubectl(args, opts);
    this.out += `$ kubectl ${typeof args === 'string' ? args : args.join(' ')}\n${r.output}[exit ${r.exitCode}]\n`;
    return r;
  }

  /** Runs each line in turn. */
  run(...lines: readonly (string | readonly string[])[]): this {
    for (const line of lines) this.kubectl(line);
    return this;
  }

  /** Lets virtual time pass, and says so. */
  wait(ms: number): this {
    this.cluster.advance(ms);
    this.out += `# ${ms % 1_000 === 0 ? `${ms / 1_000}s` : `${ms}ms`} later\n`;
    return this;
  }

  /** Adds a line of text (a comment, or a command run outside kubectl with what it printed). */
  note(text: string): this {
    this.out += text.endsWith('\n') ? text : `${text}\n`;
    return this;
  }

  get text(): string {
    return this.out;
  }
}
