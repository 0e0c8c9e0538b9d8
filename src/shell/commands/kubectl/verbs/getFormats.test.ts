import { describe, expect, it } from 'vitest';
import { LiveCluster } from '../testing/live';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

/** A cluster with a 3-replica nginx deployment running, 30 s after it was created. */
function withWeb(): LiveCluster {
  const c = new LiveCluster();
  c.kubectl('create deployment web --image=nginx --replicas=3');
  return c.advance(30_000);
}

describe('kubectl get -o custom-columns', () => {
  const c = withWeb();

  it('prints the named columns, <none> for missing fields, Go formatting for maps and lists', async () => {
    const r = c.kubectl(['get', 'pods', '-A', '--sort-by=.metadata.name', '-o', 'custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IP:{.status.podIP},IMAGES:.spec.containers[*].image,LABELS:metadata.labels,GATES:.spec.readinessGates']);
    expect(r.exitCode).toBe(0);
    await golden('get-custom-columns', r.stdout);
    expect(c.kubectl(['get', 'deploy', '--no-headers', '-o', 'custom-columns=N:.metadata.name,R:.spec.replicas']).stdout).toBe('web   3\n');
  });

  it('reads a custom-columns-file: a line of headers, a line of paths', () => {
    c.world.host('node1')!.fs.writeFile('/root/cols.txt', 'NAME   READY\nmetadata.name   status.readyReplicas\n');
    expect(c.kubectl('get deploy -o custom-columns-file=cols.txt').stdout).toBe('NAME   READY\nweb    3\n');
  });

  it('says what is wrong with a spec', () => {
    expect(c.kubectl('get pods -o custom-columns=NAME').stderr).toBe('error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n');
    expect(c.kubectl('get pods -o custom-columns=').stderr).toBe('error: custom-columns format specified but no custom columns given\n');
    expect(c.kubectl('get pods -o custom-columns=A:{.x').stderr).toBe("error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n");
    expect(c.kubectl('get pods -o custom-columns=A:.metadata[')).toMatchObject({ stdout: 'A\n', stderr: 'error: unterminated array\n', exitCode: 1 });
    expect(c.kubectl('get pods -o custom-columns-file=/nope').stderr).toBe('error: error reading template /nope, open /nope: no such file or directory\n');
  });
});

