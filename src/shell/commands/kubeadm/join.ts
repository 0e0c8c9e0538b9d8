/**
 * `kubeadm join <endpoint> --token ... --discovery-token-ca-cert-hash sha256:...`: validates the
 * flags, runs the preflight checks, discovers the cluster (retrying every 5 s for up to 5 minutes
 * while the endpoint or the token is not there, failing at once on a bad CA pin), then starts the
 * kubelet and waits for its TLS bootstrap. Any failure leaves the host untouched.
 */
import {
  DISCOVERY_RETRY_MS, DISCOVERY_TIMEOUT_MS, discoveryAttempt, finishTlsBootstrap, joinPreflight, preflightFailure, preflightWarnings,
  startJoinedKubelet, tlsBootstrapDone, validateJoin, type JoinOptions,
} from '../../../engine';
import { sleep, type CommandContext, type Program } from '../../types';
import { flagBool, flagValue, flagValues, type KubeadmFlag, type ParsedFlags } from './flags';
import { fail } from './output';

export const JOIN_FLAGS: readonly KubeadmFlag[] = [
  { name: '--apiserver-advertise-address', takesValue: true, description: 'If the node should host a new control plane instance, the IP address the API Server will advertise it\'s listening on.' },
  { name: '--control-plane', takesValue: false, description: 'Create a new control plane instance on this node' },
  { name: '--cri-socket', takesValue: true, description: 'Path to the CRI socket to connect.' },
  { name: '--discovery-token', takesValue: true, description: 'For token-based discovery, the token used to validate cluster information fetched from the API server.' },
  { name: '--discovery-token-ca-cert-hash', takesValue: true, repeatable: true, description: 'For token-based discovery, validate that the root CA public key matches this hash (format: "<type>:<value>").' },
  { name: '--discovery-token-unsafe-skip-ca-verification', takesValue: false, description: 'For token-based discovery, allow joining without --discovery-token-ca-cert-hash pinning.' },
  { name: '--dry-run', takesValue: false, description: 'Don\'t apply any changes; just output what would be done.' },
  { name: '--ignore-preflight-errors', takesValue: true, repeatable: true, description: 'A list of checks whose errors will be shown as warnings. Value \'all\' ignores errors from all checks.' },
  { name: '--node-name', takesValue: true, description: 'Specify the node name.' },
  { name: '--tls-bootstrap-token', takesValue: true, description: 'Specify the token used to temporarily authenticate with the Kubernetes Control Plane while joining the node.' },
  { name: '--token', takesValue: true, description: 'Use this token for both discovery-token and tls-bootstrap-token when those values are not provided.' },
];

const POLL_MS = 250;
/** kubeadm gives the kubelet's TLS bootstrap 4 minutes. */
const TLS_BOOTSTRAP_TIMEOUT_MS = 4 * 60 * 1000;

export function* runJoin(ctx: CommandContext, flags: ParsedFlags): Program {
  const out = (text: string) => ctx.stdout.write(text);
  if (flags.args.length > 1) return fail(ctx, `accepts at most 1 arg(s), received ${flags.args.length}`);
  const token = flagValue(flags, '--discovery-token') ?? flagValue(flags, '--token');
  const opts: JoinOptions = {
    endpoint: flags.args[0],
    token,
    caCertHashes: flagValues(flags, '--discovery-token-ca-cert-hash'),
    unsafeSkipCaVerification: flagBool(flags, '--discovery-token-unsafe-skip-ca-verification'),
    ignorePreflightErrors: flagValues(flags, '--ignore-preflight-errors'),
  };
  const invalid = validateJoin(opts);
  if (invalid) return fail(ctx, invalid);

  out('[preflight] Running pre-flight checks\n');
  yield sleep(300);
  const preflight = joinPreflight(ctx.world, ctx.host, opts);
  if (preflight.warnings.length > 0) ctx.stderr.write(preflightWarnings(preflight.warnings));
  if (preflight.errors.length > 0) return fail(ctx, `error execution phase preflight: ${preflightFailure(preflight.errors)}`);

  const started = ctx.world.now();
  let attempt = discoveryAttempt(ctx.world, ctx.host, opts);
  while (attempt.kind === 'retry' && ctx.world.now() - started < DISCOVERY_TIMEOUT_MS) {
    yield sleep(Math.min(DISCOVERY_RETRY_MS, DISCOVERY_TIMEOUT_MS - (ctx.world.now() - started)));
    attempt = discoveryAttempt(ctx.world, ctx.host, opts);
  }
  if (attempt.kind !== 'ok') return fail(ctx, `error execution phase preflight: couldn't validate the identity of the API Server: ${attempt.error}`);
  const cluster = attempt.cluster;
  yield sleep(200);
  out('[preflight] Reading configuration from the cluster...\n');
  out("[preflight] FYI: You can look at this config file with 'kubectl -n kube-system get cm kubeadm-config -o yaml'\n");
  yield sleep(150);
  if (flagBool(flags, '--dry-run')) {
    out('[dryrun] Would write file "/var/lib/kubelet/config.yaml"\n');
    out('[dryrun] Would write file "/var/lib/kubelet/kubeadm-flags.env"\n');
    out('[dryrun] Would stop the kubelet\n');
    out('[dryrun] Would start the kubelet\n');
    out('[dryrun] Finished dry-running successfully. Above are the resources that would be created\n');
    return 0;
  }
  out('[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"\n');
  out('[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"\n');
  out('[kubelet-start] Starting the kubelet\n');
  startJoinedKubelet(ctx.world, ctx.host, cluster, token ?? '');
  yield sleep(200);
  out('[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap...\n');
  yield sleep(cluster.profile.syncMs);
  const bootstrapStart = ctx.world.now();
  while (!tlsBootstrapDone(cluster, ctx.host.name)) {
    if (ctx.world.now() - bootstrapStart > TLS_BOOTSTRAP_TIMEOUT_MS) {
      return fail(ctx, 'error execution phase kubelet-start: error uploading crisocket: timed out waiting for the condition');
    }
    yield sleep(POLL_MS);
  }
  finishTlsBootstrap(ctx.world, ctx.host, cluster, token ?? '');
  out([
    '',
    'This node has joined the cluster:',
    '* Certificate signing request was sent to apiserver and a response was received.',
    '* The Kubelet was informed of the new secure connection details.',
    '',
    "Run 'kubectl get nodes' on the control-plane to see this node join the cluster.",
    '',
    '',
  ].join('\n'));
  return 0;
}
