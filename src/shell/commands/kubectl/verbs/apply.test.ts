import { describe, expect, it } from 'vitest';
import { mustResolve } from '../../../../engine';
import { Playground } from '../testing/playground';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

const WEAVE = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: weave-net
      labels:
        name: weave-net
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata:
      name: weave-net
    rules:
      - apiGroups: ['']
        resources: [pods, namespaces, nodes]
        verbs: [get, list, watch]
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRoleBinding
    metadata:
      name: weave-net
    roleRef: {kind: ClusterRole, name: weave-net, apiGroup: rbac.authorization.k8s.io}
    subjects: [{kind: ServiceAccount, name: weave-net, namespace: kube-system}]
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata:
      name: weave-net
    rules: [{apiGroups: [''], resources: [configmaps], verbs: [get, update]}]
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata:
      name: weave-net
    roleRef: {kind: Role, name: weave-net, apiGroup: rbac.authorization.k8s.io}
    subjects: [{kind: ServiceAccount, name: weave-net, namespace: kube-system}]
  - apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: weave-net
      labels: {name: weave-net}
    spec:
      minReadySeconds: 5
      selector: {matchLabels: {name: weave-net}}
      template:
        metadata: {labels: {name: weave-net}}
        spec:
          containers:
            - name: weave
              image: weaveworks/weave-kube:2.8.1
            - name: weave-npc
              image: weaveworks/weave-npc:2.8.1
`;

const MULTI = `# two documents
apiVersion: v1
kind: Namespace
metadata:
  name: blue
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: blue
data:
  color: blue
