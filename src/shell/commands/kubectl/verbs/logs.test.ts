import { describe, expect, it } from 'vitest';
import { mustResolve, type Pod } from '../../../../engine';
import { LiveCluster } from '../testing/live';
import { StubPodRuntime } from '../testing/podRuntimeStub';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

/** A 2-replica pingpong deployment whose pods each logged three ping lines. */
function pingpong() {
  const c = new LiveCluster();
  const rt = new StubPodRuntime(c.world);
  c.kubectl(['create', 'deployment', 'pingpong', '--image=alpine', '--replicas=2', '--', 'ping', '1.1.1.1']);
  c.advance(30_000);
  const pods = c.cluster.store.list<Pod>(mustResolve('pods'), { namespace: 'default' }).map((p) => p.metadata.name);
  for (const [i, name] of pods.entries()) {
    const log = rt.logFor('default', name, 'alpine');
    log.push(c.world.wallNow() - 3_000, 'PING 1.1.1.1 (1.1.1.1): 56 data bytes');
    for (let seq = 0; seq < 2; seq++) log.push(c.world.wallNow() - 2_000 + seq * 1_000, `64 bytes from 1.1.1.1: seq=${seq} ttl=57 time=${i + 1}.${seq}04 ms`);
  }
  return { c, rt, pods };
}

describe('kubectl logs', () => {
  it('a pod, a deployment (one of its pods, said on stderr), --tail, --timestamps', async () => {
    const { c, pods } = pingpong();
    expect(c.kubectl(`logs ${pods[0]}`).stdout).toBe('PING 1.1.1.1 (1.1.1.1): 56 data bytes\n64 bytes from 1.1.1.1: seq=0 ttl=57 time=1.004 ms\n64 bytes from 1.1.1.1: seq=1 ttl=57 time=1.104 ms\n');
    const byDeploy = c.kubectl('logs deploy/pingpong --tail 1');
    expect(byDeploy.stderr).toMatch(/^Found 2 pods, using pod\/pingpong-\w+-\w{5}\n$/);
    expect(byDeploy.stdout).toMatch(/^64 bytes from 1\.1\.1\.1: seq=1 ttl=57 time=\d\.104 ms\n$/);
    await golden('logs-timestamps', c.kubectl(`logs ${pods[1]} --timestamps --tail=2`).stdout);
    expect(c.kubectl(`logs ${pods[0]} --since=90s`).stdout.split('\n').filter(Boolean)).toHaveLength(3);
    expect(c.kubectl(`logs ${pods[0]} --since=2500ms`).stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('-l reads every matching pod (10 lines each by default), --prefix says where each line comes from', () => {
    const { c, pods } = pingpong();
    const r = c.kubectl('logs -l app=pingpong --prefix --tail=1');
    expect(r.stdout).toBe(pods.map((p, i) => `[pod/${p}/alpine] 64 bytes from 1.1.1.1: seq=1 ttl=57 time=${i + 1}.104 ms\n`).join(''));
    expect(c.kubectl('logs -l app=nope').stderr).toBe('No resources found in default namespace.\n');
    expect(c.kubectl('logs -l app=pingpong -f --max-log-requests=1')).toMatchObject({
      stderr: 'error: you are attempting to follow 2 log streams, but maximum allowed concurrency is 1, use --max-log-requests to increase the limit\n',
      exitCode: 1,
    });
  });

  it('-f prints new lines as they come until Ctrl+C, and returns when the container ends', () => {
    const { c, rt, pods } = pingpong();
    const log = rt.logFor('default', pods[0]!, 'alpine');
    for (let s = 1; s <= 3; s++) c.world.clock.schedule(s * 1_000, () => log.push(c.world.wallNow(), `64 bytes from 1.1.1.1: seq=${s + 1} ttl=57 time=1.0 ms`));
    const r = c.kubectl(`logs -f --tail=0 ${pods[0]}`, { interruptAfterMs: 5_000 });
    expect(r).toMatchObject({ exitCode: 130, stdout: [2, 3, 4].map((s) => `64 bytes from 1.1.1.1: seq=${s} ttl=57 time=1.0 ms\n`).join('') });
    c.world.clock.schedule(2_000, () => log.end());
    const ended = c.kubectl(`logs -f --tail=0 ${pods[0]}`);
    expect(ended).toMatchObject({ exitCode: 0, stdout: '' });
    expect(ended.elapsedMs).toBeGreaterThanOrEqual(2_000);
  });

  it('several containers: the first one, said on stderr; -c picks; a wrong name is the server\'s BadRequest', () => {
    const c = new LiveCluster();
    new StubPodRuntime(c.world);
    const weave = c.kubectl(['get', 'pods', '-n', 'kube-system', '-l', 'name=weave-net', '-o', 'jsonpath={.items[0].metadata.name}']).stdout;
    expect(c.kubectl(`logs -n kube-system ${weave}`).stderr).toBe('Defaulted container "weave" out of: weave, weave-npc, weave-init (init)\n');
    expect(c.kubectl(`logs -n kube-system ${weave} -c weave-npc`).stderr).toBe('');
    expect(c.kubectl(`logs -n kube-system ${weave} weave-npc`).stderr).toBe('');
    expect(c.kubectl(`logs -n kube-system ${weave} -c nope`)).toMatchObject({ stderr: `Error from server (BadRequest): container nope is not valid for pod ${weave}\n`, exitCode: 1 });
  });

  it('the kubelet\'s errors: waiting to start, no previous instance, no pod; usage errors', () => {
    const c = new LiveCluster();
    new StubPodRuntime(c.world);
    c.kubectl('create deployment web --image=nginx');
    c.advance(1_500);
    const web = c.kubectl(['get', 'pods', '-o', 'jsonpath={.items[0].metadata.name}']).stdout;
    expect(c.kubectl(`logs ${web}`).stderr).toMatch(new RegExp(`^Error from server \\(BadRequest\\): container "nginx" in pod "${web}" is waiting to start: (ContainerCreating|ErrImagePull)\\n$`));
    c.advance(30_000);
    expect(c.kubectl(`logs ${web} --previous`)).toMatchObject({ stderr: `Error from server (BadRequest): previous terminated container "nginx" in pod "${web}" not found\n`, exitCode: 1 });
    expect(c.kubectl('logs nope').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(c.kubectl('logs deploy/nope').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(c.kubectl('logs').stderr).toBe("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
    expect(c.kubectl(`logs -l app=web ${web}`).stderr).toBe("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n");
    expect(c.kubectl(`logs ${web} --since=abc`).stderr).toBe('error: invalid argument "abc" for "--since" flag: time: invalid duration "abc"\n');
  });

  it('waits for a deployment\'s first pod, then gives up as kubectl does', () => {
    const c = new LiveCluster();
    new StubPodRuntime(c.world);
    c.kubectl('create deployment web --image=nginx --replicas=0');
    const r = c.kubectl('logs deploy/web --pod-running-timeout=5s');
    expect(r).toMatchObject({ stderr: 'error: timed out waiting for the condition\n', exitCode: 1 });
    expect(r.elapsedMs).toBeGreaterThanOrEqual(5_000);
  });
});
