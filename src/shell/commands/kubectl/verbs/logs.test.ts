import { describe, expect, it } from 'vitest';
import { LiveCluster } from '../testing/live';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);
const lines = (text: string) => text.split('\n').filter(Boolean);

/** A 2-replica pingpong deployment (alpine pinging 1.1.1.1), running for a while. */
function pingpong() {
  const c = new LiveCluster();
  c.kubectl(['create', 'deployment', 'pingpong', '--image=alpine', '--replicas=2', '--', 'ping', '1.1.1.1']);
  c.advance(40_000);
  const pods = c.kubectl(['get', 'pods', '-l', 'app=pingpong', '-o', 'jsonpath={.items[*].metadata.name}']).stdout.split(' ');
  return { c, pods };
}

describe('kubectl logs', () => {
  it('a pod, a deployment (one of its pods, said on stderr), --tail, --timestamps, --since', async () => {
    const { c, pods } = pingpong();
    const all = c.kubectl(`logs ${pods[0]}`).stdout;
    expect(all).toMatch(/^PING 1\.1\.1\.1 \(1\.1\.1\.1\): 56 data bytes\n64 bytes from 1\.1\.1\.1: seq=0 ttl=\d+ time=[\d.]+ ms\n/);
    const byDeploy = c.kubectl('logs deploy/pingpong --tail 1');
    expect(byDeploy.stderr).toMatch(/^Found 2 pods, using pod\/pingpong-\w+-\w{5}\n$/);
    expect(byDeploy.stdout).toMatch(/^64 bytes from 1\.1\.1\.1: seq=\d+ ttl=\d+ time=[\d.]+ ms\n$/);
    await golden('logs-timestamps', c.kubectl(`logs ${pods[1]} --timestamps --tail=2`).stdout);
    expect(lines(c.kubectl(`logs ${pods[0]} --since=5s`).stdout).length).toBeGreaterThanOrEqual(4);
    expect(lines(c.kubectl(`logs ${pods[0]} --since=5s`).stdout).length).toBeLessThanOrEqual(6);
    expect(lines(c.kubectl(`logs ${pods[0]} --tail=3`).stdout)).toEqual(lines(all).slice(-3));
  });

  it('-l reads every matching pod (10 lines each by default), --prefix says where each line comes from', () => {
    const { c, pods } = pingpong();
    const r = c.kubectl('logs -l app=pingpong --prefix');
    expect(lines(r.stdout)).toHaveLength(20);
    expect(lines(r.stdout).slice(0, 10).every((l) => l.startsWith(`[pod/${pods[0]}/alpine] 64 bytes`))).toBe(true);
    expect(c.kubectl('logs -l app=nope').stderr).toBe('No resources found in default namespace.\n');
    expect(c.kubectl('logs -l app=pingpong -f --max-log-requests=1')).toMatchObject({
      stderr: 'error: you are attempting to follow 2 log streams, but maximum allowed concurrency is 1, use --max-log-requests to increase the limit\n',
      exitCode: 1,
    });
  });

  it('-f prints new lines as they come until Ctrl+C, and returns when the container ends', () => {
    const { c, pods } = pingpong();
    const r = c.kubectl(`logs -f --tail=0 ${pods[0]}`, { interruptAfterMs: 3_500 });
    expect(r.exitCode).toBe(130);
    expect(lines(r.stdout)).toHaveLength(3);
    c.world.clock.schedule(2_000, () => { c.kubectl(`delete pod ${pods[0]} --wait=false`); });
    const ended = c.kubectl(`logs -f --tail=0 ${pods[0]}`, { maxMs: 60_000 });
    expect(ended.exitCode).toBe(0);
    expect(ended.elapsedMs).toBeGreaterThanOrEqual(2_000);
  });

  it('several containers: the first one, said on stderr; -c picks; a wrong name is the server\'s BadRequest', () => {
    const c = new LiveCluster();
    const weave = c.kubectl(['get', 'pods', '-n', 'kube-system', '-l', 'name=weave-net', '-o', 'jsonpath={.items[0].metadata.name}']).stdout;
    expect(c.kubectl(`logs -n kube-system ${weave}`).stderr).toBe('Defaulted container "weave" out of: weave, weave-npc, weave-init (init)\n');
    expect(c.kubectl(`logs -n kube-system ${weave} -c weave-npc`).stderr).toBe('');
    expect(c.kubectl(`logs -n kube-system ${weave} weave-npc`).stderr).toBe('');
    expect(c.kubectl(`logs -n kube-system ${weave} -c nope`)).toMatchObject({ stderr: `Error from server (BadRequest): container nope is not valid for pod ${weave}\n`, exitCode: 1 });
  });

  it('the kubelet\'s errors: waiting to start, no previous instance, no pod; usage errors', () => {
    const c = new LiveCluster();
    c.kubectl('create deployment web --image=nginx');
    c.advance(1_500);
    const web = c.kubectl(['get', 'pods', '-o', 'jsonpath={.items[0].metadata.name}']).stdout;
    expect(c.kubectl(`logs ${web}`).stderr).toBe(`Error from server (BadRequest): container "nginx" in pod "${web}" is waiting to start: ContainerCreating\n`);
    c.advance(30_000);
    expect(c.kubectl(`logs ${web} --previous`)).toMatchObject({ stderr: `Error from server (BadRequest): previous terminated container "nginx" in pod "${web}" not found\n`, exitCode: 1 });
    expect(c.kubectl('logs nope').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(c.kubectl('logs deploy/nope').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(c.kubectl('logs').stderr).toBe("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
    expect(c.kubectl(`logs -l app=web ${web}`).stderr).toBe("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n");
    expect(c.kubectl(`logs ${web} --since=abc`).stderr).toBe('error: invalid argument "abc" for "--since" flag: time: invalid duration "abc"\n');
  });

  it('--previous after a crash: what the container printed before it restarted', () => {
    const c = new LiveCluster();
    c.kubectl(['run', 'crash', '--image=busybox', '--', 'sh', '-c', 'echo starting; sleep 2; echo giving up; exit 1']);
    c.advance(30_000);
    expect(c.kubectl('get pod crash -o jsonpath={.status.containerStatuses[0].restartCount}').stdout).not.toBe('0');
    expect(c.kubectl('logs crash --previous').stdout).toBe('starting\ngiving up\n');
  });

  it('waits for a deployment\'s first pod, then gives up as kubectl does', () => {
    const c = new LiveCluster();
    c.kubectl('create deployment web --image=nginx --replicas=0');
    const r = c.kubectl('logs deploy/web --pod-running-timeout=5s');
    expect(r).toMatchObject({ stderr: 'error: timed out waiting for the condition\n', exitCode: 1 });
    expect(r.elapsedMs).toBeGreaterThanOrEqual(5_000);
  });
});
