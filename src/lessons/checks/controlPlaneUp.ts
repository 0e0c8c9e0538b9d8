/**
 * `control-plane-up: { host: node1 }`: kubeadm init made this host a control plane and its
 * kube-apiserver answers on the advertised address, port 6443 (what `kubectl` will talk to).
 */
import { API_SERVER_PORT } from '../../engine';
import type { Lang } from '../model';
import { ArgReader } from './args';
import { apiServerAt } from './state';
import { definePredicate, type ArgDoc } from './types';

interface Args {
  readonly host: string;
}

const ARGS: readonly ArgDoc[] = [{ name: 'host', required: true, description: 'the node kubeadm init ran on, e.g. host: node1' }];

export const controlPlaneUp = definePredicate<Args>({
  name: 'control-plane-up',
  summary: 'kubeadm init ran on the host and its API server answers on <advertise-address>:6443',
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('control-plane-up', raw, ARGS, ctx);
    const host = r.host('host');
    return r.finish(() => ({ host: host! }));
  },
  describe({ host }, lang: Lang) {
    return lang === 'es' ? `el plano de control funciona en ${host}` : `the control plane is up on ${host}`;
  },
  evaluate(world, { host }) {
    return world.clusters.some((c) => c.controlPlaneHost === host && apiServerAt(world, host, c.advertiseAddress, API_SERVER_PORT) === c);
  },
});
