import { describe, expect, it } from 'vitest';
import { ApiStore } from './store';
import { EventRecorder } from './events';
import { mustResolve } from './resources';
import { Random } from '../random';

describe('EventRecorder', () => {
  const setup = () => {
    let now = 0;
    const store = new ApiStore(() => now, Date.UTC(2023, 5, 1), Random.fromSeed('events'));
    store.create(mustResolve('namespaces'), { metadata: { name: 'default' } }, 'test');
    const pod = store.create(mustResolve('pods'), { metadata: { name: 'web' }, spec: { containers: [] } }, 'test');
    if (!pod.ok) throw new Error('setup');
    return { store, recorder: new EventRecorder(store), pod: pod.value, tick: (ms: number) => { now += ms; } };
  };

  it('keeps every event recorded in the same millisecond, in order', () => {
    const { recorder, pod } = setup();
    recorder.record(pod, 'Normal', 'Pulled', 'Container image "nginx" already present on machine', { component: 'kubelet', host: 'node2' });
    recorder.record(pod, 'Normal', 'Created', 'Created container nginx', { component: 'kubelet', host: 'node2' });
    recorder.record(pod, 'Normal', 'Started', 'Started container nginx', { component: 'kubelet', host: 'node2' });
    expect(recorder.eventsFor(pod).map((e) => e.reason)).toEqual(['Pulled', 'Created', 'Started']);
  });

  it('aggregates repeats into a count, as client-go does', () => {
    const { recorder, pod, tick } = setup();
    recorder.record(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', { component: 'kubelet' });
    tick(10_000);
    recorder.record(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', { component: 'kubelet' });
    const events = recorder.eventsFor(pod);
    expect(events).toHaveLength(1);
    expect(events[0]!.count).toBe(2);
    expect(events[0]!.lastTimestamp).toBe('2023-06-01T00:00:10Z');
  });
});
