import { beforeAll, describe, expect, it } from 'vitest';
import { preloadCommands } from '../../../session/preload';
import { STATUS_TEXT, mustResolve, textBytes, type HttpExchange, type Pod } from '../../../../engine';
import { shellOn } from '../../../testing/harness';
import { LiveCluster } from '../testing/live';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

beforeAll(async () => {
  await preloadCommands();
});

/** A web deployment with a service (80 → 5678); each pod answers HTTP on port 5678 with its name and the path. */
function webCluster(replicas = 1) {
  const c = new LiveCluster();
  c.kubectl(`create deployment web --image=nginx --replicas=${replicas}`);
  c.kubectl('create service clusterip web --tcp=80:5678');
  c.advance(30_000);
  const pods = c.kubectl(['get', 'pods', '-l', 'app=web', '-o', 'json']).stdout;
  for (const pod of (JSON.parse(pods) as { items: Pod[] }).items) {
    const name = pod.metadata!.name!;
    c.world.network.listen({
      host: pod.spec!.nodeName!, address: pod.status!.podIP!, port: 5678, protocol: 'TCP', process: 'http-echo',
      service: {
        kind: 'http', owner: name,
        handle: (ex: HttpExchange) => ex.respond({ version: '1.1', status: 200, reason: STATUS_TEXT[200]!, headers: [['Content-Type', 'text/plain']], body: textBytes(`hello from ${name} ${ex.request.path}\n`) }),
      },
    });
  }
  return c;
}

