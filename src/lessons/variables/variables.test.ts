import { describe, expect, it } from 'vitest';
import { addBootstrapToken, clusterOnNode1, freshWorld } from '../testing/engineStates';
import { resolveCommand, variablesIn } from './template';

describe('{{joinCommand}}', () => {
  it('reads the token Secret, the endpoint and the CA hash from the cluster', () => {
    const { world, cluster } = clusterOnNode1();
    addBootstrapToken(cluster, 'k3x9qa', '7m2p4r8s1t5v6w0y', world.wallNow() + 24 * 3600_000);
    const r = resolveCommand('{{joinCommand}}', world, 'en');
    expect(r).toEqual({
      ok: true,
      command: `kubeadm join ${world.host('node1')!.ip}:6443 --token k3x9qa.7m2p4r8s1t5v6w0y --discovery-token-ca-cert-hash ${cluster.ca.hash}`,
    });
    expect(cluster.ca.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('skips expired tokens and prefers the newest one', () => {
    const { world, cluster } = clusterOnNode1();
    addBootstrapToken(cluster, 'old111', 'aaaaaaaaaaaaaaaa', world.wallNow() + 1000);
    world.advance(5000);
    expect(resolveCommand('{{joinToken}}', world, 'en').ok).toBe(false);
    addBootstrapToken(cluster, 'new222', 'bbbbbbbbbbbbbbbb', world.wallNow() + 3600_000);
    expect(resolveCommand('{{joinToken}}', world, 'en')).toEqual({ ok: true, command: 'new222.bbbbbbbbbbbbbbbb' });
  });

  it('says what to do when there is no cluster or no valid token, in the learner language', () => {
    expect(resolveCommand('{{joinCommand}}', freshWorld(), 'en')).toEqual({
      ok: false, variable: 'joinCommand', message: 'There is no cluster yet: run kubeadm init on node1 first.',
    });
    expect(resolveCommand('{{joinCommand}}', freshWorld(), 'es')).toMatchObject({ ok: false, message: 'Todavía no hay clúster: ejecuta primero kubeadm init en node1.' });
    const { world } = clusterOnNode1();
    expect(resolveCommand('{{joinCommand}}', world, 'en')).toMatchObject({ ok: false, message: expect.stringContaining('kubeadm token create --print-join-command') });
  });
});

describe('template syntax', () => {
  it('finds variables with their line, and leaves Go template actions alone', () => {
    expect(variablesIn('echo {{apiServerEndpoint}}\n{{ joinCommand }}')).toEqual([
      { name: 'apiServerEndpoint', lineOffset: 0 },
      { name: 'joinCommand', lineOffset: 1 },
    ]);
    const goTemplate = `kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`;
    expect(variablesIn(goTemplate)).toEqual([]);
    expect(resolveCommand(goTemplate, freshWorld(), 'en')).toEqual({ ok: true, command: goTemplate });
  });

  it('resolves several variables in one command', () => {
    const { world, cluster } = clusterOnNode1();
    expect(resolveCommand('curl -k https://{{apiServerEndpoint}} # {{caCertHash}}', world, 'en')).toEqual({
      ok: true, command: `curl -k https://${cluster.endpoint} # ${cluster.ca.hash}`,
    });
  });
});
