/**
 * Static pods: the kubelet's file source. It reads every manifest in /etc/kubernetes/manifests,
 * names each pod `<name>-<node>`, stamps the config hash / seen / source annotations, and (once the
 * API server answers) posts a read-only "mirror pod" so `kubectl get pods -n kube-system` shows
 * etcd-node1 and friends.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { VirtualFs } from '../../host/fs';
import { canonicalJson, fnv32a } from '../../api/names';
import { loadYamlDocuments } from '../../util/yaml';
import { MANIFESTS_DIR } from '../constants';

export const CONFIG_HASH = 'kubernetes.io/config.hash';
export const CONFIG_MIRROR = 'kubernetes.io/config.mirror';
export const CONFIG_SEEN = 'kubernetes.io/config.seen';
export const CONFIG_SOURCE = 'kubernetes.io/config.source';

export interface StaticPod {
  readonly file: string;
  /** The pod as the kubelet runs it: named for the node, annotated, not yet stored. */
  readonly pod: Pod;
  readonly hash: string;
}

/**
 * Notices changes in the manifests directory, as the kubelet's inotify watch does: a file added,
 * removed or rewritten. Files are compared by their text (the filesystem hands back the string it
 * stores, so an untouched file compares in constant time): the kubelet looks every few seconds on
 * every node, and stat-ing each file would measure its size in bytes every time.
 */
export class ManifestWatch {
  private seen = new Map<string, string>();

  /** True when the directory differs from the last call's (the first call: when it holds manifests). */
  changed(fs: VirtualFs, dir = MANIFESTS_DIR): boolean {
    const entries = fs.readdir(dir);
    const names = entries.ok ? entries.value.filter(isManifestName) : [];
    let changed = names.length !== this.seen.size;
    const now = new Map<string, string>();
    for (const name of names) {
      const text = fs.readFile(`${dir}/${name}`);
      const content = text.ok ? text.value : '';
      now.set(name, content);
      if (!changed && this.seen.get(name) !== content) changed = true;
    }
    this.seen = now;
    return changed;
  }
}

/** Reads the manifests; files that do not parse into a Pod are skipped, as the kubelet logs and skips them. */
export function readStaticPods(fs: VirtualFs, nodeName: string, seenAt: string, dir = MANIFESTS_DIR): StaticPod[] {
  const entries = fs.readdir(dir);
  if (!entries.ok) return [];
  const out: StaticPod[] = [];
  for (const name of entries.value.filter(isManifestName)) {
    const text = fs.readFile(`${dir}/${name}`);
    if (!text.ok) continue;
    const pod = parsePod(text.value);
    if (!pod?.metadata?.name || !Array.isArray(pod.spec?.containers) || pod.spec.containers.length === 0) continue;
    const hash = configHash(canonicalJson(pod) + nodeName);
    const annotations = { ...(pod.metadata.annotations ?? {}), [CONFIG_HASH]: hash, [CONFIG_SEEN]: seenAt, [CONFIG_SOURCE]: 'file' };
    out.push({
      file: `${dir}/${name}`,
      hash,
      pod: {
        ...pod,
        metadata: { ...pod.metadata, name: `${pod.metadata.name}-${nodeName}`, namespace: pod.metadata.namespace ?? 'default', annotations },
        spec: {
          ...pod.spec,
          nodeName,
          // Static pods tolerate every NoExecute taint: the node controller must never evict them.
          tolerations: [...(pod.spec.tolerations ?? []), { operator: 'Exists', effect: 'NoExecute' }],
        },
      },
    });
  }
  return out;
}

/** The file's first document, read as the kubelet reads it (sigs.k8s.io/yaml), when it is a Pod. */
function parsePod(text: string): Pod | undefined {
  const read = loadYamlDocuments(text, 'kubernetes');
  const doc = read.ok ? read.value[0] : undefined;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const obj = doc as Pod;
  return obj.kind === 'Pod' ? obj : undefined;
}

function isManifestName(name: string): boolean {
  return !name.startsWith('.') && /\.(ya?ml|json)$/.test(name);
}

/** 32 hex characters, like the md5 the kubelet uses as a static pod's UID. */
function configHash(text: string): string {
  let out = '';
  for (let i = 0; i < 4; i++) out += fnv32a(`${i}:${text}`).toString(16).padStart(8, '0');
  return out;
}
