import { describe, expect, it } from 'vitest';
import { VirtualFs } from '../../host/fs';
import { readStaticPods } from './staticPods';

const DIR = '/etc/kubernetes/manifests';

function podYaml(name: string, extra = ''): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: kube-system\n${extra}spec:\n  hostNetwork: yes\n  containers:\n  - name: ${name}\n    image: registry.k8s.io/${name}:v1.27.2\n`;
}

describe('readStaticPods', () => {
  it('reads each manifest as the kubelet does (YAML 1.1) and skips files that are not a Pod', () => {
    const fs = new VirtualFs(() => 0);
    fs.mkdir(DIR, { parents: true });
    fs.writeFile(`${DIR}/etcd.yaml`, podYaml('etcd', '  creationTimestamp: 2023-06-01T09:00:00Z\n'));
    fs.writeFile(`${DIR}/broken.yaml`, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x: y\n');
    fs.writeFile(`${DIR}/proto.yaml`, podYaml('proto', '  __proto__: {polluted: true}\n'));
    fs.writeFile(`${DIR}/service.yaml`, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n');
    fs.writeFile(`${DIR}/list.yaml`, '- a\n');
    const pods = readStaticPods(fs, 'node1', '2023-06-01T09:00:05Z');
    expect(pods.map((p) => p.pod.metadata?.name)).toEqual(['etcd-node1']);
    expect(pods[0]!.pod.spec?.hostNetwork).toBe(true);
    expect(pods[0]!.pod.metadata?.creationTimestamp).toBe('2023-06-01T09:00:00Z');
  });
});