describe('kubectl port-forward', () => {
  it('forwards a local port to the pod; curl on the node reaches it; one line per connection; Ctrl+C ends it cleanly', async () => {
    const c = webCluster();
    const node1 = shellOn(c.world, 'node1');
    const other = shellOn(c.world, 'node1');
    await node1.run('true');
    const job = node1.start('kubectl port-forward deploy/web 8080:5678');
    node1.advance(500);
    const r1 = await other.run('curl -s localhost:8080/a');
    const r2 = await other.run('curl -s http://127.0.0.1:8080/b');
    expect(r1.stdout).toMatch(/^hello from web-\w+-\w{5} \/a\n$/);
    expect(r2.stdout).toMatch(/ \/b\n$/);
    node1.advance(500);
    node1.interrupt();
    const done = await job.done();
    expect(done.exitCode).toBe(0);
    expect(done.output).toBe('Forwarding from 127.0.0.1:8080 -> 5678\nForwarding from [::1]:8080 -> 5678\nHandling connection for 8080\nHandling connection for 8080\n');
    expect((await other.run('curl -s localhost:8080')).exitCode).toBe(7);
  });

  it('reaches nginx running in the pod', async () => {
    const c = new LiveCluster();
    c.kubectl('create deployment nginx --image=nginx');
    c.advance(30_000);
    const node1 = shellOn(c.world, 'node1');
    const other = shellOn(c.world, 'node1');
    await node1.run('true');
    const job = node1.start('kubectl port-forward deploy/nginx 8080:80');
    node1.advance(200);
    expect((await other.run('curl -s localhost:8080')).stdout).toContain('<h1>Welcome to nginx!</h1>');
    node1.interrupt();
    expect((await job.done()).output).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\nHandling connection for 8080\n');
  });

  it('svc/NAME maps the service port to the pod\'s target port; --address 0.0.0.0 serves other nodes', async () => {
    const c = webCluster();
    c.kubectl(['patch', 'svc', 'web', '-p', '{"spec":{"ports":[{"port":8000,"targetPort":5678,"protocol":"TCP","name":"http"}]}}']);
    const node1 = shellOn(c.world, 'node1');
    const node2 = shellOn(c.world, 'node2');
    await node1.run('true');
    const job = node1.start('kubectl port-forward --address 0.0.0.0 svc/web 9000:8000');
    node1.advance(500);
    expect((await node2.run('curl -s node1:9000/x')).stdout).toMatch(/ \/x\n$/);
    node1.interrupt();
    expect((await job.done()).output).toBe('Forwarding from 0.0.0.0:9000 -> 5678\nHandling connection for 9000\n');
  });

  it('errors: no such service port, pod not running, port already in use, usage', async () => {
    const c = webCluster();
    expect(c.kubectl('port-forward svc/web 8080:81').stderr).toBe('error: Service web does not have a service port 81\n');
    expect(c.kubectl('port-forward deploy/web').stderr).toBe("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
    c.kubectl('run stuck --image=nginx:nope');
    c.advance(2_000);
    expect(c.kubectl('port-forward stuck 8080:80').stderr).toBe('error: unable to forward port because pod is not running. Current status=Pending\n');
    c.world.network.listen({ host: 'node1', address: '0.0.0.0', port: 8080, protocol: 'TCP', process: 'httpd', service: {} });
    await golden('port-forward-busy', c.kubectl('port-forward deploy/web 8080:80').stderr);
  });
});

describe('kubectl proxy', () => {
  it('serves the API on localhost:8001: lists, objects, Status errors, a service\'s pods through its proxy path', async () => {
    const c = webCluster(2);
    const node1 = shellOn(c.world, 'node1');
    const other = shellOn(c.world, 'node1');
    await node1.run('true');
    const job = node1.start('kubectl proxy');
    node1.advance(100);
    const list = await other.run('curl -s localhost:8001/api/v1/namespaces/default/pods');
    const parsed = JSON.parse(list.stdout) as { kind: string; items: { metadata: { name: string }; kind?: string }[] };
    expect(parsed.kind).toBe('PodList');
    expect(parsed.items.map((i) => i.metadata.name).every((n) => n.startsWith('web-'))).toBe(true);
    expect(parsed.items[0]!.kind).toBeUndefined();
    expect(list.stdout.startsWith('{\n  "kind": "PodList",\n  "apiVersion": "v1",\n  "metadata": {\n')).toBe(true);
    await golden('proxy-not-found', (await other.run('curl -s localhost:8001/api/v1/namespaces/default/pods/nope')).stdout);
    expect((await other.run('curl -s localhost:8001/apis/apps/v1/namespaces/default/deployments/web')).stdout).toMatch(/^\{\n {2}"kind": "Deployment",\n {2}"apiVersion": "apps\/v1",\n {2}"metadata": \{\n {4}"name": "web",/);
    expect((await other.run('curl -s localhost:8001/healthz')).stdout).toBe('ok');
    expect((await other.run('curl -s localhost:8001/version')).stdout).toContain('"gitVersion": "v1.27.2"');
    node1.interrupt();
    expect((await job.done()).output).toBe('Starting to serve on 127.0.0.1:8001\n');
  });

  it('service and pod proxy paths reach the pods; no endpoints is 503', async () => {
    const c = webCluster(2);
    const pods = c.kubectl(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[*].status.podIP}']).stdout.split(' ');
    c.cluster.store.create(mustResolve('endpoints'), {
      metadata: { name: 'web', namespace: 'default' }, subsets: [{ addresses: pods.map((ip) => ({ ip })), ports: [{ port: 5678, protocol: 'TCP' }] }],
    }, 'test');
    const node1 = shellOn(c.world, 'node1');
    const other = shellOn(c.world, 'node1');
    await node1.run('true');
    const job = node1.start('kubectl proxy --port=8002');
    node1.advance(100);
    expect((await other.run('curl -s localhost:8002/api/v1/namespaces/default/services/web:80/proxy/hi?x=1')).stdout).toMatch(/^hello from web-\w+-\w{5} \/hi\?x=1\n$/);
    const pod = c.kubectl(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']).stdout;
    expect((await other.run(`curl -s localhost:8002/api/v1/namespaces/default/pods/${pod}:5678/proxy/`)).stdout).toBe(`hello from ${pod} /\n`);
    c.kubectl('create service clusterip empty --tcp=80:80');
    expect((await other.run('curl -s localhost:8002/api/v1/namespaces/default/services/empty/proxy/')).stdout).toContain('"message": "no endpoints available for service \\"empty\\""');
    node1.interrupt();
    await job.done();
  });

  it('pod logs through the API: one container implied, or the server asks which', async () => {
    const c = new LiveCluster();
      const node1 = shellOn(c.world, 'node1');
    const other = shellOn(c.world, 'node1');
    await node1.run('true');
    const job = node1.start('kubectl proxy');
    node1.advance(100);
    const weave = c.kubectl(['get', 'pods', '-n', 'kube-system', '-l', 'name=weave-net', '-o', 'jsonpath={.items[0].metadata.name}']).stdout;
    const r = await other.run(`curl -s localhost:8001/api/v1/namespaces/kube-system/pods/${weave}/log`);
    expect(r.stdout).toContain(`"message": "a container name must be specified for pod ${weave}, choose one of: [weave weave-npc] or one of the init containers: [weave-init]"`);
    expect((await other.run(`curl -s 'localhost:8001/api/v1/namespaces/kube-system/pods/${weave}/log?container=weave'`)).exitCode).toBe(0);
    node1.interrupt();
    await job.done();
  });

  it('refuses hosts it does not accept', async () => {
    const c = new LiveCluster();
    const node1 = shellOn(c.world, 'node1');
    const node2 = shellOn(c.world, 'node2');
    await node1.run('true');
    const job = node1.start('kubectl proxy --address=0.0.0.0');
    node1.advance(100);
    expect((await node2.run('curl -s node1:8001/api')).stdout).toBe('Forbidden');
    node1.interrupt();
    await job.done();
    const open = node1.start("kubectl proxy --address=0.0.0.0 --accept-hosts=.*");
    node1.advance(100);
    expect((await node2.run('curl -s node1:8001/api')).stdout).toContain('"kind": "APIVersions"');
    node1.interrupt();
    await open.done();
  });
});
