import { describe, expect, it } from 'vitest';
import { podDisplayStatus } from './podStatus';
import { pod, state } from './testing/builders';
import { weavePod } from './testing/fixtures';

describe('podDisplayStatus: STATUS and READY as kubectl get pods prints them', () => {
  it('reads Pending for a pod no node has taken', () => {
    const p = pod('coredns-5d78c9869d-4xjkl', { containers: [{ name: 'coredns' }] });
    expect(podDisplayStatus(p)).toMatchObject({ status: 'Pending', ready: '0/1', category: 'pending' });
  });

  it('follows a weave-net pod through Init:0/1, PodInitializing, 1/2 and 2/2', () => {
    const stages = (['Init:0/1', 'PodInitializing', '1/2', '2/2'] as const).map((s) => podDisplayStatus(weavePod('node1', s)));
    expect(stages.map((s) => [s.status, s.ready, s.category])).toEqual([
      ['Init:0/1', '0/2', 'starting'],
      ['PodInitializing', '0/2', 'starting'],
      ['Running', '1/2', 'running'],
      ['Running', '2/2', 'ready'],
    ]);
  });

  it('counts restarts the way the RESTARTS column does', () => {
    expect(podDisplayStatus(weavePod('node2', '2/2')).restarts).toBe(1);
  });

  it('shows ContainerCreating while the kubelet sets the pod up', () => {
    const p = pod('web', { nodeName: 'node2', containers: [{ name: 'nginx', state: state.waiting('ContainerCreating') }] });
    expect(podDisplayStatus(p)).toMatchObject({ status: 'ContainerCreating', category: 'starting' });
  });

  it('shows CrashLoopBackOff and failed init containers as failures', () => {
    const crash = pod('worker-1', { nodeName: 'node2', phase: 'Running', containers: [{ name: 'worker', state: state.waiting('CrashLoopBackOff'), restarts: 4 }] });
    expect(podDisplayStatus(crash)).toMatchObject({ status: 'CrashLoopBackOff', restarts: 4, category: 'failed' });
    const init = pod('w', { nodeName: 'node2', initContainers: [{ name: 'init', state: state.failed(1, 'Error') }], containers: [{ name: 'w', state: state.waiting('PodInitializing') }] });
    expect(podDisplayStatus(init)).toMatchObject({ status: 'Init:Error', category: 'failed' });
    const exit = pod('x', { nodeName: 'node2', phase: 'Failed', containers: [{ name: 'x', state: state.failed(137) }] });
    expect(podDisplayStatus(exit)).toMatchObject({ status: 'ExitCode:137', category: 'failed' });
  });

  it('lets the pod reason win over the phase (Evicted)', () => {
    const p = pod('x', { nodeName: 'node2', phase: 'Failed', reason: 'Evicted', containers: [{ name: 'x' }] });
    expect(podDisplayStatus(p)).toMatchObject({ status: 'Evicted', category: 'failed' });
  });

  it('shows Completed for a finished pod, and Terminating once deleted', () => {
    const done = pod('job', { nodeName: 'node2', phase: 'Succeeded', containers: [{ name: 'job', state: state.completed() }] });
    expect(podDisplayStatus(done)).toMatchObject({ status: 'Completed', ready: '0/1', category: 'completed' });
    const leaving = pod('web', { nodeName: 'node2', phase: 'Running', deleting: true, containers: [{ name: 'nginx', state: state.running(), ready: true }] });
    expect(podDisplayStatus(leaving)).toMatchObject({ status: 'Terminating', ready: '1/1', category: 'terminating' });
  });

  it('says Running (or NotReady) when one container completed while another still runs', () => {
    const containers = [{ name: 'a', state: state.completed() }, { name: 'b', state: state.running(), ready: true }];
    expect(podDisplayStatus(pod('p', { nodeName: 'node2', phase: 'Running', containers, readyCondition: true })).status).toBe('Running');
    expect(podDisplayStatus(pod('p', { nodeName: 'node2', phase: 'Running', containers, readyCondition: false }))).toMatchObject({ status: 'NotReady', category: 'running' });
  });
});
