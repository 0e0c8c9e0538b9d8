/**
 * kubectl exec (v1.27): `POD -- COMMAND [args...]` or `TYPE/NAME -- ...` runs a program inside a
 * running container (the first one, "Defaulted container ...", unless -c), through the in-container
 * shell (src/shell/container): `-it ... -- sh` is an interactive `/ # ` prompt until `exit`. A
 * non-zero status is reported as "command terminated with exit code N", as kubectl does.
 */
import { execTarget, podExecs, runCommand, type Pod, type Stored } from '../../../../engine';
import { hasProgram, runInContainer, type ExecTarget } from '../../../container';
import { sleep, type Effect, type Program } from '../../../types';
import { flagBool, flagString } from '../flags';
import { connectOrReport, fail, usageError, type Invocation, type Verb } from '../invocation';
import { kubectlRandom } from '../client';
import { chooseContainer, pickPod } from '../podTargets';
import { parseGoDuration } from './goDuration';

function* findPod(inv: Invocation, conn: Parameters<typeof pickPod>[0], namespace: string, ref: string): Generator<Effect, Stored<Pod> | number, unknown> {
  const timeout = parseGoDuration(flagString(inv.flags, 'pod-running-timeout') ?? '1m0s') ?? 60_000;
  for (let waited = 0; ; waited += 1_000) {
    const pick = pickPod(conn, namespace, ref);
    if (pick.kind === 'error') {
      inv.err(`${pick.error}\n`);
      return 1;
    }
    if (pick.kind === 'pod') {
      if (pick.notice) inv.err(pick.notice);
      return pick.pod;
    }
    if (waited >= timeout) return fail(inv, 'timed out waiting for the condition');
    yield sleep(1_000);
  }
}

function* run(inv: Invocation): Program {
  const command = inv.flags.afterDash ?? [];
  const ref = inv.args[0];
  if (ref === undefined) return fail(inv, 'pod, type/name or --filename must be specified');
  if (inv.flags.afterDash === undefined && inv.args.length > 1) return usageError(inv, 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  if (command.length === 0) return fail(inv, 'you must specify at least one command for the container');
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const namespace = conn.settings.namespace;
  const pod = yield* findPod(inv, conn, namespace, ref);
  if (typeof pod === 'number') return pod;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return fail(inv, `cannot exec into a container in a completed pod; current phase is ${phase}`);
  const choice = chooseContainer(pod, flagString(inv.flags, 'container'));
  if (!choice.ok) return fail(inv, `unable to upgrade connection: container not found ("${choice.name}")`);
  if (choice.notice && !flagBool(inv.flags, 'quiet')) inv.err(choice.notice);
  const found = execTarget(conn.cluster, pod.metadata.namespace ?? namespace, pod.metadata.name, choice.name);
  if (!found.ok) {
    // A failed stream upgrade is kubectl's own error; anything else is the API server's answer.
    if (found.message.startsWith('unable to upgrade') || found.message.startsWith('cannot exec')) return fail(inv, found.message);
    inv.err(`Error from server (${found.reason}): ${found.message}\n`);
    return 1;
  }
  const host = found.host;
  // The container's own programs (busybox's ping, wget) run in the engine's pod runtime.
  const target: ExecTarget = { ...host, run: (argv, io, done) => runCommand(host, argv, io, done) };
  const world = inv.ctx.world;
  podExecs(world).emit('exec', { namespace: pod.metadata.namespace ?? namespace, pod: pod.metadata.name, container: found.container, node: found.node, argv: command, at: world.now() });
  if (!hasProgram(target, command[0]!)) {
    // containerd cannot start the exec process: the API server reports it, kubectl exits 1.
    const execId = kubectlRandom(world).hex(64);
    return fail(inv, `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0]}": executable file not found in $PATH: unknown`);
  }
  const stdin = flagBool(inv.flags, 'stdin');
  let tty = flagBool(inv.flags, 'tty');
  if (tty && !(stdin && inv.ctx.stdin.isTerminal)) {
    if (!flagBool(inv.flags, 'quiet')) inv.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    tty = false;
  }
  const program = runInContainer(inv.ctx, { target, argv: command, stdin, tty });
  if (!program) return fail(inv, 'kubectl exec needs the playground\'s shell to run in');
  const code = yield* program;
  if (code !== 0) inv.err(`command terminated with exit code ${code}\n`);
  return code;
}

export const exec: Verb = {
  name: 'exec',
  summary: 'Execute a command in a container',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  help: [
    'Execute a command in a container.',
    '',
    ' Runs a program inside a running container of a pod, with its files, its environment and its address. With -it and a',
    'shell as the command, you get a prompt inside the container; type exit (or Ctrl+D) to come back to the node.',
    '',
    'Examples:',
    '  # The hostname of a pod, as its container sees it',
    '  kubectl exec pingpong -- hostname',
    '  ',
    '  # A shell inside the first container of a deployment\'s pod',
    '  kubectl exec -it deploy/web -- sh',
    '  ',
    '  # One container of a pod that has several',
    '  kubectl exec -n kube-system weave-net-4x7pf -c weave -- ls /',
  ].join('\n'),
  flags: [
    { name: 'container', short: 'c', kind: 'string', description: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen', defaultText: "''" },
    { name: 'pod-running-timeout', kind: 'string', description: 'How long to wait for at least one pod to be running (e.g. 5s, 2m, 3h).', defaultText: '1m0s' },
    { name: 'quiet', short: 'q', kind: 'bool', description: 'Only print output from the remote session', defaultText: 'false' },
    { name: 'stdin', short: 'i', kind: 'bool', description: 'Pass stdin to the container', defaultText: 'false' },
    { name: 'tty', short: 't', kind: 'bool', description: 'Stdin is a TTY', defaultText: 'false' },
  ],
  run,
};
