/**
 * `kubeadm reset`: asks for confirmation on stdin (unless -f), stops the kubelet and with it every
 * container of the host, deletes etcd's data on the control plane (the cluster is gone), empties
 * /etc/kubernetes/manifests, /var/lib/kubelet and /etc/kubernetes/pki, deletes the kubeconfigs,
 * and ends with kubeadm's notes about what it does not clean.
 */
import {
  ETCD_DATA_DIR, RESET_FILES, cleanDirectories, deleteEtcdData, deleteFiles, planReset, stopKubelet,
} from '../../../engine';
import { sleep, type CommandContext, type Program } from '../../types';
import { flagBool, type KubeadmFlag, type ParsedFlags } from './flags';
import { fail, klog } from './output';

export const RESET_FLAGS: readonly KubeadmFlag[] = [
  { name: '--cert-dir', takesValue: true, description: 'The path to the directory where the certificates are stored.' },
  { name: '--cleanup-tmp-dir', takesValue: false, description: 'Cleanup the "/etc/kubernetes/tmp" directory' },
  { name: '--cri-socket', takesValue: true, description: 'Path to the CRI socket to connect.' },
  { name: '--dry-run', takesValue: false, description: 'Don\'t apply any changes; just output what would be done.' },
  { name: '--force', short: '-f', takesValue: false, description: 'Reset the node without prompting for confirmation.' },
  { name: '--ignore-preflight-errors', takesValue: true, repeatable: true, description: 'A list of checks whose errors will be shown as warnings.' },
  { name: '--kubeconfig', takesValue: true, description: 'The kubeconfig file to use when talking to the cluster.' },
];

const CLOSING_NOTES = `
The reset process does not clean CNI configuration. To do so, you must remove /etc/cni/net.d

The reset process does not reset or clean up iptables rules or IPVS tables.
If you wish to reset iptables, you must do so manually by using the "iptables" command.

If your cluster was setup to utilize IPVS, run ipvsadm --clear (or similar)
to reset your system's IPVS tables.

The reset process does not clean your kubeconfig files and you must remove them manually.
Please, check the contents of the $HOME/.kube/config file.
`;

export function* runReset(ctx: CommandContext, flags: ParsedFlags): Program {
  const out = (text: string) => ctx.stdout.write(text);
  const { world, host } = ctx;
  const plan = planReset(world, host);
  const endpoint = plan.controlPlaneOf?.endpoint ?? host.kubelet?.apiServer;
  if (plan.reachableCluster) {
    out('[reset] Reading configuration from the cluster...\n');
    out("[reset] FYI: You can look at this config file with 'kubectl -n kube-system get cm kubeadm-config -o yaml'\n");
  } else if (endpoint) {
    ctx.stderr.write(klog(world, host, 'W', 'reset.go:106', `[reset] Unable to fetch the kubeadm-config ConfigMap from cluster: failed to get config map: Get "https://${endpoint}/api/v1/namespaces/kube-system/configmaps/kubeadm-config?timeout=10s": dial tcp ${endpoint}: connect: connection refused`));
  }
  if (!flagBool(flags, '--force')) {
    ctx.stderr.write(klog(world, host, 'W', 'preflight.go:56', "[reset] WARNING: Changes made to this host by 'kubeadm init' or 'kubeadm join' will be reverted."));
    out('[reset] Are you sure you want to proceed? [y/N]: ');
    const answer = yield* ctx.stdin.read();
    if ((answer ?? '').trim().toLowerCase() !== 'y') {
      return fail(ctx, "error execution phase preflight: won't proceed; the user didn't answer (Y|y) in order to continue");
    }
  }
  out('[preflight] Running pre-flight checks\n');
  yield sleep(200);
  const dryRun = flagBool(flags, '--dry-run');
  if (plan.etcdDataDir) {
    if (!plan.reachableCluster) ctx.stderr.write(klog(world, host, 'W', 'removeetcdmember.go:106', '[reset] No kubeadm config, using etcd pod spec to get data directory'));
    if (!dryRun) deleteEtcdData(world, host, plan);
    out(`[reset] ${dryRun ? 'Would delete' : 'Deleted'} contents of the etcd data directory: ${ETCD_DATA_DIR}\n`);
  }
  out('[reset] Stopping the kubelet service\n');
  if (!dryRun) stopKubelet(world, host);
  yield sleep(400);
  out('[reset] Unmounting mounted directories in "/var/lib/kubelet"\n');
  yield sleep(300);
  out(`[reset] Deleting contents of directories: [${plan.directories.join(' ')}]\n`);
  if (!dryRun) cleanDirectories(host, plan);
  out(`[reset] Deleting files: [${RESET_FILES.join(' ')}]\n`);
  if (!dryRun) deleteFiles(host);
  out(CLOSING_NOTES);
  return 0;
}
