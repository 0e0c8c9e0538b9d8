/**
 * Pod addresses, as the CNI plugin on the node hands them out. With Weave, each node allocates
 * from its own slice of 10.32.0.0/12 (lowest free address first, the bridge keeping the first one),
 * so two nodes never give out the same address. Any other CNI config gets containerd's default
 * bridge range, 10.88.0.0/16.
 */
import type { Kubelet } from './kubelet';
import type { PodWorker } from './podWorker';
import type { AllocateResult } from './runtimeEnv';
import { intToIp, ipToInt } from '../podNetwork';

const DEFAULT_BRIDGE_FIRST = ipToInt('10.88.0.2');
const DEFAULT_BRIDGE_END = ipToInt('10.89.0.0');

export function allocatePodIp(kubelet: Kubelet, worker: PodWorker): AllocateResult {
  const used = new Set<string>();
  for (const w of kubelet.workers.values()) if (w !== worker && w.podIp && !w.hostNetwork) used.add(w.podIp);
  let first = DEFAULT_BRIDGE_FIRST;
  let end = DEFAULT_BRIDGE_END;
  if (kubelet.networkState().kind === 'ready' && usesWeave(kubelet)) {
    const slice = kubelet.cluster?.podNetwork.sliceOf(kubelet.nodeName);
    if (!slice) return { ok: false, message: 'unable to allocate IP address: no address space available for this peer' };
    first = slice.firstPod;
    end = slice.end;
  }
  for (let n = first; n < end; n++) {
    const ip = intToIp(n);
    if (used.has(ip)) continue;
    kubelet.world.network.addAddress(kubelet.host.name, ip);
    return { ok: true, ip };
  }
  return { ok: false, message: 'unable to allocate IP address: range exhausted' };
}

function usesWeave(kubelet: Kubelet): boolean {
  const conf = kubelet.host.fs.readFile('/etc/cni/net.d/10-weave.conflist');
  return conf.ok;
}
