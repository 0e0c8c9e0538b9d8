/**
 * kubeadm's preflight checks that can fail on a playground host, in kubeadm's order, with its
 * check names (Port-6443, FileAvailable--etc-kubernetes-kubelet.conf...) and messages. A check
 * named in --ignore-preflight-errors (or "all") turns its errors into warnings.
 */
import type { Host } from '../../host/host';
import type { World } from '../../world';
import { ETCD_DATA_DIR, MANIFESTS_DIR, PKI_DIR, PORTS } from '../constants';

export interface PreflightIssue {
  readonly check: string;
  readonly message: string;
}

export interface PreflightResult {
  readonly warnings: readonly PreflightIssue[];
  readonly errors: readonly PreflightIssue[];
}

type Check = () => PreflightIssue | undefined;

function port(world: World, host: Host, n: number): Check {
  return () => (world.network.isListening(host.name, n) ? { check: `Port-${n}`, message: `Port ${n} is in use` } : undefined);
}

function fileAvailable(host: Host, path: string): Check {
  return () => (host.fs.exists(path) ? { check: `FileAvailable-${path.replace(/\//g, '-')}`, message: `${path} already exists` } : undefined);
}

function dirAvailable(host: Host, path: string): Check {
  return () => {
    const entries = host.fs.readdir(path);
    return entries.ok && entries.value.length > 0 ? { check: `DirAvailable-${path.replace(/\//g, '-')}`, message: `${path} is not empty` } : undefined;
  };
}

export function initChecks(world: World, host: Host): Check[] {
  return [
    port(world, host, PORTS.apiServer),
    port(world, host, PORTS.scheduler),
    port(world, host, PORTS.controllerManager),
    ...['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd'].map((c) => fileAvailable(host, `${MANIFESTS_DIR}/${c}.yaml`)),
    port(world, host, PORTS.kubelet),
    port(world, host, PORTS.etcdClient),
    port(world, host, PORTS.etcdPeer),
    dirAvailable(host, ETCD_DATA_DIR),
  ];
}

export function joinChecks(world: World, host: Host): Check[] {
  return [
    fileAvailable(host, '/etc/kubernetes/kubelet.conf'),
    fileAvailable(host, '/etc/kubernetes/bootstrap-kubelet.conf'),
    port(world, host, PORTS.kubelet),
    fileAvailable(host, `${PKI_DIR}/ca.crt`),
  ];
}

/** Parses --ignore-preflight-errors values (comma separated, case-insensitive, repeatable). */
export function ignoredChecks(values: readonly string[]): Set<string> {
  return new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean));
}

export function runChecks(checks: readonly Check[], ignored: ReadonlySet<string>): PreflightResult {
  const warnings: PreflightIssue[] = [];
  const errors: PreflightIssue[] = [];
  for (const check of checks) {
    const issue = check();
    if (!issue) continue;
    if (ignored.has('all') || ignored.has(issue.check.toLowerCase())) warnings.push(issue);
    else errors.push(issue);
  }
  return { warnings, errors };
}

/** The error kubeadm prints when checks fail (after "error execution phase preflight: "). */
export function preflightFailure(errors: readonly PreflightIssue[]): string {
  return `[preflight] Some fatal errors occurred:\n${errors.map((e) => `\t[ERROR ${e.check}]: ${e.message}\n`).join('')}`
    + '[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`';
}

export function preflightWarnings(warnings: readonly PreflightIssue[]): string {
  return warnings.map((w) => `\t[WARNING ${w.check}]: ${w.message}\n`).join('');
}
