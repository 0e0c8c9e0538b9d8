import { beforeAll, describe, expect, it } from 'vitest';
import { mustResolve } from '../../../../engine';
import { preloadCommands } from '../../../session/preload';
import { shellOn } from '../../../testing/harness';
import { LiveCluster } from '../testing/live';
import { Playground } from '../testing/playground';

beforeAll(() => preloadCommands());

describe('kubectl run -i -t --rm', () => {
  it('gives a shell inside a throwaway pod, then deletes it', async () => {
    const c = new LiveCluster();
    const sh = shellOn(c.world, 'node1');
    const r = await sh.run('kubectl run -it --rm tester --image=busybox --restart=Never -- sh', { input: 'hostname\nexit\n' });
    expect(r).toMatchObject({ exitCode: 0, output: 'If you don\'t see a command prompt, try pressing enter.\n/ # tester\n/ # pod "tester" deleted\n' });
    expect(c.cluster.store.get(mustResolve('pods'), 'default', 'tester')).toBeUndefined();
  });

  it('shows the output of a command, returns its status; without --rm the pod stays', async () => {
    const c = new LiveCluster();
    const sh = shellOn(c.world, 'node1');
    expect(await sh.run('kubectl run --rm -i --restart=Never hello --image=busybox -- echo hi')).toMatchObject({ exitCode: 0, output: 'hi\npod "hello" deleted\n' });
    expect(await sh.run('kubectl run --rm -i --restart=Never fail --image=busybox -- sh -c "echo oops; exit 2"')).toMatchObject({ exitCode: 2, output: 'oops\npod "fail" deleted\n' });
    const kept = await sh.run('kubectl run -it shell --image=alpine -- sh', { input: 'exit\n' });
    expect(kept.stderr).toContain("Session ended, resume using 'kubectl attach shell -c shell -i -t' command when the pod is running\n");
    expect(c.cluster.store.get(mustResolve('pods'), 'default', 'shell')).toBeDefined();
  });

  it('refuses what kubectl refuses', () => {
    const p = new Playground().init();
    const err = (line: string) => p.kubectl(line).stderr;
    expect(err('run -it x --image=busybox --dry-run=client -o yaml')).toBe("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n");
    expect(err('run -t x --image=busybox')).toBe("error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n");
    expect(err('run --rm x --image=busybox')).toBe("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
  });
});