---
`;

describe('kubectl apply', () => {
  it('creates, then leaves unchanged, then configures what changed (multi-document file)', async () => {
    const p = new Playground().init();
    p.node1.fs.writeFile('/root/app.yaml', MULTI);
    const first = p.kubectl('apply -f app.yaml');
    expect(first).toMatchObject({ stdout: 'namespace/blue created\nconfigmap/settings created\n', exitCode: 0 });
    expect(p.kubectl('apply -f /root/app.yaml').stdout).toBe('namespace/blue unchanged\nconfigmap/settings unchanged\n');
    p.node1.fs.writeFile('/root/app.yaml', MULTI.replace('color: blue', 'color: green'));
    expect(p.kubectl('apply -f app.yaml').stdout).toBe('namespace/blue unchanged\nconfigmap/settings configured\n');
    await golden('apply-configmap-yaml', p.kubectl('get cm settings -n blue -o yaml').stdout);
  });

  it('applies the Weave List from a URL into kube-system', async () => {
    const p = new Playground().init();
    p.world.internet.serve('cloud.weave.works', (url) => (url.pathname === '/k8s/net' ? { contentType: 'application/yaml', body: WEAVE } : undefined));
    const url = 'https://cloud.weave.works/k8s/net?k8s-version=djEuMjcuMg==';
    const r = p.kubectl(['apply', '-n', 'kube-system', '-f', url]);
    expect(r.exitCode).toBe(0);
    await golden('apply-weave', r.stdout);
    expect(p.kubectl(['apply', '-n', 'kube-system', '-f', url]).stdout).toMatch(/^(\S+ unchanged\n){6}$/);
    expect(p.kubectl('get ds -n kube-system weave-net -o jsonpath={.metadata.annotations}').stdout).toContain('kubectl.kubernetes.io/last-applied-configuration');
  });

  it('keeps what the cluster added and reverts what was changed behind its back', () => {
    const p = new Playground().init();
    p.node1.fs.writeFile('/root/app.yaml', MULTI);
    p.kubectl('apply -f app.yaml');
    p.store.mutate(mustResolve('configmaps'), 'blue', 'settings', 'someone', (d) => {
      (d as unknown as { data: Record<string, string> }).data.color = 'red';
      d.metadata.labels = { added: 'by-someone' };
    });
    expect(p.kubectl('apply -f app.yaml').stdout).toContain('configmap/settings configured');
    expect(p.kubectl('get cm settings -n blue -o jsonpath={.data.color}/{.metadata.labels.added}').stdout).toBe('blue/by-someone');
    expect(p.kubectl('apply -f app.yaml').stdout).toContain('configmap/settings unchanged');
  });

  it('fetch errors: 404 and unknown host (after kubectl retries)', () => {
    const p = new Playground().init();
    p.world.internet.serve('example.com', () => undefined);
    expect(p.kubectl('apply -f https://example.com/nope.yaml').stderr)
      .toBe('error: unable to read URL "https://example.com/nope.yaml", server reported 404 Not Found, status code=404\n');
    const dns = p.kubectl('apply -f https://nosuch.example/x.yaml');
    expect(dns.stderr).toBe('error: Get "https://nosuch.example/x.yaml": dial tcp: lookup nosuch.example on 127.0.0.11:53: no such host\n');
    expect(dns.elapsedMs).toBeGreaterThanOrEqual(2_000);
  });

  it('reports bad YAML, a missing file, unknown kinds and unknown fields', () => {
    const p = new Playground().init();
    p.node1.fs.writeFile('/root/bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n');
    expect(p.kubectl('apply -f bad.yaml').stderr).toMatch(/^error: error parsing bad\.yaml: error converting YAML to JSON: yaml: line 5: /);
    expect(p.kubectl('apply -f nope.yaml').stderr).toBe('error: the path "nope.yaml" does not exist\n');
    p.node1.fs.writeFile('/root/ds.yaml', 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: rng\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: rng}}\n  strategy: {}\n  template:\n    metadata: {labels: {app: rng}}\n    spec:\n      containers: [{name: rng, image: dockercoins/rng:v0.1}]\n');
    expect(p.kubectl('apply -f ds.yaml')).toMatchObject({
      stderr: 'Error from server (BadRequest): error when creating "ds.yaml": DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.replicas", unknown field "spec.strategy"\n',
      exitCode: 1,
    });
    p.node1.fs.writeFile('/root/crd.yaml', 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n');
    expect(p.kubectl('apply -f crd.yaml').stderr).toBe('error: resource mapping not found for name: "w" namespace: "" from "crd.yaml": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first\n');
    p.node1.fs.writeFile('/root/nokind.yaml', 'metadata:\n  name: w\n');
    expect(p.kubectl('apply -f nokind.yaml').stderr).toBe('error: error validating "nokind.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n');
  });

  it('refuses an object of another namespace than -n', () => {
    const p = new Playground().init();
    p.node1.fs.writeFile('/root/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: kube-system\n');
    expect(p.kubectl('apply -n default -f cm.yaml').stderr).toBe('error: the namespace from the provided object "kube-system" does not match the namespace "default". You must pass \'--namespace=kube-system\' to perform this operation.\n');
  });

  it('reads stdin with -f -', () => {
    const p = new Playground().init();
    expect(p.kubectl('apply -f -', { stdin: MULTI }).stdout).toBe('namespace/blue created\nconfigmap/settings created\n');
  });
});

describe('kubectl create and delete', () => {
  it('create namespace, then delete it', () => {
    const p = new Playground().init();
    expect(p.kubectl('create namespace blue').stdout).toBe('namespace/blue created\n');
    expect(p.kubectl('create ns blue').stderr).toBe('Error from server (AlreadyExists): namespaces "blue" already exists\n');
  });

  it('create deployment --dry-run=client -o json keeps the Go struct order, as kubectl does', () => {
    const p = new Playground();
    expect(p.kubectl('create ns x --dry-run=client -o json').stdout).toBe(
      '{\n    "kind": "Namespace",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "x",\n        "creationTimestamp": null\n    },\n    "spec": {},\n    "status": {}\n}\n');
    expect(p.kubectl('create deployment x --image=nginx --dry-run=client').stdout).toBe('deployment.apps/x created (dry run)\n');
  });

  it('create deployment --dry-run=client -o yaml matches kubectl', () => {
    const p = new Playground();
    expect(p.kubectl('create deployment x --image=nginx --dry-run=client -o yaml').stdout).toBe([
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  creationTimestamp: null', '  labels:', '    app: x', '  name: x', 'spec:',
      '  replicas: 1', '  selector:', '    matchLabels:', '      app: x', '  strategy: {}', '  template:', '    metadata:',
      '      creationTimestamp: null', '      labels:', '        app: x', '    spec:', '      containers:', '      - image: nginx',
      '        name: nginx', '        resources: {}', 'status: {}', '',
    ].join('\n'));
  });

  it('delete pod prints at once and waits for the graceful deletion', () => {
    const p = new Playground().init().join().weave();
    const name = p.kubectl('get pods -n kube-system -o name').stdout.split('\n').find((l) => l.startsWith('pod/weave-net'))!.slice(4);
    let removedAt: number | undefined;
    p.world.clock.schedule(4_000, () => {
      p.store.remove(mustResolve('pods'), 'kube-system', name, 'kubelet:node1');
      removedAt = p.world.now();
    });
    const r = p.kubectl(`delete pod ${name} -n kube-system`);
    expect(r.stdout).toBe(`pod "${name}" deleted\n`);
    expect(removedAt).toBeDefined();
    expect(r.elapsedMs).toBeGreaterThanOrEqual(4_000);
    expect(p.kubectl(`delete pod ${name} -n kube-system`).stderr).toBe(`Error from server (NotFound): pods "${name}" not found\n`);
  });
});
