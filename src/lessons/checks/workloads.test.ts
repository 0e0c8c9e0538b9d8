import { describe, expect, it } from 'vitest';
import { mustResolve } from '../../engine';
import type { CheckSpec } from '../model';
import { addPod, addReplicaSetOf, clusterOnNode1, freshWorld, putDeployment, putEndpoints, writeFile } from '../testing/engineStates';
import { prepareCheck, type PreparedCheck } from './prepare';

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

describe('deployment-ready', () => {
  it('holds once the Deployment reports that many ready replicas', () => {
    const { world, cluster } = clusterOnNode1();
    const six = check('deployment-ready', { name: 'web', replicas: 6 });
    expect(six.evaluate(world)).toBe(false);
    putDeployment(cluster, 'web', { replicas: 6, image: 'nginx', ready: 5 });
    expect(six.evaluate(world)).toBe(false);
    putDeployment(cluster, 'web', { replicas: 6, image: 'nginx', ready: 6 });
    expect(six.evaluate(world)).toBe(true);
    expect(check('deployment-ready', { name: 'web', replicas: 6, namespace: 'other' }).evaluate(world)).toBe(false);
  });

  it('describes itself in both languages', () => {
    expect(check('deployment-ready', { name: 'web', replicas: 6 }).describe('en')).toBe('deployment web has 6 ready replicas');
    expect(check('deployment-ready', { name: 'web', replicas: 1 }).describe('es')).toBe('el deployment web tiene 1 réplica lista');
    expect(check('deployment-ready', { name: 'hello', replicas: 2, namespace: 'sandbox' }).describe('en')).toBe('deployment hello in sandbox has 2 ready replicas');
  });
});

describe('rollout-complete', () => {
  const done = check('rollout-complete', { name: 'web', image: 'nginx:1.25' });

  it('needs the image in the template and every replica updated, available, none of the old left', () => {
    const { world, cluster } = clusterOnNode1();
    putDeployment(cluster, 'web', { replicas: 4, image: 'nginx:1.24', ready: 4 });
    expect(done.evaluate(world), 'still the old image').toBe(false);
    putDeployment(cluster, 'web', { replicas: 4, image: 'nginx:1.25', ready: 4, unobserved: true });
    expect(done.evaluate(world), 'the controller has not seen the new spec').toBe(false);
    putDeployment(cluster, 'web', { replicas: 4, image: 'nginx:1.25', updated: 2, total: 5, ready: 4 });
    expect(done.evaluate(world), 'halfway: old pods left').toBe(false);
    putDeployment(cluster, 'web', { replicas: 4, image: 'nginx:1.25', updated: 4, total: 5, ready: 4 });
    expect(done.evaluate(world), 'an old pod is still terminating').toBe(false);
    putDeployment(cluster, 'web', { replicas: 4, image: 'nginx:1.25', updated: 4, ready: 3, available: 3 });
    expect(done.evaluate(world), 'one new pod not available yet').toBe(false);
    putDeployment(cluster, 'web', { replicas: 4, image: 'nginx:1.25', updated: 4, ready: 4 });
    expect(done.evaluate(world)).toBe(true);
  });

  it('describes itself in both languages', () => {
    expect(done.describe('en')).toBe('deployment web has rolled out nginx:1.25');
    expect(done.describe('es')).toBe('el deployment web terminó de pasar a nginx:1.25');
  });
});

describe('pods-created', () => {
  it("counts the pods the Deployment's ReplicaSets created, old and new, and nobody else's", () => {
    const { world, cluster } = clusterOnNode1();
    const seven = check('pods-created', { deployment: 'web', count: 7 });
    expect(seven.evaluate(world)).toBe(false);
    const web = putDeployment(cluster, 'web', { replicas: 6, image: 'nginx', ready: 6 });
    addReplicaSetOf(cluster, web, 'web-5d78c9869d', 6);
    const other = putDeployment(cluster, 'web2', { replicas: 3, image: 'nginx', ready: 3 });
    addReplicaSetOf(cluster, other, 'web2-7c8bbcd9bc', 3);
    expect(seven.evaluate(world)).toBe(false);
    addReplicaSetOf(cluster, web, 'web-54f57d4d49', 1);
    expect(seven.evaluate(world)).toBe(true);
    expect(seven.describe('en')).toBe('the ReplicaSet of web has created 7 pods in all');
    expect(seven.describe('es')).toBe('el ReplicaSet de web ha creado 7 pods en total');
  });
});

describe('service-endpoints', () => {
  it('counts the distinct ready addresses, not the ones still starting', () => {
    const { world, cluster } = clusterOnNode1();
    const three = check('service-endpoints', { name: 'blue', count: 3 });
    expect(three.evaluate(world)).toBe(false);
    putEndpoints(cluster, 'blue', ['10.44.0.1', '10.44.0.2'], ['10.44.0.3']);
    expect(three.evaluate(world)).toBe(false);
    putEndpoints(cluster, 'blue', ['10.44.0.1', '10.44.0.2', '10.44.0.3']);
    expect(three.evaluate(world)).toBe(true);
    expect(three.describe('en')).toBe('service blue has 3 ready endpoints');
    expect(check('service-endpoints', { name: 'blue' }).describe('es')).toBe('el service blue tiene 1 endpoint listo');
  });
});

