/**
 * What `kubectl run -i/-t/--attach/--rm` does once the pod exists: wait for it to run, attach to
 * its container (a shell gets the terminal, with "If you don't see a command prompt, try pressing
 * enter."; any other program shows its output until it ends), then with --rm delete the pod, or
 * else say how to attach again. Attaching reuses the in-container shell kubectl exec uses.
 */
import { execTarget, mustResolve, podLogs, runCommand, type Pod, type PodLogEntry, type Stored } from '../../../../engine';
import { runInContainer, type ExecTarget } from '../../../container';
import { sleep, type Effect, type Program } from '../../../types';
import type { ApiConnection } from '../client';
import type { Invocation } from '../invocation';

const PODS = mustResolve('pods');
const POLL_MS = 500;
const SHELLS = new Set(['sh', 'ash', 'bash']);

export interface AttachOptions {
  readonly stdin: boolean;
  readonly tty: boolean;
  readonly rm: boolean;
  readonly quiet: boolean;
  readonly timeoutMs: number;
}

/** Waits for the pod to leave Pending; undefined when it is gone or the time is up. */
function* waitForStart(conn: ApiConnection, namespace: string, name: string, timeoutMs: number): Generator<Effect, Stored<Pod> | undefined, unknown> {
  for (let waited = 0; ; waited += POLL_MS) {
    const pod = conn.store.get<Pod>(PODS, namespace, name);
    if (!pod) return undefined;
    const phase = pod.status?.phase;
    if (phase === 'Running' || phase === 'Succeeded' || phase === 'Failed') return pod;
    if (waited >= timeoutMs) return undefined;
    yield sleep(POLL_MS);
  }
}

/** Prints the container's output from the start until the process ends (or Ctrl+C). */
function* streamOutput(inv: Invocation, conn: ApiConnection, namespace: string, name: string): Generator<Effect, void, unknown> {
  const found = podLogs(conn.cluster, namespace, name);
  if (!found.ok) return;
  const write = (e: PodLogEntry) => (e.stream === 'stderr' ? inv.err(`${e.line}\n`) : inv.out(`${e.line}\n`));
  for (const e of found.log.entries()) write(e);
  let ended = false;
  const stop = found.log.follow({ line: write, end: () => { ended = true; } });
  try {
    while (!ended) yield sleep(POLL_MS);
  } finally {
    stop();
  }
}

function exitCodeOf(pod: Stored<Pod> | undefined): number {
  const st = pod?.status?.containerStatuses?.[0];
  return st?.state?.terminated?.exitCode ?? st?.lastState?.terminated?.exitCode ?? 0;
}

export function* attachToRun(inv: Invocation, conn: ApiConnection, name: string, argv: readonly string[], opts: AttachOptions): Program {
  const namespace = conn.settings.namespace;
  let code: number;
  const started = yield* waitForStart(conn, namespace, name, opts.timeoutMs);
  if (!started) {
    inv.err('error: timed out waiting for the condition\n');
    code = 1;
  } else if (started.status?.phase === 'Running' && opts.stdin && SHELLS.has((argv[0] ?? '').split('/').pop()!)) {
    const found = execTarget(conn.cluster, namespace, name, undefined);
    if (!found.ok) {
      inv.err(`error: ${found.message}\n`);
      code = 1;
    } else {
      const host = found.host;
      const target: ExecTarget = { ...host, run: (args, io, done) => runCommand(host, args, io, done) };
      const tty = opts.tty && inv.ctx.stdin.isTerminal;
      if (opts.tty && !tty && !opts.quiet) inv.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
      if (!opts.quiet) inv.err("If you don't see a command prompt, try pressing enter.\n");
      const program = runInContainer(inv.ctx, { target, argv, stdin: true, tty });
      code = program ? yield* program : 0;
    }
  } else {
    yield* streamOutput(inv, conn, namespace, name);
    code = exitCodeOf(conn.store.get<Pod>(PODS, namespace, name));
  }
  if (opts.rm) {
    const current = conn.store.get(PODS, namespace, name);
    if (current && conn.store.delete(PODS, namespace, name, 'user:kubectl').ok) {
      inv.out(`pod "${name}" deleted\n`);
      while (conn.store.get(PODS, namespace, name)?.metadata.uid === current.metadata.uid) yield sleep(200);
    }
  } else if (opts.stdin && opts.tty && started?.status?.phase === 'Running') {
    inv.err(`Session ended, resume using 'kubectl attach ${name} -c ${name} -i -t' command when the pod is running\n`);
  }
  return code;
}
