import { describe, expect, it } from 'vitest';
import { adminConf, Playground } from './testing/playground';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

describe('kubectl without a kubeconfig', () => {
  it('get: five memcache.go:265 lines on the virtual clock, then the localhost:8080 message', async () => {
    const p = new Playground();
    const r = p.kubectl('get nodes');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    await golden('no-kubeconfig-get-nodes', r.stderr);
  });

  it('version: the client half on stdout, then the connection error', async () => {
    const p = new Playground();
    const r = p.kubectl('version');
    expect(r.exitCode).toBe(1);
    await golden('no-kubeconfig-version', r.output);
  });

  it('is byte-identical for the same seed', () => {
    expect(new Playground('same').kubectl('get pods').stderr).toBe(new Playground('same').kubectl('get pods').stderr);
  });
});

describe('kubectl with a kubeconfig', () => {
  it('finds the API server through /root/.kube/config, $KUBECONFIG or --kubeconfig', () => {
    const p = new Playground().init();
    expect(p.kubectl('get ns').exitCode).toBe(0);
    p.node1.fs.remove('/root/.kube/config');
    expect(p.kubectl('get ns').exitCode).toBe(1);
    expect(p.kubectl('get ns', { env: { KUBECONFIG: '/nope:/etc/kubernetes/admin.conf' } }).exitCode).toBe(0);
    expect(p.kubectl('--kubeconfig /etc/kubernetes/admin.conf get ns').exitCode).toBe(0);
    expect(p.kubectl('get ns --kubeconfig=/nope')).toMatchObject({ stderr: 'error: stat /nope: no such file or directory\n', exitCode: 1 });
  });

  it('refused: the API server is down', async () => {
    const p = new Playground().init();
    p.stopApiServer();
    const r = p.kubectl('get pods');
    await golden('refused-get-pods', r.stderr.replaceAll(p.node1.ip, '192.168.0.8'));
    const v = p.kubectl('version --short');
    expect(v.stderr.endsWith(`The connection to the server ${p.node1.ip}:6443 was refused - did you specify the right host or port?\n`)).toBe(true);
  });

  it('unreachable: no route to host, after ARP gives up', () => {
    const p = new Playground().init();
    p.node1.fs.writeFile('/root/other.conf', adminConf(p.cluster!, 'https://192.168.0.99:6443'));
    const r = p.kubectl('get nodes --kubeconfig /root/other.conf');
    expect(r.stderr.split('\n').slice(-2)[0]).toBe('Unable to connect to the server: dial tcp 192.168.0.99:6443: connect: no route to host');
    expect(r.elapsedMs).toBeGreaterThanOrEqual(15_000);
  });

  it('x509: an old kubeconfig after kubeadm reset and a new init', async () => {
    const p = new Playground().init();
    const old = p.node1.fs.readFile('/etc/kubernetes/admin.conf');
    p.node1.fs.mkdir('/root/old', { parents: true });
    p.node1.fs.writeFile('/root/old/config', old.ok ? old.value.replace(/certificate-authority-data: \S+/, 'certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMK') : '');
    const r = p.kubectl('get nodes', { env: { KUBECONFIG: '/root/old/config' } });
    await golden('x509-get-nodes', r.stderr.replaceAll(p.node1.ip, '192.168.0.8'));
    expect(p.kubectl('version', { env: { KUBECONFIG: '/root/old/config' } }).stderr.split('\n').slice(-2)[0]).toBe(
      'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "kubernetes")');
  });
});
