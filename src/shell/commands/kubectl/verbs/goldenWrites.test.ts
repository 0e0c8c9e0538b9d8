import { beforeAll, describe, expect, it } from 'vitest';
import { preloadCommands } from '../../../session/preload';
import { shellOn } from '../../../testing/harness';
import { LiveCluster } from '../testing/live';
import { Transcript } from '../testing/transcript';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

// sed, the scripted editor of kubectl edit, is a lazily loaded command.
beforeAll(() => preloadCommands());

describe('kubectl create, run, expose: what the learner sees (goldens)', () => {
  it('creates a namespace, a deployment, services, a config map, a secret, a job, a pod; then lists them', async () => {
    const c = new LiveCluster();
    const t = new Transcript(c);
    t.run(
      'create namespace blue', 'create deployment web --image=nginx --replicas=2 -n blue', 'create service clusterip web --tcp=80 -n blue',
      'create configmap settings --from-literal=color=blue --from-literal=size=2 -n blue', 'create secret generic db --from-literal=password=hunter2 -n blue',
      ['create', 'job', 'hello', '--image=busybox', '-n', 'blue', '--', 'echo', 'hello'], ['run', 'pingpong', '--image=alpine', '--', 'ping', '1.1.1.1'],
      'run web --image=nginx --port=80 --expose', 'expose deployment web --port=80 --type=NodePort --name=webui -n blue', 'expose pod pingpong --port=80',
    );
    t.wait(30_000).run('get deploy,svc -n blue', 'get cm,secret -n blue', 'get ns', 'get pods,svc');
    await golden('create-session', t.text);
  });
});

/** A 2-replica nginx deployment, running. */
function web(): LiveCluster {
  const c = new LiveCluster();
  c.kubectl('create deployment web --image=nginx --replicas=2');
  return c.advance(30_000);
}

