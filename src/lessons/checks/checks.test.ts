import { describe, expect, it } from 'vitest';
import { addNode, addPod, clusterOnNode1, freshWorld, kubeconfigText, writeFile } from '../testing/engineStates';
import type { CheckSpec } from '../model';
import { prepareCheck, type PreparedCheck } from './prepare';
import { PREDICATES } from './registry';
import { kubeconfigClusters } from './state';

const ctx = { nodes: ['node1', 'node2'] };

function check(predicate: string, args: CheckSpec['args']): PreparedCheck {
  const prepared = prepareCheck({ predicate, args, line: 1 }, ctx);
  if (!prepared.ok) throw new Error(prepared.errors.join('; '));
  return prepared.check;
}

function errorsOf(predicate: string, args: CheckSpec['args']): readonly string[] {
  const prepared = prepareCheck({ predicate, args, line: 1 }, ctx);
  return prepared.ok ? [] : prepared.errors;
}

describe('control-plane-up', () => {
  const up = check('control-plane-up', { host: 'node1' });

  it('is false before kubeadm init, true while the API server answers, false once it stops', () => {
    expect(up.evaluate(freshWorld())).toBe(false);
    const { world, stopApiServer } = clusterOnNode1();
    expect(up.evaluate(world)).toBe(true);
    stopApiServer();
    expect(up.evaluate(world)).toBe(false);
  });

  it('is about the named host', () => {
    const { world } = clusterOnNode1();
    expect(check('control-plane-up', { host: 'node2' }).evaluate(world)).toBe(false);
  });

  it('describes itself in both languages', () => {
    expect(up.describe('en')).toBe('the control plane is up on node1');
    expect(up.describe('es')).toBe('el plano de control funciona en node1');
  });
});

describe('kubectl-configured', () => {
  const configured = check('kubectl-configured', { host: 'node1' });

  it('needs a kubeconfig at /root/.kube/config that reaches the API server with the right CA', () => {
    const { world, cluster, stopApiServer } = clusterOnNode1();
    const server = `https://${world.host('node1')!.ip}:6443`;
    expect(configured.evaluate(world)).toBe(false);
    writeFile(world, 'node1', '/root/.kube/config', kubeconfigText(server, 'c29tZXRoaW5nIGVsc2U='));
    expect(configured.evaluate(world), 'a CA from another cluster').toBe(false);
    writeFile(world, 'node1', '/root/.kube/config', kubeconfigText(server, cluster.ca.certData));
    expect(configured.evaluate(world)).toBe(true);
    stopApiServer();
    expect(configured.evaluate(world), 'the API server is down').toBe(false);
  });

  it('is per host: node2 has no kubeconfig', () => {
    const { world, cluster } = clusterOnNode1();
    writeFile(world, 'node1', '/root/.kube/config', kubeconfigText(`https://${world.host('node1')!.ip}:6443`, cluster.ca.certData));
    expect(check('kubectl-configured', { host: 'node2' }).evaluate(world)).toBe(false);
  });

  it("counts a login shell's exported KUBECONFIG, as kubectl in that shell would", () => {
    const { world, cluster } = clusterOnNode1();
    writeFile(world, 'node1', '/etc/kubernetes/admin.conf', kubeconfigText(`https://${world.host('node1')!.ip}:6443`, cluster.ca.certData));
    const env: [string, string][] = [['HOME', '/root']];
    const end = world.host('node1')!.addProcess({ pid: 321, command: '-bash', environ: () => env });
    expect(configured.evaluate(world)).toBe(false);
    env.push(['KUBECONFIG', '/nowhere:/etc/kubernetes/admin.conf']);
    expect(configured.evaluate(world)).toBe(true);
    end();
    expect(configured.evaluate(world), 'the shell has exited').toBe(false);
  });

  it('follows a path argument', () => {
    const { world, cluster } = clusterOnNode1();
    writeFile(world, 'node1', '/etc/kubernetes/admin.conf', kubeconfigText(`https://${world.host('node1')!.ip}:6443`, cluster.ca.certData));
    expect(check('kubectl-configured', { host: 'node1', path: '/etc/kubernetes/admin.conf' }).evaluate(world)).toBe(true);
  });

  it('reads the cluster entries of a kubeconfig, quoted or not', () => {
    expect(kubeconfigClusters(kubeconfigText('https://192.168.0.8:6443', 'QUJD'))).toEqual([{ server: 'https://192.168.0.8:6443', certificateAuthorityData: 'QUJD' }]);
    expect(kubeconfigClusters('clusters:\n- name: a\n  cluster:\n    server: "https://10.0.0.1:6443"\n')).toEqual([{ server: 'https://10.0.0.1:6443', certificateAuthorityData: undefined }]);
  });
});

describe('node-joined and nodes-ready', () => {
  it('node-joined holds once the Node object exists, Ready or not', () => {
    const { world, cluster } = clusterOnNode1();
    const joined = check('node-joined', { node: 'node2' });
    expect(joined.evaluate(world)).toBe(false);
    addNode(cluster, 'node2', { ready: false });
    expect(joined.evaluate(world)).toBe(true);
    expect(joined.describe('en')).toBe('node2 has joined the cluster');
  });

  it('nodes-ready counts Ready nodes (at least count)', () => {
    const { world, cluster } = clusterOnNode1();
    const two = check('nodes-ready', { count: 2 });
    addNode(cluster, 'node1', { ready: true });
    addNode(cluster, 'node2', { ready: false });
    expect(two.evaluate(world)).toBe(false);
    addNode(cluster, 'node2', { ready: true });
    expect(two.evaluate(world)).toBe(true);
    expect(two.describe('en')).toBe('2 nodes are Ready');
    expect(two.describe('es')).toBe('2 nodos están Ready');
  });

  it('nodes-ready can name one node', () => {
    const { world, cluster } = clusterOnNode1();
    addNode(cluster, 'node1', { ready: true });
    addNode(cluster, 'node2', { ready: false });
    expect(check('nodes-ready', { node: 'node1' }).evaluate(world)).toBe(true);
    expect(check('nodes-ready', { node: 'node2' }).evaluate(world)).toBe(false);
    expect(check('nodes-ready', { node: 'node2' }).describe('en')).toBe('node2 is Ready');
  });

  it('needs a cluster', () => {
    expect(check('nodes-ready', { count: 1 }).evaluate(freshWorld())).toBe(false);
  });
});

