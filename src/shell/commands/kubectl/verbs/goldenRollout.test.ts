import { describe, expect, it } from 'vitest';
import { LiveCluster } from '../testing/live';
import { Transcript } from '../testing/transcript';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

/** A 3-replica nginx:1.24 deployment, rolled out. */
function web(): LiveCluster {
  const c = new LiveCluster();
  c.kubectl('create deployment web --image=nginx:1.24 --replicas=3');
  return c.advance(30_000);
}

describe('kubectl set image and rollout: a learner\'s rolling update (goldens)', () => {
  it('set image, rollout status until done, history, undo back to 1.24', async () => {
    const t = new Transcript(web());
    t.run('set image deployment/web nginx=nginx:1.25', 'rollout status deployment/web', 'get rs', 'rollout history deployment/web');
    t.run('rollout undo deployment/web', 'rollout status deployment/web', 'rollout history deployment/web', 'get deploy web -o wide');
    t.run('set image deploy/web nginx=nginx:1.24', 'rollout undo deployment/web --to-revision=2', 'rollout status deploy/web');
    await golden('rollout-update-session', t.text);
  });

  it('the workshop\'s missing worker v0.3: the rollout stalls, the old pods keep working, undo repairs it', async () => {
    const c = new LiveCluster();
    c.kubectl('create deployment worker --image=dockercoins/worker:v0.1 --replicas=3');
    c.advance(40_000);
    const t = new Transcript(c);
    t.run('set image deployment/worker worker=dockercoins/worker:v0.3').wait(30_000).run('get pods', 'rollout status deployment/worker --timeout=5s');
    t.run('rollout undo deployment/worker').wait(30_000).run('rollout status deployment/worker', 'get pods');
    await golden('rollout-broken-image-session', t.text);
  });

  it('restart replaces the pods; pause holds changes until resume', async () => {
    const t = new Transcript(web());
    t.run('rollout restart deployment/web', 'rollout status deployment/web', 'get pods');
    t.run('rollout pause deployment/web', 'set image deployment/web nginx=nginx:1.25', 'set env deployment/web COLOR=blue').wait(10_000);
    t.run('get rs', 'rollout status deployment/web --timeout=3s', 'rollout resume deployment/web', 'rollout status deployment/web', 'rollout history deployment/web');
    await golden('rollout-restart-pause-session', t.text);
  });
});