describe('pods-ready on a node, and pods-spread', () => {
  it('pods-ready with node counts only the pods on that node', () => {
    const { world, cluster } = clusterOnNode1();
    const onNode1 = check('pods-ready', { selector: 'app=pinger', node: 'node1' });
    addPod(cluster, 'default', 'pinger-a', { app: 'pinger' }, 'Ready', 'node2');
    expect(onNode1.evaluate(world)).toBe(false);
    addPod(cluster, 'default', 'pinger-b', { app: 'pinger' }, 'Ready', 'node1');
    expect(onNode1.evaluate(world)).toBe(true);
    expect(onNode1.describe('en')).toBe('1 pod app=pinger in default is Ready on node1');
    expect(errorsOf('pods-ready', { selector: 'a=b', node: 'node7' })).toEqual(['unknown node "node7" in "node" of pods-ready: this playground has node1 and node2']);
  });

  it('pods-spread needs Ready pods on that many different nodes', () => {
    const { world, cluster } = clusterOnNode1();
    const spread = check('pods-spread', { selector: 'app=web' });
    addPod(cluster, 'default', 'web-a', { app: 'web' }, 'Ready', 'node2');
    addPod(cluster, 'default', 'web-b', { app: 'web' }, 'Ready', 'node2');
    addPod(cluster, 'default', 'web-c', { app: 'web' }, 'Running', 'node1');
    expect(spread.evaluate(world)).toBe(false);
    addPod(cluster, 'default', 'web-d', { app: 'web' }, 'Ready', 'node1');
    expect(spread.evaluate(world)).toBe(true);
    expect(spread.describe('en')).toBe('pods app=web in default are Ready on 2 nodes');
  });
});

describe('object-absent', () => {
  it('holds once the object is gone, not while it is Terminating, and only with a cluster', () => {
    const gone = check('object-absent', { resource: 'ns', name: 'sandbox' });
    expect(gone.evaluate(freshWorld()), 'no cluster: nothing was ever deleted').toBe(false);
    const { world, cluster } = clusterOnNode1();
    const NAMESPACES = mustResolve('namespaces');
    cluster.store.create(NAMESPACES, { metadata: { name: 'sandbox' } }, 'test');
    expect(gone.evaluate(world)).toBe(false);
    cluster.store.mutate(NAMESPACES, undefined, 'sandbox', 'test', (ns) => {
      ns.metadata.deletionTimestamp = '2024-01-01T00:00:00Z';
    });
    expect(gone.evaluate(world), 'Terminating').toBe(false);
    expect(gone.describe('en')).toBe('namespace sandbox is gone');
    const CONFIGMAPS = mustResolve('configmaps');
    const settings = check('object-absent', { resource: 'cm', name: 'settings' });
    cluster.store.create(CONFIGMAPS, { metadata: { name: 'settings', namespace: 'default' } }, 'test');
    expect(settings.evaluate(world)).toBe(false);
    cluster.store.delete(CONFIGMAPS, 'default', 'settings', 'test');
    expect(settings.evaluate(world)).toBe(true);
    expect(check('object-absent', { resource: 'pod', name: 'pinger' }).describe('es')).toBe('pod pinger ya no existe');
    expect(check('object-absent', { resource: 'deploy', name: 'web', namespace: 'sandbox' }).describe('en')).toBe('deployment web in sandbox is gone');
    expect(errorsOf('object-absent', { resource: 'gizmo', name: 'x' })[0]).toMatch(/"gizmo" is not a resource type/);
  });
});

describe('file-contains', () => {
  it('reads the file on that host for a plain substring', () => {
    const world = freshWorld();
    const three = check('file-contains', { host: 'node1', path: '/root/web2.yaml', text: 'replicas: 3' });
    expect(three.evaluate(world), 'no file').toBe(false);
    writeFile(world, 'node1', '/root/web2.yaml', 'spec:\n  replicas: 1\n');
    expect(three.evaluate(world)).toBe(false);
    writeFile(world, 'node2', '/root/web2.yaml', 'spec:\n  replicas: 3\n');
    expect(three.evaluate(world), 'the other node').toBe(false);
    writeFile(world, 'node1', '/root/web2.yaml', 'spec:\n  replicas: 3\n');
    expect(three.evaluate(world)).toBe(true);
    expect(three.describe('en')).toBe('/root/web2.yaml on node1 contains "replicas: 3"');
    expect(three.describe('es')).toBe('/root/web2.yaml en node1 contiene «replicas: 3»');
    expect(errorsOf('file-contains', { host: 'node1', path: '/root/a' })).toEqual(['file-contains needs "text" (the text it must contain, e.g. text: "replicas: 3")']);
  });
});
