import { describe, expect, it } from 'vitest';
import { mustResolve, type Deployment } from '../../../../engine';
import { LiveCluster } from '../testing/live';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

describe('kubectl describe (workloads driven by the controllers)', () => {
  it('deployment during and after a rolling update: old and new replica sets, conditions, scaling events', async () => {
    const c = new LiveCluster();
    c.kubectl('create deployment web --image=nginx --replicas=3');
    c.advance(30_000);
    c.cluster.store.mutate<Deployment>(mustResolve('deployments'), 'default', 'web', 'user:kubectl', (d) => {
      d.spec!.template.spec!.containers[0]!.image = 'nginx:1.25';
    });
    c.advance(1_500);
    await golden('describe-deployment-rolling', c.kubectl('describe deployment web').stdout);
    c.advance(60_000);
    const after = c.kubectl('describe deploy/web');
    await golden('describe-deployment-rolled', after.stdout);
    expect(after.stdout).toMatch(/Normal {2}ScalingReplicaSet {2}\S+ +deployment-controller {2}Scaled up replica set web-\w+ to 3\n/);
    const rs = c.kubectl(['get', 'rs', '-o', 'jsonpath={.items[0].metadata.name}']).stdout;
    expect(c.kubectl(`describe rs ${rs}`).stdout).toMatch(/^Name: {11}web-\w+\nNamespace: {6}default\nSelector: {7}app=web,pod-template-hash=\w+\n/);
  });

  it('service: NodePort, its Endpoints line from the endpoints controller, session affinity', async () => {
    const c = new LiveCluster();
    c.kubectl('create deployment web --image=nginx --replicas=3');
    c.kubectl('expose deployment web --port=80 --type=NodePort');
    c.advance(40_000);
    await golden('describe-service-web-nodeport', c.kubectl('describe svc web').stdout);
    expect(c.kubectl('describe svc web').stdout).toMatch(/\nEndpoints: +10\.\d+\.\d+\.\d+:80,10\.\d+\.\d+\.\d+:80,10\.\d+\.\d+\.\d+:80\n/);
  });

  it('repeated events show their count and span: a crash-looping pod\'s BackOff', () => {
    const c = new LiveCluster();
    c.kubectl(['run', 'crash', '--image=busybox', '--', 'sh', '-c', 'exit 1']);
    c.advance(120_000);
    const out = c.kubectl('describe pod crash').stdout;
    expect(out).toMatch(/\n {2}Warning {2}BackOff +\d+s \(x\d+ over \d+(?:m\d*)?s?\) +kubelet +Back-off restarting failed container crash in pod crash_default\(/);
    expect(c.kubectl('get pod crash --no-headers').stdout).toMatch(/^crash +0\/1 +(CrashLoopBackOff|Error) +\d+ \(\d+s ago\)/);
  });

  it('--show-events=false leaves the Events section out', () => {
    const c = new LiveCluster();
    expect(c.kubectl('describe node node2 --show-events=false').stdout).not.toContain('Events:');
    expect(c.kubectl('describe node node2').stdout).toContain('Events:');
  });
});

describe('kubectl describe namespace, configmap, secret, endpoints, job', () => {
  const c = new LiveCluster();

  it('namespace: status, no quota, no limit range', () => {
    expect(c.kubectl('describe ns default').stdout).toBe([
      'Name:         default',
      `Labels:       ${c.kubectl(['get', 'ns', 'default', '-o', 'jsonpath={.metadata.labels}']).stdout === '' ? '<none>' : 'kubernetes.io/metadata.name=default'}`,
      'Annotations:  <none>',
      'Status:       Active',
      '',
      'No resource quota.',
      '',
      'No LimitRange resource.',
      '',
    ].join('\n'));
  });

  it('config map: its data, keys sorted; secret: sizes only', async () => {
    c.cluster.store.create(mustResolve('configmaps'), { metadata: { name: 'settings', namespace: 'default' }, data: { zcolor: 'blue', 'app.conf': 'a=1\nb=2' } }, 'test');
    c.cluster.store.create(mustResolve('secrets'), { metadata: { name: 'db', namespace: 'default' }, type: 'Opaque', data: { password: 'c2VjcmV0', user: 'YWRtaW4=' } }, 'test');
    await golden('describe-configmap', c.kubectl('describe cm settings').stdout);
    await golden('describe-secret', c.kubectl('describe secret db').stdout);
  });

  it('endpoints: each subset with its ports', async () => {
    c.cluster.store.create(mustResolve('endpoints'), {
      metadata: { name: 'web', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '10.44.0.3' }, { ip: '10.44.0.4' }], notReadyAddresses: [{ ip: '10.32.0.7' }], ports: [{ port: 80, protocol: 'TCP' }] }],
    }, 'test');
    await golden('describe-endpoints', c.kubectl('describe endpoints web').stdout);
  });

  it('job: the generated selector and labels, statuses, its pod template, the job controller\'s events', async () => {
    c.kubectl(['create', 'job', 'pi', '--image=busybox', '--', 'sh', '-c', 'echo 3.14159']);
    c.advance(30_000);
    await golden('describe-job', c.kubectl('describe job pi').stdout);
    expect(c.kubectl('logs job/pi').stdout).toBe('3.14159\n');
  });
});