describe('pods-ready', () => {
  it('counts pods matching the selector in the namespace, Ready and not terminating', () => {
    const { world, cluster } = clusterOnNode1();
    const weave = check('pods-ready', { namespace: 'kube-system', selector: 'name=weave-net', count: 2 });
    addPod(cluster, 'kube-system', 'weave-net-a', { name: 'weave-net' }, 'Ready');
    addPod(cluster, 'kube-system', 'weave-net-b', { name: 'weave-net' }, 'Running');
    addPod(cluster, 'default', 'weave-net-c', { name: 'weave-net' }, 'Ready');
    addPod(cluster, 'kube-system', 'weave-net-d', { name: 'weave-net' }, 'Terminating');
    addPod(cluster, 'kube-system', 'other', { name: 'other' }, 'Ready');
    expect(weave.evaluate(world)).toBe(false);
    expect(check('pods-ready', { namespace: 'kube-system', selector: 'name=weave-net', count: 2, state: 'Running' }).evaluate(world)).toBe(true);
    addPod(cluster, 'kube-system', 'weave-net-e', { name: 'weave-net' }, 'Ready');
    expect(weave.evaluate(world)).toBe(true);
    expect(weave.describe('en')).toBe('2 pods name=weave-net in kube-system are Ready');
    expect(weave.describe('es')).toBe('2 pods name=weave-net en kube-system están Ready');
  });

  it('defaults to the default namespace and one pod', () => {
    const { world, cluster } = clusterOnNode1();
    const web = check('pods-ready', { selector: 'app=web' });
    expect(web.evaluate(world)).toBe(false);
    addPod(cluster, 'default', 'web-1', { app: 'web' }, 'Ready');
    expect(web.evaluate(world)).toBe(true);
    expect(web.describe('en')).toBe('1 pod app=web in default is Ready');
  });
});

describe('object-exists and file-exists', () => {
  it('object-exists finds an object by kubectl resource name', () => {
    const { world, cluster } = clusterOnNode1();
    const ns = check('object-exists', { resource: 'ns', name: 'kube-public' });
    expect(ns.evaluate(world)).toBe(true);
    const pod = check('object-exists', { resource: 'pod', namespace: 'kube-system', name: 'etcd-node1' });
    expect(pod.evaluate(world)).toBe(false);
    addPod(cluster, 'kube-system', 'etcd-node1', {}, 'Ready');
    expect(pod.evaluate(world)).toBe(true);
    expect(pod.describe('en')).toBe('pod etcd-node1 exists in kube-system');
    expect(ns.describe('en')).toBe('namespace kube-public exists');
  });

  it('file-exists looks at one host and follows symlinks', () => {
    const world = freshWorld();
    const exists = check('file-exists', { host: 'node2', path: '/root/notes.txt' });
    expect(exists.evaluate(world)).toBe(false);
    writeFile(world, 'node1', '/root/notes.txt', 'hi');
    expect(exists.evaluate(world)).toBe(false);
    writeFile(world, 'node2', '/root/notes.txt', 'hi');
    expect(exists.evaluate(world)).toBe(true);
    expect(exists.describe('es')).toBe('/root/notes.txt existe en node2');
  });
});

describe('argument validation', () => {
  it('names what is missing, unknown or malformed', () => {
    expect(errorsOf('nodes-ready', {})).toEqual(['nodes-ready needs "count" (at least how many nodes, e.g. count: 2)']);
    expect(errorsOf('nodes-ready', { count: 'two' })).toEqual(['"count" of nodes-ready must be a whole number of at least 1, got "two"']);
    expect(errorsOf('node-joined', { node: 'node3' })).toEqual(['unknown node "node3" in "node" of node-joined: this playground has node1 and node2']);
    expect(errorsOf('file-exists', { host: 'node1', path: 'relative', mode: 1 })).toEqual([
      'file-exists does not take "mode" (it takes: host, path)',
      '"path" of file-exists must be an absolute path (starting with /), got "relative"',
    ]);
    expect(errorsOf('pods-ready', { selector: 'a in b' })[0]).toMatch(/^"selector" of pods-ready is not a label selector/);
    expect(errorsOf('pods-ready', { selector: 'a=b', state: 'Happy' })).toEqual(['"state" of pods-ready must be one of Ready, Running, got "Happy"']);
    expect(errorsOf('object-exists', { resource: 'gizmo', name: 'x' })[0]).toMatch(/"gizmo" is not a resource type/);
    expect(errorsOf('no-such-check', {})).toEqual(['unknown check "no-such-check"']);
  });

  it('every predicate documents its arguments and describes itself in both languages', () => {
    for (const p of PREDICATES) {
      expect(p.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(p.summary.length).toBeGreaterThan(10);
      for (const a of p.args) expect(a.description.length).toBeGreaterThan(3);
    }
  });
});
