import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { Random } from '../random';
import { ApiStore } from '../api/store';
import { mustResolve } from '../api/resources';
import type { ConfigMap, WatchEvent } from '../api/types';
import { ControllerManager, type Controller, type ReconcileResult } from './manager';

const CM = mustResolve('configmaps');

function setup() {
  const clock = new VirtualClock();
  const store = new ApiStore(() => clock.now(), 0, Random.fromSeed('m'));
  store.create(mustResolve('namespaces'), { metadata: { name: 'default' } }, 'test');
  const manager = new ControllerManager(store, clock);
  clock.afterTimer = () => manager.drain();
  return { clock, store, manager };
}

class Recorder implements Controller {
  readonly seen: string[] = [];
  running = true;
  constructor(readonly name: string, private readonly onReconcile: (key: string) => ReconcileResult | void = () => undefined) {}
  keysFor(event: WatchEvent): readonly string[] {
    return event.resource === 'configmaps' ? [event.object.metadata.name] : [];
  }
  resync(): readonly string[] {
    return ['resync'];
  }
  reconcile(key: string): ReconcileResult | void {
    this.seen.push(key);
    return this.onReconcile(key);
  }
  enabled(): boolean {
    return this.running;
  }
}

describe('ControllerManager', () => {
  it('handles a burst of changes to one key once per turn', () => {
    const { store, manager } = setup();
    const c = new Recorder('c');
    manager.add(c);
    manager.drain();
    for (let i = 0; i < 50; i++) {
      if (i === 0) store.create(CM, { metadata: { name: 'a' }, data: { n: '0' } }, 'test');
      else store.mutate<ConfigMap>(CM, 'default', 'a', 'test', (d) => { d.data = { n: String(i) }; });
    }
    manager.drain();
    expect(c.seen).toEqual(['resync', 'a']);
  });

  it('resyncs a controller when it is switched on, and leaves it alone while off', () => {
    const { store, manager } = setup();
    const c = new Recorder('c');
    c.running = false;
    manager.add(c);
    store.create(CM, { metadata: { name: 'a' } }, 'test');
    manager.drain();
    expect(c.seen).toEqual([]);
    c.running = true;
    manager.drain();
    expect(c.seen).toEqual(['a', 'resync']);
  });

  it('requeues on the virtual clock; the latest request for a key wins; one timer per instant', () => {
    const { clock, store, manager } = setup();
    let delay = 5000;
    const c = new Recorder('c', (key) => (key === 'resync' ? undefined : { requeueAfter: delay }));
    manager.add(c);
    store.create(CM, { metadata: { name: 'a' } }, 'test');
    store.create(CM, { metadata: { name: 'b' } }, 'test');
    manager.drain();
    expect(c.seen).toEqual(['a', 'b', 'resync']);
    const timersAfterTwoRequeues = clock.pending();
    expect(timersAfterTwoRequeues).toBe(1);
    delay = 1000;
    clock.advance(5000);
    expect(c.seen).toEqual(['a', 'b', 'resync', 'a', 'b']);
    clock.advance(999);
    expect(c.seen).toHaveLength(5);
    clock.advance(1);
    expect(c.seen).toEqual(['a', 'b', 'resync', 'a', 'b', 'a', 'b']);
  });
});
