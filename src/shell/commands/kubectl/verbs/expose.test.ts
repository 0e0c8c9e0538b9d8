import { describe, expect, it } from 'vitest';
import { mustResolve, type Service } from '../../../../engine';
import { Playground } from '../testing/playground';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

function transcript(p: Playground, lines: readonly string[]): string {
  return lines.map((l) => {
    const r = p.kubectl(l);
    return `$ kubectl ${l}\n${r.output}[exit ${r.exitCode}]\n`;
  }).join('');
}

/** Objects to expose: a deployment with two containers and three ports, one without ports, pods, a service. */
function cluster(): Playground {
  const p = new Playground().init();
  const template = (labels: Record<string, string>, containers: unknown[]) => ({ metadata: { labels }, spec: { containers } });
  p.create('deployments', {
    metadata: { name: 'multi', namespace: 'default' },
    spec: {
      replicas: 1, selector: { matchLabels: { app: 'm' } },
      template: template({ app: 'm' }, [
        { name: 'a', image: 'a', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 53, protocol: 'UDP' }] },
        { name: 'b', image: 'b', ports: [{ containerPort: 9000 }] },
      ]),
    },
  });
  p.kubectl('create deployment web --image=nginx --port=80');
  p.kubectl('create deployment noports --image=nginx');
  p.kubectl(['run', 'pingpong', '--image=alpine', '--', 'ping', '1.1.1.1']);
  p.create('pods', { metadata: { name: 'nolabels', namespace: 'default' }, spec: { containers: [{ name: 'a', image: 'alpine' }] } });
  p.kubectl('create service clusterip redis --tcp=6379');
  return p;
}

describe('kubectl expose', () => {
  it('learns selector, ports and labels from the object, as expose.go does', async () => {
    const p = cluster();
    await golden('expose-dry-run', transcript(p, [
      'expose deploy web --dry-run=client -o yaml',
      'expose deploy multi --dry-run=client -o yaml',
      'expose deploy multi --port=8080 --dry-run=client -o yaml',
      'expose deployment web --port=80 --target-port=8080 --type=NodePort --name=web2 --dry-run=client -o yaml',
      'expose pod pingpong --port 80 --protocol=UDP --dry-run=client -o yaml',
      'expose svc redis --name=r2 --selector=app=other --labels=copy=yes --dry-run=client -o yaml',
      'expose deploy/web svc/redis --port=80 --dry-run=client',
    ]));
  });

  it('creates the service (`service/redis exposed`)', () => {
    const p = cluster();
    expect(p.kubectl('expose deployment web')).toMatchObject({ stdout: 'service/web exposed\n', exitCode: 0 });
    expect(p.store.get<Service>(mustResolve('services'), 'default', 'web')!.spec).toMatchObject({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] });
    expect(p.kubectl('expose deploy web --type=NodePort --name=webui').stdout).toBe('service/webui exposed\n');
    expect(p.store.get<Service>(mustResolve('services'), 'default', 'webui')!.spec!.type).toBe('NodePort');
  });

  it('errors as kubectl prints them', async () => {
    const p = cluster();
    p.kubectl('expose deploy web');
    await golden('expose-errors', transcript(p, [
      'expose deploy web', 'expose deploy nope --port=80', 'expose deploy noports', 'expose pod nolabels --port=80', 'expose pod pingpong',
      'expose node node1 --port=80', 'expose deploy multi --type=Bogus --name=bogus', 'expose deploy', 'expose', 'expose deploy multi --port=abc --name=x',
      'expose bogus x',
    ]));
  });
});