describe('kubectl scale and delete (goldens)', () => {
  it('scale up and down, the pods following; Terminating pods in get', async () => {
    const t = new Transcript(web());
    t.run('scale deployment web --replicas=4').wait(20_000).run('get deploy web', 'get pods');
    t.run('scale deploy/web --replicas=1', 'get pods').wait(40_000).run('get pods', 'scale deployment web --current-replicas=1 --replicas=2');
    await golden('scale-session', t.text);
  });

  it('delete by name, -l, --all; the grace period; --cascade=orphan; Terminating while it lasts', async () => {
    const c = web();
    c.kubectl(['run', 'pingpong', '--image=alpine', '--labels=app=pingpong', '--', 'ping', '1.1.1.1']);
    c.kubectl('run other --image=alpine --labels=app=pingpong');
    c.advance(20_000);
    const t = new Transcript(c);
    const victim = c.kubectl(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']).stdout;
    t.run(`delete pod ${victim} --wait=false`, 'get pods').wait(3_000).run('get pods');
    t.run('delete pod pingpong --grace-period=5', 'delete pods -l app=pingpong --now', 'get pods');
    t.run('delete deployment web --cascade=orphan', 'get deploy,rs,pods');
    t.run('delete rs --all', 'get pods').wait(40_000).run('get pods', 'delete all --all', 'get all');
    await golden('delete-session', t.text);
  });
});

const WEB_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.24
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;

describe('kubectl apply and diff: created, unchanged, configured; broken manifests (goldens)', () => {
  it('the declarative loop with a hand-written manifest', async () => {
    const c = new LiveCluster();
    const fs = c.world.host('node1')!.fs;
    fs.writeFile('/root/web.yaml', WEB_YAML);
    const t = new Transcript(c);
    // (diff of objects that do not exist yet: diff-new-deployment.txt)
    t.run('apply -f web.yaml').wait(30_000).run('diff -f web.yaml', 'apply -f web.yaml');
    fs.writeFile('/root/web.yaml', WEB_YAML.replace('replicas: 2', 'replicas: 3').replace('nginx:1.24', 'nginx:1.25'));
    t.note('# web.yaml: replicas 3, image nginx:1.25').run('diff -f web.yaml', 'apply -f web.yaml', 'apply -f web.yaml --dry-run=server');
    t.wait(30_000).run('get deploy web -o wide', 'apply -f web.yaml');
    await golden('apply-session', t.text);
  });

  it('bad YAML (with its line), unknown fields, values of the wrong type, an unknown kind, invalid values, a missing file', async () => {
    const c = new LiveCluster();
    const fs = c.world.host('node1')!.fs;
    const t = new Transcript(c);
    const files: Record<string, string> = {
      'indent.yaml': WEB_YAML.replace('  replicas: 2', '  replicas: 2\n   strategy: {}'),
      'tab.yaml': WEB_YAML.replace('  replicas: 2', '\treplicas: 2'),
      'colon.yaml': WEB_YAML.replace('        image: nginx:1.24', '        image nginx:1.24'),
      'field.yaml': WEB_YAML.replace('  replicas: 2', '  replica: 2').replace('- containerPort: 80', '- containerport: 80'),
      'type.yaml': WEB_YAML.replace('  replicas: 2', '  replicas: two'),
      'port.yaml': WEB_YAML.replace('containerPort: 80', 'containerPort: http'),
      'kind.yaml': WEB_YAML.replace('kind: Deployment', 'kind: Deploymnet'),
      'name.yaml': WEB_YAML.replace('  name: web\n  labels', '  name: Web_1\n  labels'),
      'negative.yaml': WEB_YAML.replace('replicas: 2', 'replicas: -1'),
      'noimage.yaml': WEB_YAML.replace('        image: nginx:1.24\n', ''),
      'selector.yaml': WEB_YAML.replace('      app: web\n  template', '      app: frontend\n  template'),
    };
    for (const [name, text] of Object.entries(files)) fs.writeFile(`/root/${name}`, text);
    t.run(...Object.keys(files).map((f) => `apply -f ${f}`), 'apply -f nope.yaml', 'create -f field.yaml', 'create -f type.yaml');
    // The selector of an existing deployment cannot change, even with matching labels.
    fs.writeFile('/root/web.yaml', WEB_YAML);
    fs.writeFile('/root/relabel.yaml', WEB_YAML.replace(/app: web/g, 'app: frontend'));
    t.run('apply -f web.yaml', 'apply -f relabel.yaml');
    await golden('apply-errors', t.text);
  });
});

describe('kubectl edit with a scripted $KUBE_EDITOR (golden)', () => {
  it('edits, cancels, refuses a renamed object, reopens on a syntax error', async () => {
    const c = web();
    const sh = shellOn(c.world, 'node1');
    sh.writeFile('/root/break-then-fix.sh', 'if grep -q "syntax error" "$1"; then sed -i "s/^spec: \\[/spec:/; s/replicas: 3/replicas: 4/" "$1"; else sed -i "s/^spec:/spec: [/" "$1"; fi\n');
    let text = '';
    for (const line of [
      `KUBE_EDITOR="sed -i 's/replicas: 2/replicas: 3/'" kubectl edit deployment/web`,
      'EDITOR=true kubectl edit deploy web',
      'KUBE_EDITOR="sh /root/break-then-fix.sh" kubectl edit deploy web',
      'kubectl get deploy web',
      `KUBE_EDITOR="sed -i 's/^  name: web/  name: other/'" kubectl edit deploy web`,
      'KUBE_EDITOR=false kubectl edit deploy web',
      'kubectl edit deploy nope',
    ]) {
      const r = await sh.run(line);
      text += `$ ${line}\n${r.output}[exit ${r.exitCode}]\n`;
    }
    await golden('edit-session', text.replace(/kubectl-edit-\d+\.yaml/g, 'kubectl-edit-<N>.yaml'));
  });
});

describe('kubectl edit of an invalid object (golden)', () => {
  it('reopens with the server\'s field errors on top; saving the same text again gives up and keeps a copy', async () => {
    const c = web();
    const sh = shellOn(c.world, 'node1');
    // Scripted editors that record the comment block each pass shows, then edit.
    const recorder = (edit: string) => `grep '^#' "$1" >> /root/headers.txt; echo ---- >> /root/headers.txt; ${edit}\n`;
    sh.writeFile('/root/negative.sh', recorder('sed -i "s/replicas: 2/replicas: -1/" "$1"'));
    sh.writeFile('/root/selector.sh', recorder('sed -i "s/app: web/app: other/" "$1"'));
    sh.writeFile('/root/fix.sh', recorder('if grep -q "was not valid" "$1"; then sed -i "s/replicas: -1/replicas: 3/" "$1"; else sed -i "s/replicas: 2/replicas: -1/" "$1"; fi'));
    let text = '';
    for (const line of [
      'KUBE_EDITOR="sh /root/negative.sh" kubectl edit deploy web',
      'cat /root/headers.txt',
      'ls /tmp',
      'rm -f /root/headers.txt /tmp/kubectl-edit-*',
      'KUBE_EDITOR="sh /root/selector.sh" kubectl edit deploy web',
      'grep "^# [*d]" /root/headers.txt',
      'rm -f /root/headers.txt /tmp/kubectl-edit-*',
      'KUBE_EDITOR="sh /root/fix.sh" kubectl edit deploy web',
      'grep "^# [*d]" /root/headers.txt',
      'ls /tmp',
      'kubectl get deploy web -o jsonpath={.spec.replicas}',
    ]) {
      const r = await sh.run(line);
      text += `$ ${line}\n${r.output}[exit ${r.exitCode}]\n`;
    }
    await golden('edit-invalid-session', text.replace(/kubectl-edit-\d+\.yaml/g, 'kubectl-edit-<N>.yaml'));
  });
});
