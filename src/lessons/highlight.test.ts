import { describe, expect, it } from 'vitest';
import { snapshotOf, type WorldSnapshot } from '../engine';
import { compileLesson } from './compile/compileLesson';
import { diagramIds, highlightProblem, parseHighlightBlock, resolveHighlights, unmatchedHighlights } from './highlight';
import { formatCompileError } from './model';
import { compareTranslations } from './parity';
import { addPod, clusterOnNode1 } from './testing/engineStates';

const NODES = ['node1', 'node2'];
const SOURCE = 'lessons/en/07-demo.md';

function compile(body: string, source = SOURCE) {
  return compileLesson(`---\nid: demo\ntitle: Demo\nsummary: x\n---\n${body}`, { lang: source.includes('/es/') ? 'es' : 'en', source });
}

describe('```highlight blocks', () => {
  it('compile into the step, hidden from the text, union of every block in the step', () => {
    const r = compile('## The API server {#api}\n\nIt is the entry point.\n\n```highlight\npod/kube-system/kube-apiserver-node1\n- controlplane/node1\n```\n\nMore.\n\n```highlight\nnode/node1\npod/kube-system/kube-apiserver-node1\n```\n\n## Next {#next}\n\nNothing.\n');
    if (!r.ok) throw new Error(r.errors.map(formatCompileError).join('\n'));
    const [api, next] = r.lesson.steps;
    expect(api!.highlight).toEqual(['pod/kube-system/kube-apiserver-node1', 'controlplane/node1', 'node/node1']);
    expect(api!.html).toBe('<p>It is the entry point.</p>\n<p>More.</p>');
    expect(next!.highlight).toBeUndefined();
  });

  it('reports bad ids with their line, and blocks outside a step', () => {
    const r = compile('Intro.\n\n```highlight\nnode/node1\n```\n\n## Step {#s}\n\n```highlight\npods/default/web\nnode/node3\npod/default\n```\n');
    expect(r.ok ? [] : r.errors.map(formatCompileError)).toEqual([
      `${SOURCE}:8: highlights belong to a step: move this \`\`\`highlight block under a "## Step" heading`,
      `${SOURCE}:15: "pods/default/web" is not a diagram id: write node/<node>, pod/<namespace>/<name>, svc/<namespace>/<name>, container/<host>/<name>, controlplane/<host>, kubelet/<host>, runtime/<host>, workload/<host>/<namespace>/<kind>/<name>`,
      `${SOURCE}:16: unknown node "node3" in highlight "node/node3": this playground has node1 and node2`,
      `${SOURCE}:17: "pod/default" should look like pod/<namespace>/<name> (names may use * for the generated part, e.g. pod/kube-system/kube-proxy-*)`,
    ]);
  });

  it('must list something, and takes nothing after its name', () => {
    expect(parseHighlightBlock('\n', 10, NODES).errors).toEqual([{ line: 9, message: 'this highlight block is empty: list diagram ids, one per line, e.g. pod/kube-system/etcd-node1' }]);
    const r = compile('## Step {#s}\n\n```highlight node1\nnode/node1\n```\n');
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(['write a highlight block as ```highlight with nothing after "highlight"']);
  });

  it('accepts wildcards inside a segment, never across one', () => {
    expect(highlightProblem('pod/kube-system/kube-proxy-*', NODES)).toBeUndefined();
    expect(highlightProblem('node/*', NODES)).toBeUndefined();
    expect(highlightProblem('container/node1/dockercoins_worker_1', NODES)).toBeUndefined();
    expect(highlightProblem('pod/*', NODES)).toMatch(/should look like pod\/<namespace>\/<name>/);
  });

  it('are part of translation parity', () => {
    const en = compile('## S {#s}\n\n```highlight\nnode/node1\n```\n');
    const es = compile('## S {#s}\n\n```highlight\nnode/node2\n```\n', 'lessons/es/07-demo.md');
    if (!en.ok || !es.ok) throw new Error('compile');
    expect(compareTranslations(en.lesson, es.lesson)).toEqual(['lessons/es/07-demo.md:6: the highlights of step "s" differ from lessons/en/07-demo.md:6']);
  });
});

describe('resolveHighlights', () => {
  it('expands patterns to the ids the diagram draws for the newest cluster', () => {
    const { world, cluster } = clusterOnNode1();
    addPod(cluster, 'kube-system', 'kube-proxy-7gjbv', {}, 'Ready');
    addPod(cluster, 'kube-system', 'kube-proxy-hfbrr', {}, 'Ready');
    addPod(cluster, 'kube-system', 'etcd-node1', {}, 'Ready');
    addPod(cluster, 'default', 'kube-proxy-lookalike', {}, 'Ready');
    const snapshot = snapshotOf(world);
    expect(resolveHighlights(['pod/kube-system/kube-proxy-*', 'node/node2', 'controlplane/node1'], snapshot)).toEqual([
      'node/node2', 'controlplane/node1', 'pod/kube-system/kube-proxy-7gjbv', 'pod/kube-system/kube-proxy-hfbrr',
    ]);
    expect(resolveHighlights(undefined, snapshot)).toEqual([]);
    expect(resolveHighlights(['pod/kube-system/etcd-node1'], snapshot)).toEqual(['pod/kube-system/etcd-node1']);
  });

  it("knows the kubelet and runtime chips of hosts whose kubelet runs, and workloads' boxes", () => {
    const owner = (kind: string, name: string, uid: string) => [{ apiVersion: 'apps/v1', kind, name, uid, controller: true }];
    const snapshot = {
      hosts: [
        { name: 'node1', ip: '192.168.0.8', kubeletRunning: true, apiServer: undefined, containers: [] },
        { name: 'node2', ip: '192.168.0.7', kubeletRunning: false, apiServer: undefined, containers: [] },
      ],
      clusters: [{
        controlPlaneHost: 'node1',
        pods: [
          { metadata: { name: 'web-5d78c9869d-4xjkl', namespace: 'default', ownerReferences: owner('ReplicaSet', 'web-5d78c9869d', 'rs-1') }, spec: { nodeName: 'node2' } },
          { metadata: { name: 'kube-proxy-7gjbv', namespace: 'kube-system', ownerReferences: owner('DaemonSet', 'kube-proxy', 'ds-1') }, spec: { nodeName: 'node1' } },
        ],
        replicasets: [{ metadata: { name: 'web-5d78c9869d', namespace: 'default', uid: 'rs-1', ownerReferences: owner('Deployment', 'web', 'd-1') } }],
        services: [],
      }],
    } as unknown as WorldSnapshot;
    expect(diagramIds(snapshot)).toEqual([
      'node/node1', 'kubelet/node1', 'runtime/node1', 'node/node2', 'controlplane/node1',
      'pod/default/web-5d78c9869d-4xjkl', 'pod/kube-system/kube-proxy-7gjbv',
      'workload/node2/default/deployment/web', 'workload/node1/kube-system/daemonset/kube-proxy',
    ]);
    expect(unmatchedHighlights(['kubelet/*', 'runtime/node2', 'workload/*/default/deployment/web'], snapshot)).toEqual(['runtime/node2']);
  });

  it('names the patterns that match nothing, for replay to report', () => {
    const { world } = clusterOnNode1();
    expect(unmatchedHighlights(['node/node1', 'pod/kube-system/etcd-nod1', 'svc/default/kubernetes*'], snapshotOf(world))).toEqual([
      'pod/kube-system/etcd-nod1', 'svc/default/kubernetes*',
    ]);
  });
});
