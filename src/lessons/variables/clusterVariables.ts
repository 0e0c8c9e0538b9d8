/**
 * Variables read from the current cluster: the whole join command, and its parts for lessons
 * that want to explain them one by one.
 */
import type { World } from '../../engine';
import type { Lang } from '../model';
import { currentCluster } from '../checks/state';
import { currentBootstrapToken } from './bootstrapToken';
import type { TemplateVariable } from './types';

function token(world: World): string | undefined {
  const cluster = currentCluster(world);
  return cluster && currentBootstrapToken(cluster, world.wallNow());
}

/** No cluster yet, or (kubeadm tokens last 24 h) no valid token left. */
function whyMissing(world: World, lang: Lang): string {
  if (!currentCluster(world)) {
    return lang === 'es'
      ? 'Todavía no hay clúster: ejecuta primero kubeadm init en node1.'
      : 'There is no cluster yet: run kubeadm init on node1 first.';
  }
  return lang === 'es'
    ? 'El clúster no tiene ningún token de unión válido: crea uno con kubeadm token create --print-join-command en node1.'
    : 'The cluster has no valid join token: make one with kubeadm token create --print-join-command on node1.';
}

export const joinCommand: TemplateVariable = {
  name: 'joinCommand',
  summary: 'the `kubeadm join` command for the current cluster: its address, a valid token and the CA hash',
  resolve(world) {
    const cluster = currentCluster(world);
    const t = token(world);
    if (!cluster || t === undefined) return undefined;
    return `kubeadm join ${cluster.endpoint} --token ${t} --discovery-token-ca-cert-hash ${cluster.ca.hash}`;
  },
  unavailable: whyMissing,
};

export const joinToken: TemplateVariable = {
  name: 'joinToken',
  summary: 'the current bootstrap token, "abcdef.0123456789abcdef"',
  resolve: token,
  unavailable: whyMissing,
};

export const caCertHash: TemplateVariable = {
  name: 'caCertHash',
  summary: "the cluster CA's hash as `kubeadm join` pins it, \"sha256:<64 hex>\"",
  resolve: (world) => currentCluster(world)?.ca.hash,
  unavailable: whyMissing,
};

export const apiServerEndpoint: TemplateVariable = {
  name: 'apiServerEndpoint',
  summary: "the API server's address and port, \"192.168.0.8:6443\"",
  resolve: (world) => currentCluster(world)?.endpoint,
  unavailable: whyMissing,
};
