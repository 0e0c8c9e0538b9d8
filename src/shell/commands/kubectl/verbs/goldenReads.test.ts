import { describe, expect, it } from 'vitest';
import { LiveCluster } from '../testing/live';
import { Transcript } from '../testing/transcript';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

/** The lesson's first app: a 3-replica nginx deployment and a pingpong pod, running for 30 s. */
function apps(): LiveCluster {
  const c = new LiveCluster();
  c.kubectl('create deployment web --image=nginx --replicas=3');
  c.kubectl(['run', 'pingpong', '--image=alpine', '--labels=app=pingpong,tier=debug', '--', 'ping', '1.1.1.1']);
  return c.advance(30_000);
}

const first = (c: LiveCluster, args: string) => c.kubectl(['get', ...args.split(' '), '-o', 'jsonpath={.items[0].metadata.name}']).stdout;

describe('kubectl get: selecting, sorting and shaping the list (goldens)', () => {
  it('-o wide, --show-labels, -l (equality, set, negation), --field-selector', async () => {
    const t = new Transcript(apps());
    t.run(
      'get pods -o wide', 'get pods --show-labels', 'get pods -l app=web', 'get pods -l app!=web', 'get pods -l tier', 'get pods -l app=nope',
      ['get', 'pods', '-l', 'app in (web,pingpong)', '-L', 'tier'], 'get pods -A --field-selector spec.nodeName=node1',
      'get pods -A --field-selector=status.phase=Running,metadata.namespace=default', 'get pods --field-selector metadata.name=pingpong -o name',
      'get pods --field-selector=spec.restartPolicy=Always',
    );
    await golden('get-select-session', t.text);
  });

  it('--sort-by and -o jsonpath / custom-columns as learners script them', async () => {
    const t = new Transcript(apps());
    t.run(
      'get pods -A --sort-by=.metadata.creationTimestamp', 'get pods --sort-by=.status.podIP -o wide', 'get nodes --sort-by=.metadata.name',
      ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'], ['get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'],
      ['get', 'nodes', '-o', 'jsonpath={range .items[*]}{.metadata.name}{": "}{.status.addresses[?(@.type=="InternalIP")].address}{"\\n"}{end}'],
      ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas} {.status.readyReplicas}{"\\n"}'],
      ['get', 'pods', '--sort-by=.metadata.name', '-o', 'custom-columns=POD:.metadata.name,IMAGE:.spec.containers[0].image,NODE:.spec.nodeName'],
      'get pods -l app=web -o name',
    );
    await golden('get-sort-jsonpath-session', t.text);
  });
});

describe('kubectl describe: an app pod and its replica set, with their events (goldens)', () => {
  it('describe pod of a running deployment pod; describe rs; describe pod of the pingpong pod', async () => {
    const c = apps();
    const t = new Transcript(c);
    t.run(`describe pod ${first(c, 'pods -l app=web')}`, `describe rs ${first(c, 'rs')}`, 'describe pod pingpong');
    await golden('describe-app-session', t.text);
  });

  it('get pod -o yaml shows what admission added: the default account and the kube-api-access volume', async () => {
    await golden('get-pod-pingpong-yaml', new Transcript(apps()).run('get pod pingpong -o yaml').text);
  });
});

describe('kubectl errors for unknown resources and missing names (goldens)', () => {
  it('as kubectl v1.27 words them', async () => {
    const t = new Transcript(apps());
    t.run(
      'get foo', 'get pods,foo', 'get pod/web', 'describe foo bar', 'delete foo bar', 'explain foo', 'get pods nope', 'get deploy web nope',
      'describe deploy nope', 'get pods -n nowhere', 'logs nope', 'delete pods', 'delete deployment', 'label pods', 'scale deploy --replicas=2',
      'edit', 'expose deploy', 'rollout status', 'set image', 'set image nginx=nginx:1.25', 'set env', 'get', 'describe',
    );
    await golden('errors-resources-names', t.text);
  });
});