describe('kubectl get -o jsonpath', () => {
  const c = withWeb();

  it('ranges, filters, literals, several results joined by spaces', () => {
    const names = c.kubectl(['get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.spec.nodeName}{"\\n"}{end}']).stdout;
    expect(names.split('\n').filter(Boolean)).toHaveLength(3);
    expect(names).toMatch(/^web-\w+-\w{5}\tnode\d\n/);
    expect(c.kubectl(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']).stdout).toBe('nginx');
    expect(c.kubectl(['get', 'nodes', '-o', "jsonpath={.items[?(@.metadata.name=='node2')].status.addresses[0].address}"]).stdout).toMatch(/^192\.168\.0\.\d+$/);
    expect(c.kubectl(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.labels}']).stdout).toBe('{"app":"web"}');
    expect(c.kubectl(['get', 'deploy', 'web', '-o', 'jsonpath={.status.nope}']).stdout).toBe('');
  });

  it('jsonpath-file and jsonpath-as-json', () => {
    c.world.host('node1')!.fs.writeFile('/root/t.txt', '{.metadata.name}\n');
    expect(c.kubectl('get deploy web -o jsonpath-file=/root/t.txt').stdout).toBe('web\n');
    expect(c.kubectl(['get', 'deploy', '-o', 'jsonpath-as-json={.items[*].metadata.name}']).stdout).toBe('[\n    "web"\n]\n');
  });

  it('parse and execution errors as kubectl words them', async () => {
    expect(c.kubectl(['get', 'pods', '-o', 'jsonpath={.items[']).stderr).toBe('error: error parsing jsonpath {.items[, unterminated array\n');
    expect(c.kubectl(['get', 'pods', '-o', 'jsonpath={.items[0].metadata.name']).stderr).toBe('error: error parsing jsonpath {.items[0].metadata.name, unclosed action\n');
    expect(c.kubectl(['get', 'pods', '-o', 'jsonpath={.items[*]["metadata"]}']).stderr).toBe('error: error parsing jsonpath {.items[*]["metadata"]}, invalid array index "metadata"\n');
    expect(c.kubectl(['get', 'pods', '-o', 'jsonpath']).stderr).toBe('error: template format specified but no template given\n');
    expect(c.kubectl(['get', 'pods', '-o', 'jsonpath-file=/nope']).stderr).toBe('error: error reading --template /nope, open /nope: no such file or directory\n');
    const r = c.kubectl(['get', 'ns', 'default', '-o', 'jsonpath={.spec.finalizers[3]}']);
    expect(r.exitCode).toBe(1);
    await golden('get-jsonpath-out-of-bounds', r.stderr.replace(/"uid":"[0-9a-f-]+"/, '"uid":"<uid>"'));
  });
});

describe('kubectl get --sort-by and --field-selector', () => {
  const c = withWeb();

  it('sorts by a field: numbers as numbers, names in natural order, objects without the field first', () => {
    const byRestarts = c.kubectl(['get', 'pods', '-A', '-o', 'name', '--sort-by=.status.containerStatuses[0].restartCount']).stdout.split('\n');
    expect(byRestarts.indexOf(byRestarts.find((l) => l.includes('weave-net'))!)).toBeGreaterThan(7);
    const byNode = c.kubectl(['get', 'pods', '-A', '--sort-by={.spec.nodeName}', '-o', 'custom-columns=NODE:.spec.nodeName', '--no-headers']).stdout;
    expect(byNode).toBe(`${'node1\n'.repeat(6)}${'node2\n'.repeat(7)}`);
    expect(c.kubectl('get pods --sort-by=.foo').stderr).toBe('error: couldn\'t find any field with path "{.foo}" in the list of objects\n');
    expect(c.kubectl('get pods --sort-by=.metadata.labels').stderr).toMatch(/^F\d+ \d+ sorter\.go:329\] Field \{\.metadata\.labels\} in \*unstructured\.Unstructured is an unsortable type: interface, err: unsortable type: map\[string\]interface \{\}\n$/);
  });

  it('filters on the fields the server indexes', () => {
    expect(c.kubectl('get pods -A --field-selector spec.nodeName=node1 -o name').stdout.split('\n').filter(Boolean)).toHaveLength(6);
    expect(c.kubectl('get pods -A --field-selector=status.phase!=Running')).toMatchObject({ stdout: '', stderr: 'No resources found\n' });
    expect(c.kubectl('get ns --field-selector metadata.name=default --no-headers').stdout).toMatch(/^default +Active/);
    expect(c.kubectl('get events --field-selector type=Warning,involvedObject.kind=Node -A -o name').stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('refuses fields the server does not index, with kubectl\'s sentence', () => {
    expect(c.kubectl('get pods --field-selector=spec.containers.image=nginx')).toMatchObject({
      stderr: 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.containers.image=nginx": field label not supported: spec.containers.image\n',
      exitCode: 1,
    });
    expect(c.kubectl('get deploy -l app=web --field-selector=status.replicas=3').stderr)
      .toBe('Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "app=web", field selector "status.replicas=3": field label not supported: status.replicas\n');
    expect(c.kubectl('get pods --field-selector=oops').stderr).toMatch(/field selector "oops": invalid selector: 'oops'; can't understand 'oops'\n$/);
    expect(c.kubectl('get deploy web -l app=web').stderr).toBe('error: name cannot be provided when a selector is specified\n');
  });
});

describe('kubectl get: events, componentstatuses, all, label columns', () => {
  const c = withWeb();

  it('events: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE in the server\'s order (by object, then time)', async () => {
    await golden('get-events-default', c.kubectl('get events').stdout);
  });

  it('componentstatuses: the deprecation warning, then the table', () => {
    const r = c.kubectl('get componentstatuses');
    expect(r.stderr).toBe('Warning: v1 ComponentStatus is deprecated in v1.19+\n');
    expect(r.stdout).toBe([
      'NAME                 STATUS    MESSAGE                         ERROR',
      'scheduler            Healthy   ok                              ',
      'controller-manager   Healthy   ok                              ',
      'etcd-0               Healthy   {"health":"true","reason":""}   ',
      '',
    ].join('\n'));
    expect(c.kubectl('get cs scheduler -o name').stdout).toBe('componentstatus/scheduler\n');
  });

  it('all: pods, services, deployments, replica sets, each with its kind', async () => {
    await golden('get-all-default', c.kubectl('get all').stdout);
    expect(c.kubectl('get all -n kube-public').stderr).toBe('No resources found in kube-public namespace.\n');
  });

  it('-L adds a column per label, --ignore-not-found hushes missing names', () => {
    expect(c.kubectl('get deploy -L app,tier').stdout).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE +APP +TIER\nweb +3\/3 +3 +3 +\d+s +web +\n$/);
    expect(c.kubectl('get deploy nope --ignore-not-found')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(c.kubectl('get deploy nope -o yaml')).toMatchObject({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
  });
});
