/**
 * What Weave Net's `weave` container does on its host once it runs (weave-kube's launch script):
 * it joins the peer list kept in the `weave-net` ConfigMap, installs its CNI plugin in
 * /opt/cni/bin, writes /etc/cni/net.d/10-weave.conflist, and marks its Node with
 * NetworkUnavailable=False (reason WeaveIsUp). The CNI config is what makes containerd report
 * NetworkReady=true, hence the node Ready; the daemon answering on 127.0.0.1:6784 is what lets the
 * CNI plugin hand out addresses.
 */
import type { ConfigMap, Node } from 'kubernetes-types/core/v1';
import { mustResolve } from '../../api/resources';
import { rfc3339 } from '../../util/time';
import type { Kubelet } from '../kubelet/kubelet';
import type { PodWorker } from '../kubelet/podWorker';
import type { NetworkState } from '../kubelet/runtimeEnv';
import { CNI_CONF_DIR } from '../constants';
import { WEAVE_CONFIGMAP, WEAVE_PEERS_ANNOTATION, parsePeers } from '../podNetwork';

export const WEAVE_CONFLIST_PATH = `${CNI_CONF_DIR}/10-weave.conflist`;

export const WEAVE_CONFLIST = `{
    "cniVersion": "0.3.0",
    "name": "weave",
    "plugins": [
        {
            "name": "weave",
            "type": "weave-net",
            "hairpinMode": true
        },
        {
            "type": "portmap",
            "capabilities": {"portMappings": true},
            "snat": true
        }
    ]
}
`;

const NODES = mustResolve('nodes');
const CONFIGMAPS = mustResolve('configmaps');

function isWeaveContainer(worker: PodWorker, container: string): boolean {
  return worker.namespace === 'kube-system' && worker.labels.name === 'weave-net' && container === 'weave';
}

/** containerd's view of the pod network: any CNI config makes it ready; Weave's also needs its daemon. */
export function weaveNetworkState(kubelet: Kubelet): NetworkState {
  const entries = kubelet.host.fs.readdir(CNI_CONF_DIR);
  const configs = entries.ok ? entries.value.filter((n) => /\.(conflist|conf|json)$/.test(n)) : [];
  if (configs.length === 0) return { kind: 'not-ready' };
  const first = kubelet.host.fs.readFile(`${CNI_CONF_DIR}/${configs[0]}`);
  const weave = first.ok && first.value.includes('"weave-net"');
  if (weave && !kubelet.weaveUp) return { kind: 'plugin-down', plugin: 'weave-net' };
  return { kind: 'ready' };
}

export function weaveContainerStarted(kubelet: Kubelet, worker: PodWorker, container: string): void {
  if (!isWeaveContainer(worker, container)) return;
  const run = worker.containers.find((c) => c.spec.name === container);
  const startedAt = run?.state.kind === 'running' ? run.state.startedAt : undefined;
  kubelet.world.clock.schedule(kubelet.profile.weaveCniMs, () => {
    if (!kubelet.running || kubelet.workers.get(worker.key) !== worker) return;
    if (run?.state.kind !== 'running' || run.state.startedAt !== startedAt) return;
    weaveIsUp(kubelet);
  }, `${kubelet.name} weave launch ${worker.key}`);
}

export function weaveContainerStopped(kubelet: Kubelet, worker: PodWorker, container: string): void {
  if (!isWeaveContainer(worker, container)) return;
  kubelet.weaveUp = false;
}

function weaveIsUp(kubelet: Kubelet): void {
  const fs = kubelet.host.fs;
  fs.mkdir('/opt/cni/bin', { parents: true });
  fs.writeFile('/opt/cni/bin/weave-net', '#!weave-net CNI plugin\n', { mode: 0o755 });
  fs.writeFile('/opt/cni/bin/weave-ipam', '#!weave-ipam CNI plugin\n', { mode: 0o755 });
  fs.mkdir(CNI_CONF_DIR, { parents: true });
  fs.writeFile(WEAVE_CONFLIST_PATH, WEAVE_CONFLIST);
  kubelet.weaveUp = true;
  const cluster = kubelet.cluster;
  if (cluster?.apiServerUp) {
    const actor = `weave-net:${kubelet.nodeName}`;
    joinPeers(kubelet, actor);
    const now = rfc3339(kubelet.world.wallNow());
    cluster.store.mutate<Node>(NODES, undefined, kubelet.nodeName, actor, (draft) => {
      const status = (draft.status ??= {});
      const conditions = (status.conditions ??= []);
      const condition = {
        type: 'NetworkUnavailable', status: 'False', reason: 'WeaveIsUp', message: 'Weave pod has set this',
        lastHeartbeatTime: now, lastTransitionTime: now,
      };
      const i = conditions.findIndex((c) => c.type === 'NetworkUnavailable');
      if (i >= 0) {
        if (conditions[i]!.status === 'False') return;
        conditions[i] = condition;
      } else {
        conditions.unshift(condition);
      }
    });
  }
  kubelet.poke();
  kubelet.world.touch();
}

/** Adds this host to Weave's peer list (the ConfigMap weave-kube keeps in kube-system). */
function joinPeers(kubelet: Kubelet, actor: string): void {
  const store = kubelet.cluster!.store;
  const existing = store.get<ConfigMap>(CONFIGMAPS, 'kube-system', WEAVE_CONFIGMAP);
  const peers = parsePeers(existing?.metadata.annotations?.[WEAVE_PEERS_ANNOTATION]);
  if (peers.some((p) => p.NodeName === kubelet.nodeName)) return;
  const mac = kubelet.world.random.fork(`weave-peer/${kubelet.host.machineId}`).hex(12).match(/../g)!.join(':');
  const annotation = JSON.stringify({ Peers: [...peers, { PeerName: mac, NodeName: kubelet.nodeName }] });
  if (!existing) {
    store.create<ConfigMap>(CONFIGMAPS, {
      metadata: { name: WEAVE_CONFIGMAP, namespace: 'kube-system', annotations: { [WEAVE_PEERS_ANNOTATION]: annotation } },
    }, actor);
    return;
  }
  store.mutate<ConfigMap>(CONFIGMAPS, 'kube-system', WEAVE_CONFIGMAP, actor, (draft) => {
    draft.metadata.annotations = { ...(draft.metadata.annotations ?? {}), [WEAVE_PEERS_ANNOTATION]: annotation };
  });
}
