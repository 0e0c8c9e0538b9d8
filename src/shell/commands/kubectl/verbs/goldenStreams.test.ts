import { beforeAll, describe, expect, it } from 'vitest';
import { preloadCommands } from '../../../session/preload';
import { shellOn, type TestShell } from '../../../testing/harness';
import { LiveCluster } from '../testing/live';
import { Transcript } from '../testing/transcript';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

// curl is a lazily loaded command.
beforeAll(() => preloadCommands());

const TWO_CONTAINERS = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: app
    image: busybox
    command: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "app: request $i"; sleep 5; done']
  - name: sidecar
    image: busybox
    command: ['sh', '-c', 'echo "sidecar: watching"; while true; do echo "sidecar: all quiet"; sleep 10; done']
`;

describe('kubectl logs: a learner reading what pods print (goldens)', () => {
  it('a deployment\'s pod, --tail, -l with --prefix, -f until Ctrl+C, -c in a two-container pod, --previous after a crash', async () => {
    const c = new LiveCluster();
    c.kubectl(['create', 'deployment', 'pingpong', '--image=alpine', '--replicas=2', '--', 'ping', '1.1.1.1']);
    c.kubectl(['run', 'crash', '--image=busybox', '--', 'sh', '-c', 'echo starting; sleep 2; echo giving up; exit 1']);
    c.world.host('node1')!.fs.writeFile('/root/two.yaml', TWO_CONTAINERS);
    c.kubectl('apply -f two.yaml');
    c.advance(40_000);
    const t = new Transcript(c);
    const pod = c.kubectl(['get', 'pods', '-l', 'app=pingpong', '-o', 'jsonpath={.items[0].metadata.name}']).stdout;
    t.run(`logs ${pod} --tail=3`, 'logs deploy/pingpong --tail=2', 'logs -l app=pingpong --tail=2 --prefix', 'logs -l app=pingpong --tail=1');
    t.kubectl(`logs -f --tail=1 ${pod}`, { interruptAfterMs: 3_500 });
    t.run('logs two --tail=2', 'logs two -c sidecar --tail=2', 'logs two --all-containers --tail=1', 'logs two -c nope');
    t.run('get pod crash', 'logs crash', 'logs crash --previous', `logs ${pod} --previous`);
    await golden('logs-session', t.text);
  });
});

/** `$ line` and what it printed, for a session driven through the shell. */
async function step(sh: TestShell, line: string): Promise<string> {
  const r = await sh.run(line);
  return `$ ${line}\n${r.output}${r.output.endsWith('\n') || r.output === '' ? '' : '\n'}[exit ${r.exitCode}]\n`;
}

describe('kubectl port-forward and proxy: the first terminal forwards, the second one curls (goldens)', () => {
  it('port-forward to a deployment and to a service; Ctrl+C ends it', async () => {
    const c = new LiveCluster();
    c.kubectl('create deployment web --image=nginx --replicas=2');
    c.kubectl('expose deployment web --port=8000 --target-port=80');
    c.advance(30_000);
    const first = shellOn(c.world, 'node1');
    const second = shellOn(c.world, 'node1');
    await first.run('true');
    let text = '# terminal 1\n$ kubectl port-forward deploy/web 8080:80\n';
    const job = first.start('kubectl port-forward deploy/web 8080:80');
    first.advance(300);
    let other = '# terminal 2\n';
    other += await step(second, 'curl -s localhost:8080 | head -4');
    other += await step(second, 'curl -sI http://127.0.0.1:8080/ | head -1');
    first.advance(300);
    first.interrupt();
    const done = await job.done();
    text += `${done.output}^C[exit ${done.exitCode}]\n`;
    other += await step(second, 'curl -s localhost:8080');
    const svc = first.start('kubectl port-forward svc/web 9000:8000');
    first.advance(300);
    other += await step(second, 'curl -s localhost:9000 | grep title');
    first.interrupt();
    const svcDone = await svc.done();
    text += `$ kubectl port-forward svc/web 9000:8000\n${svcDone.output}^C[exit ${svcDone.exitCode}]\n`;
    await golden('port-forward-session', `${text}${other}`);
  });

  it('proxy serves the API on localhost:8001', async () => {
    const c = new LiveCluster();
    c.kubectl('create deployment web --image=nginx');
    c.advance(30_000);
    const first = shellOn(c.world, 'node1');
    const second = shellOn(c.world, 'node1');
    await first.run('true');
    const job = first.start('kubectl proxy');
    first.advance(100);
    let other = '# terminal 2\n';
    other += await step(second, 'curl -s localhost:8001/version');
    other += await step(second, 'curl -s localhost:8001/api/v1/namespaces/default/pods | grep \'"name": "web\'');
    other += await step(second, 'curl -s localhost:8001/apis/apps/v1/namespaces/default/deployments/web | head -8');
    other += await step(second, 'curl -s localhost:8001/api/v1/namespaces/default/services/nope');
    first.interrupt();
    const done = await job.done();
    await golden('proxy-session', `# terminal 1\n$ kubectl proxy\n${done.output}^C[exit ${done.exitCode}]\n${other}`);
  });
});

describe('kubectl exec: one program inside a container (golden)', () => {
  it('hostname, files, environment, a shell line; a missing program, a failing one, a wrong container, the old syntax', async () => {
    const c = new LiveCluster();
    c.kubectl(['run', 'pingpong', '--image=alpine', '--', 'ping', '1.1.1.1']);
    c.kubectl('create deployment web --image=nginx');
    c.advance(30_000);
    const sh = shellOn(c.world, 'node1');
    let text = '';
    for (const line of [
      'kubectl exec pingpong -- hostname', 'kubectl exec pingpong -- cat /etc/resolv.conf', 'kubectl exec deploy/web -- ls /usr/share/nginx/html',
      'kubectl exec pingpong -- sh -c "echo $((6*7)); env | grep ^KUBERNETES_SERVICE"', 'kubectl exec deploy/web -- ping -c 1 1.1.1.1',
      'kubectl exec pingpong -- cat /nope', 'kubectl exec pingpong -c nope -- ls', 'kubectl exec pingpong ls', 'kubectl exec nope -- ls',
    ]) text += await step(sh, line);
    await golden('exec-session', text.replace(/exec "[0-9a-f]{64}"/g, 'exec "<id>"'));
  });
});

describe('kubectl config: contexts and the default namespace (golden)', () => {
  it('set-context --current --namespace, get-contexts, view --minify, a second context, use-context', async () => {
    const t = new Transcript(new LiveCluster());
    t.run(
      'config current-context', 'config get-contexts', 'config set-context --current --namespace=kube-system', 'config get-contexts', 'get deploy',
      'config view --minify', 'config set-context blue --cluster=kubernetes --user=kubernetes-admin --namespace=blue', 'config use-context blue',
      'config get-contexts', 'get pods', 'config use-context nope', 'config use-context kubernetes-admin@kubernetes',
      'config set-context --current --namespace=default', 'get svc',
    );
    await golden('config-contexts-session', t.text);
  });
});
