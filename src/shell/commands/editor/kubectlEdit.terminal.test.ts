/**
 * `kubectl edit` as a learner meets it in a node's terminal: no $EDITOR set, so vi opens on the live
 * object's YAML (kubectl's comment header first), the learner changes the replicas, `:wq`, and
 * kubectl sends the change; the deployment scales. Quitting without a change cancels.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mustResolve, type Deployment } from '../../../engine';
import { createShellSession, createTerminalSession, preloadCommands, type TerminalShell } from '../../index';
import { LiveCluster } from '../kubectl/testing/live';
import { VirtualScreen } from '../../terminal/testing/screen';

beforeAll(() => preloadCommands());

function terminalOn(c: LiveCluster) {
  const newSession = (): TerminalShell => createShellSession({ world: c.world, host: 'node1', columns: 80 });
  const term = createTerminalSession(newSession(), { newSession, columns: 80, rows: 24 });
  const screen = new VirtualScreen(80, 24);
  term.onWrite((data) => screen.write(data));
  term.start();
  term.resize(80, 24);
  /** Types, then lets the virtual clock run so the command's effects land. */
  const type = (s: string) => {
    term.input(s);
    c.world.advance(100);
  };
  return { term, screen, type };
}

const replicas = (c: LiveCluster) => c.cluster.store.get<Deployment>(mustResolve('deployments'), 'default', 'web')!.spec!.replicas;

describe('kubectl edit in the terminal', () => {
  it('opens vi on the live object, and :wq sends the change', () => {
    const c = new LiveCluster('kubectl-edit-vi');
    const t = terminalOn(c);
    t.type('kubectl create deployment web --image=nginx --replicas=2\r');
    t.type('kubectl edit deployment web\r');
    expect(t.term.rawMode).toBe(true);
    expect(t.screen.viewport()[0]).toBe('# Please edit the object below. Lines beginning with a \'#\' will be ignored,');
    t.type('/replicas: 2\r');
    t.type('$r5');
    t.type(':wq\r');
    expect(t.term.rawMode).toBe(false);
    expect(t.screen.text()).toContain('deployment.apps/web edited\n');
    expect(replicas(c)).toBe(5);
  });

  it('quitting vi without a change cancels the edit', () => {
    const c = new LiveCluster('kubectl-edit-vi-cancel');
    const t = terminalOn(c);
    t.type('kubectl create deployment web --image=nginx --replicas=2\r');
    t.type('kubectl edit deployment web\r');
    t.type(':q\r');
    expect(t.screen.text()).toContain('Edit cancelled, no changes made.\n');
    expect(replicas(c)).toBe(2);
  });

  it('an invalid change reopens vi with the error on top; quitting without a change keeps a copy', () => {
    const c = new LiveCluster('kubectl-edit-vi-invalid');
    const t = terminalOn(c);
    t.type('kubectl create deployment web --image=nginx --replicas=2\r');
    t.type('kubectl edit deployment web\r');
    t.type('/replicas: 2\r');
    t.type('$r-a1\x1b');
    t.type(':wq\r');
    expect(t.term.rawMode).toBe(true);
    expect(t.screen.viewport().slice(3, 7)).toEqual([
      '#',
      '# deployments.apps "web" was not valid:',
      '# * spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      '#',
    ]);
    t.type(':q\r');
    expect(t.term.rawMode).toBe(false);
    const text = t.screen.text();
    expect(text).toContain('error: deployments.apps "web" is invalid\n');
    expect(text).toMatch(/A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n/);
    expect(replicas(c)).toBe(2);
  });
});
