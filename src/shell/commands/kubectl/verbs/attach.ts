/**
 * kubectl attach (v1.27): connects to the main process of a running container. A container whose
 * process is a shell started with stdin and a terminal (`kubectl run -it ... -- sh`) gets the
 * in-container shell, as if its PID 1 answered ("If you don't see a command prompt, try pressing
 * enter." first, as kubectl says); any other process's output is streamed as it comes, until
 * Ctrl+C. `attachToContainer` is what `kubectl run -it` uses once its pod runs.
 */
import { execTarget, podLogs, runCommand, type Pod, type Stored } from '../../../../engine';
import { runInContainer, type ExecTarget } from '../../../container';
import { sleep, type Effect, type Program } from '../../../types';
import type { ApiConnection } from '../client';
import { flagBool, flagString } from '../flags';
import { connectOrReport, fail, usageError, type Invocation, type Verb } from '../invocation';
import { chooseContainer, pickPod } from '../podTargets';

const SHELLS = new Set(['sh', 'ash', 'bash']);

/** Attaches to a container of a running pod; returns the status to exit with. */
export function* attachToContainer(inv: Invocation, conn: ApiConnection, pod: Stored<Pod>, container: string, opts: { readonly stdin: boolean; readonly tty: boolean }): Generator<Effect, number, unknown> {
  const namespace = pod.metadata.namespace ?? 'default';
  const spec = [...(pod.spec?.containers ?? [])].find((c) => c.name === container);
  const argv = [...(spec?.command ?? []), ...(spec?.args ?? [])];
  const first = argv[0] ?? '';
  const interactive = opts.stdin && spec?.stdin === true && (argv.length === 0 || SHELLS.has(first.slice(first.lastIndexOf('/') + 1)));
  if (interactive) {
    const found = execTarget(conn.cluster, namespace, pod.metadata.name, container);
    if (!found.ok) return fail(inv, found.message);
    const host = found.host;
    const target: ExecTarget = { ...host, run: (a, io, done) => runCommand(host, a, io, done) };
    const tty = opts.tty && spec?.tty === true && inv.ctx.stdin.isTerminal;
    if (tty) inv.err("If you don't see a command prompt, try pressing enter.\n");
    const program = runInContainer(inv.ctx, { target, argv: [argv[0] ?? 'sh'], stdin: true, tty });
    if (!program) return fail(inv, 'kubectl attach needs the playground\'s shell to run in');
    return yield* program;
  }
  const found = podLogs(conn.cluster, namespace, pod.metadata.name, { container });
  if (!found.ok) return fail(inv, found.message);
  const queue: string[] = [];
  let ended = false;
  const off = found.log.follow({ line: (e) => queue.push(`${e.line}\n`), end: () => { ended = true; } });
  try {
    for (;;) {
      if (queue.length > 0) inv.out(queue.splice(0).join(''));
      if (ended) return 0;
      yield sleep(100);
    }
  } finally {
    off();
  }
}

function* run(inv: Invocation): Program {
  const ref = inv.args[0];
  if (ref === undefined || inv.args.length > 1) return usageError(inv, 'expected POD, TYPE/NAME, or TYPE NAME, (1) got');
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const pick = pickPod(conn, conn.settings.namespace, ref);
  if (pick.kind === 'error') {
    inv.err(`${pick.error}\n`);
    return 1;
  }
  if (pick.kind === 'none-yet') return fail(inv, 'timed out waiting for the condition');
  const pod = pick.pod;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return fail(inv, `cannot attach a container in a completed pod; current phase is ${pod.status.phase}`);
  const choice = chooseContainer(pod, flagString(inv.flags, 'container'));
  if (!choice.ok) return fail(inv, `container ${choice.name} not found in pod ${pod.metadata.name}`);
  if (choice.notice && !flagBool(inv.flags, 'quiet')) inv.err(choice.notice);
  return yield* attachToContainer(inv, conn, pod, choice.name, { stdin: flagBool(inv.flags, 'stdin'), tty: flagBool(inv.flags, 'tty') });
}

export const attach: Verb = {
  name: 'attach',
  summary: 'Attach to a running container',
  usage: 'kubectl attach (POD | TYPE/NAME) -c CONTAINER [options]',
  help: [
    'Attach to a process that is already running inside an existing container.',
    '',
    'Examples:',
    '  # What the pingpong pod\'s process prints from now on (Ctrl+C to stop)',
    '  kubectl attach pingpong',
    '  ',
    '  # Back into the shell a `kubectl run -it` started',
    '  kubectl attach -it debug',
  ].join('\n'),
  flags: [
    { name: 'container', short: 'c', kind: 'string', description: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen', defaultText: "''" },
    { name: 'quiet', short: 'q', kind: 'bool', description: 'Only print output from the remote session', defaultText: 'false' },
    { name: 'stdin', short: 'i', kind: 'bool', description: 'Pass stdin to the container', defaultText: 'false' },
    { name: 'tty', short: 't', kind: 'bool', description: 'Stdin is a TTY', defaultText: 'false' },
  ],
  run,
};
