import { describe, expect, it } from 'vitest';
import { mustResolve } from '../engine';
import { compileLesson } from './compile/compileLesson';
import { formatCompileError, type CompiledLesson } from './model';
import { ProgressTracker, evaluateStepChecks } from './progress';
import { addNode, clusterOnNode1, freshWorld } from './testing/engineStates';

function compiled(body: string): CompiledLesson {
  const r = compileLesson(`---\nid: p\ntitle: P\nsummary: Progress\n---\n${body}`, { lang: 'en', source: 'fixtures/01-p.md' });
  if (!r.ok) throw new Error(r.errors.map(formatCompileError).join('\n'));
  return r.lesson;
}

const LESSON = compiled(`
## Init {#init}
\`\`\`check
- control-plane-up: { host: node1 }
\`\`\`

## Read {#read}
Just text.

## Ready {#ready}
\`\`\`check
- node-joined: { node: node2 }
- nodes-ready: { count: 2 }
\`\`\`
`);

describe('ProgressTracker', () => {
  it('marks a step done when all its checks hold, and shows each check', () => {
    const { world, cluster } = clusterOnNode1();
    const tracker = new ProgressTracker(LESSON);
    addNode(cluster, 'node1', { ready: true });
    addNode(cluster, 'node2', { ready: false });
    const p = tracker.update(world);
    expect(p.steps.map((s) => [s.id, s.done, s.manual])).toEqual([['init', true, false], ['read', false, true], ['ready', false, false]]);
    expect(p.steps[2]!.checks).toEqual([
      { predicate: 'node-joined', description: 'node2 has joined the cluster', holds: true },
      { predicate: 'nodes-ready', description: '2 nodes are Ready', holds: false },
    ]);
    expect(p).toMatchObject({ lessonId: 'p', doneCount: 1, complete: false, current: 1 });
  });

  it('keeps a step done after its state goes away (monotonic)', () => {
    const { world, stopApiServer } = clusterOnNode1();
    const tracker = new ProgressTracker(LESSON);
    expect(tracker.update(world).steps[0]!.done).toBe(true);
    stopApiServer();
    const after = tracker.update(world);
    expect(after.steps[0]).toMatchObject({ done: true, checks: [{ holds: true }] });
    expect([...tracker.done]).toEqual(['init']);
  });

  it('starts from persisted step ids, ignoring unknown ones, and marks reading steps on request', () => {
    const tracker = new ProgressTracker(LESSON, { done: ['read', 'gone-step'] });
    expect([...tracker.done]).toEqual(['read']);
    const world = freshWorld();
    expect(tracker.update(world).steps.map((s) => s.done)).toEqual([false, true, false]);
    tracker.markDone('ready');
    tracker.markDone('no-such-step');
    expect(tracker.update(world)).toMatchObject({ doneCount: 2, current: 0 });
  });

  it('returns the same object while nothing changed, a new one when something did', () => {
    const world = freshWorld();
    const tracker = new ProgressTracker(LESSON);
    const a = tracker.update(world);
    expect(tracker.update(world)).toBe(a);
    world.advance(1000);
    expect(tracker.update(world)).toBe(a);
  });

  it('describes checks in the language asked for', () => {
    const tracker = new ProgressTracker(LESSON, { lang: 'es' });
    expect(tracker.update(freshWorld()).steps[2]!.checks.map((c) => c.description)).toEqual(['node2 se ha unido al clúster', '2 nodos están Ready']);
  });

  it('reaches complete once every step is done', () => {
    const { world, cluster } = clusterOnNode1();
    const tracker = new ProgressTracker(LESSON, { done: ['read'] });
    addNode(cluster, 'node1', { ready: true });
    addNode(cluster, 'node2', { ready: true });
    expect(tracker.update(world)).toMatchObject({ complete: true, doneCount: 3, current: 3 });
  });
});

describe('evaluateStepChecks', () => {
  it('evaluates one step now, without remembering', () => {
    expect(evaluateStepChecks(LESSON, 'init', freshWorld())).toEqual([{ predicate: 'control-plane-up', description: 'the control plane is up on node1', holds: false }]);
    expect(evaluateStepChecks(LESSON, 'nope', freshWorld())).toEqual([]);
  });
});

describe('ordered checks', () => {
  const CLEANUP = compiled(`
## Make a ConfigMap {#make}
\`\`\`check
- object-exists: { resource: configmap, name: settings }
\`\`\`

## Read about it {#read}
Text.

## Delete it {#delete}
\`\`\`check
- object-absent: { resource: configmap, name: settings }
\`\`\`
`);

  it('count an absence only once the checked steps before it are done, reading steps aside', () => {
    const { world, cluster } = clusterOnNode1();
    const tracker = new ProgressTracker(CLEANUP);
    expect(tracker.update(world).steps.map((s) => s.done), 'nothing made yet: the absence means nothing').toEqual([false, false, false]);
    const CONFIGMAPS = mustResolve('configmaps');
    cluster.store.create(CONFIGMAPS, { metadata: { name: 'settings', namespace: 'default' } }, 'test');
    expect(tracker.update(world).steps.map((s) => s.done)).toEqual([true, false, false]);
    cluster.store.delete(CONFIGMAPS, 'default', 'settings', 'test');
    expect(tracker.update(world).steps.map((s) => s.done), 'the ConfigMap went after it was made').toEqual([true, false, true]);
  });
});
