import { describe, expect, it } from 'vitest';
import { LiveCluster } from '../testing/live';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

/** A watch started now, with a pod of deployment web deleted 2 s in; Ctrl+C after `ms`. */
function watchWhileDeleting(args: string, ms = 20_000) {
  const c = new LiveCluster();
  c.kubectl('create deployment web --image=nginx --replicas=2');
  c.advance(30_000);
  const victim = c.kubectl(['get', 'pods', '-o', 'jsonpath={.items[0].metadata.name}']).stdout;
  c.world.clock.schedule(2_000, () => { c.kubectl(`delete pod ${victim} --wait=false`); });
  return { c, victim, r: c.kubectl(args, { interruptAfterMs: ms }) };
}

describe('kubectl get -w', () => {
  it('lists, then prints a row per change: the pod terminating, its replacement coming up', async () => {
    const { r } = watchWhileDeleting('get pods -w');
    expect(r.exitCode).toBe(130);
    await golden('get-pods-watch-replace', r.stdout);
  });

  it('--watch-only skips the listing; --output-watch-events names each change', async () => {
    const { r } = watchWhileDeleting('get pods --watch-only --output-watch-events');
    await golden('get-pods-watch-only-events', r.stdout);
    expect(r.stdout.split('\n')[0]).toMatch(/^EVENT +NAME +READY +STATUS +RESTARTS +AGE$/);
  });

  it('other printers print each object as it changes', () => {
    const { r, victim } = watchWhileDeleting('get pods -w -o name');
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines.slice(0, 2).every((l) => l.startsWith('pod/web-'))).toBe(true);
    expect(lines).toContain(`pod/${victim}`);
    const json = watchWhileDeleting('get pods --watch-only --output-watch-events -o json').r.stdout.split('\n').filter(Boolean);
    expect(json.map((l) => (JSON.parse(l) as { type: string }).type)).toContain('DELETED');
    const yaml = watchWhileDeleting('get pods -w -o yaml', 5_000).r.stdout;
    expect(yaml.split('\n---\n').length).toBeGreaterThan(2);
  });

  it('follows one object by name, or a field selector', () => {
    const { r, victim } = watchWhileDeleting('get pods -w --field-selector=status.phase=Running -o name');
    expect(r.stdout.split('\n').filter(Boolean).filter((l) => l === `pod/${victim}`).length).toBeGreaterThanOrEqual(2);
  });

  it('watches one type only, and ignores --sort-by', () => {
    const c = new LiveCluster();
    expect(c.kubectl('get pods,svc -w')).toMatchObject({ stderr: 'error: you may only specify a single resource type\n', exitCode: 1 });
    expect(c.kubectl('get ns -w --sort-by=.metadata.name', { interruptAfterMs: 500 }).stderr).toBe('warning: --watch or --watch-only requested, --sort-by will be ignored\n');
  });
});
