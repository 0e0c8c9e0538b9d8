/**
 * kubectl run: since v1.18 it creates one Pod and nothing else (`pod/pingpong created`), labelled
 * run=NAME; `-- args` become the container's args, or its command with --command; --expose adds a
 * ClusterIP service in front of it first.
 */
import { mustResolve } from '../../../../engine';
import { sleep, type Program } from '../../../types';
import { flagBool, flagString, flagStrings } from '../flags';
import { connectOrReport, fail, usageError, type Invocation, type Verb } from '../invocation';
import { parseEnv, parseLabelSpec, runPod, service } from './generators';
import { attachToRun } from './runAttach';
import { parseDuration } from './rolloutStatus';
import { apiErrorText, badOutput, createOnServer, dryRunOf, DRY_RUN_FLAG, printWritten, WRITE_OUTPUT_FLAG } from './write';

const PODS = mustResolve('pods');
const SERVICES = mustResolve('services');
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

function* run(inv: Invocation): Program {
  const image = flagString(inv.flags, 'image');
  if (image === undefined) return fail(inv, 'required flag(s) "image" not set');
  const [name, ...rest] = inv.args;
  if (name === undefined) return usageError(inv, 'NAME is required for run');
  const dryRun = dryRunOf(inv);
  if (typeof dryRun !== 'string') return fail(inv, dryRun.error);
  const badO = badOutput(inv);
  if (badO) return fail(inv, badO);
  const restart = flagString(inv.flags, 'restart') ?? 'Always';
  if (!RESTART_POLICIES.includes(restart)) return usageError(inv, `invalid restart policy: ${restart}`);
  const portText = flagString(inv.flags, 'port');
  let port: number | undefined;
  if (portText !== undefined && portText !== '') {
    if (!/^[-+]?\d+$/.test(portText)) return fail(inv, `strconv.Atoi: parsing "${portText}": invalid syntax`);
    port = Number(portText);
  }
  const stdin = flagBool(inv.flags, 'stdin');
  const tty = flagBool(inv.flags, 'tty');
  const attach = inv.flags.values.get('attach') === true || (stdin && inv.flags.values.get('attach') !== false);
  if (dryRun !== 'none' && (attach || stdin || tty)) return usageError(inv, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  if (tty && !stdin) return usageError(inv, '-i/--stdin is required for containers with -t/--tty=true');
  if (flagBool(inv.flags, 'rm') && !attach) return usageError(inv, '--rm should only be used for attached containers');
  const timeout = parseDuration(flagString(inv.flags, 'pod-running-timeout') ?? '1m0s');
  if (timeout === undefined) return fail(inv, `invalid argument "${flagString(inv.flags, 'pod-running-timeout')}" for "--pod-running-timeout" flag: time: invalid duration "${flagString(inv.flags, 'pod-running-timeout')}"`);
  const expose = flagBool(inv.flags, 'expose');
  if (expose && port === undefined) return usageError(inv, '--port must be set when exposing a service');
  const labelText = flagString(inv.flags, 'labels');
  const labels = labelText ? parseLabelSpec(labelText) : { run: name };
  if (typeof labels === 'string') return fail(inv, labels);
  const env = parseEnv(flagStrings(inv.flags, 'env'));
  if (typeof env === 'string') return fail(inv, env);
  const annotations = parseEnv(flagStrings(inv.flags, 'annotations'));
  if (typeof annotations === 'string') return fail(inv, annotations.replace('invalid env', 'invalid annotation'));
  // Words after NAME and after "--" alike become the container's arguments.
  const words = [...rest, ...(inv.flags.afterDash ?? [])];
  const command = flagBool(inv.flags, 'command');
  const pod = runPod(name, labels, {
    name, image, ...(command ? { command: words } : { args: words }), ...(port !== undefined ? { port } : {}), env,
    ...(flagString(inv.flags, 'image-pull-policy') ? { pullPolicy: flagString(inv.flags, 'image-pull-policy')! } : {}),
  }, restart);
  if (annotations.length > 0) (pod.metadata as Record<string, unknown>).annotations = Object.fromEntries(annotations.map((a) => [a.name, a.value]));
  const spec = (pod as unknown as { spec: { containers: Record<string, unknown>[] } }).spec;
  if (stdin) Object.assign(spec.containers[0]!, { stdin: true, ...(attach ? { stdinOnce: true } : {}), ...(tty ? { tty: true } : {}) });
  const svc = expose ? service({ name, ports: [{ protocol: 'TCP', port: port!, targetPort: port! }], selector: labels }) : undefined;
  if (dryRun === 'client') {
    // kubectl prints the service, then the pod; in YAML each object ends with its own "---".
    const yaml = flagString(inv.flags, 'output') === 'yaml';
    if (svc) {
      printWritten(inv, SERVICES, svc, 'created', dryRun);
      if (yaml) inv.out('---\n---\n');
    }
    printWritten(inv, PODS, pod, 'created', dryRun);
    return 0;
  }
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  if (svc) {
    yield sleep(4);
    const created = createOnServer(conn, SERVICES, svc, dryRun);
    if (!created.ok) {
      inv.err(`${apiErrorText(created.error)}\n`);
      return 1;
    }
    printWritten(inv, SERVICES, created.value, 'created', dryRun);
  }
  yield sleep(4);
  const created = createOnServer(conn, PODS, pod, dryRun);
  if (!created.ok) {
    inv.err(`${apiErrorText(created.error)}\n`);
    return 1;
  }
  if (!attach) {
    printWritten(inv, PODS, created.value, 'created', dryRun);
    return 0;
  }
  // Without args the image's own command runs: for the busybox and alpine images, a shell.
  const argv = words.length > 0 ? words : ['sh'];
  return yield* attachToRun(inv, conn, name, argv, { stdin, tty, rm: flagBool(inv.flags, 'rm'), quiet: flagBool(inv.flags, 'quiet'), timeoutMs: timeout });
}

export const runVerb: Verb = {
  name: 'run',
  summary: 'Run a particular image on the cluster',
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  help: [
    'Create and run a particular image in a pod.',
    '',
    'Examples:',
    '  # Start a pod that pings a public address forever',
    '  kubectl run pingpong --image=alpine -- ping 1.1.1.1',
    '  ',
    '  # Start an nginx pod that listens on port 80, with two labels',
    '  kubectl run web --image=nginx --port=80 --labels="app=web,tier=front"',
    '  ',
    '  # Set an environment variable in the container',
    '  kubectl run hello --image=busybox --env="GREETING=hi" -- sleep 3600',
    '  ',
    '  # Use your own command instead of the image\'s entrypoint',
    '  kubectl run once --image=busybox --restart=Never --command -- sh -c "date; sleep 5"',
    '  ',
    '  # A throwaway pod with a shell, deleted when you exit it',
    '  kubectl run -it --rm tester --image=busybox --restart=Never -- sh',
    '  ',
    '  # Print the pod manifest instead of creating it',
    '  kubectl run web --image=nginx --dry-run=client -o yaml',
  ].join('\n'),
  flags: [
    { name: 'image', kind: 'string', description: 'The image for the container to run.', defaultText: "''" },
    { name: 'restart', kind: 'string', description: "The restart policy for this Pod. Legal values [Always, OnFailure, Never].", defaultText: "'Always'", values: RESTART_POLICIES },
    { name: 'port', kind: 'string', description: 'The port that this container exposes.', defaultText: "''" },
    { name: 'labels', short: 'l', kind: 'string', description: 'Comma separated labels to apply to the pod. Will override previous values.', defaultText: "''" },
    { name: 'env', kind: 'strings', description: 'Environment variables to set in the container.', defaultText: '[]' },
    { name: 'annotations', kind: 'strings', description: 'Annotations to apply to the pod.', defaultText: '[]' },
    { name: 'command', kind: 'bool', description: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.', defaultText: 'false' },
    { name: 'expose', kind: 'bool', description: "If true, create a ClusterIP service associated with the pod.  Requires `--port`.", defaultText: 'false' },
    { name: 'image-pull-policy', kind: 'string', description: 'The image pull policy for the container.', defaultText: "''", values: ['Always', 'IfNotPresent', 'Never'] },
    { name: 'stdin', short: 'i', kind: 'bool', description: 'Keep stdin open on the container in the pod, even if nothing is attached.', defaultText: 'false' },
    { name: 'tty', short: 't', kind: 'bool', description: 'Allocate a TTY for the container in the pod.', defaultText: 'false' },
    { name: 'attach', kind: 'bool', description: 'If true, wait for the Pod to start running, and then attach to the Pod as if \'kubectl attach ...\' were called. Default false, unless \'-i/--stdin\' is set, in which case the default is true.', defaultText: 'false' },
    { name: 'rm', kind: 'bool', description: 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.', defaultText: 'false' },
    { name: 'quiet', short: 'q', kind: 'bool', description: 'If true, suppress prompt messages.', defaultText: 'false' },
    { name: 'pod-running-timeout', kind: 'string', description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running', defaultText: '1m0s' },
    DRY_RUN_FLAG,
    WRITE_OUTPUT_FLAG,
  ],
  run,
};
