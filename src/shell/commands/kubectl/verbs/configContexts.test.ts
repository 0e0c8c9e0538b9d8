import { describe, expect, it } from 'vitest';
import { Playground } from '../testing/playground';

describe('kubectl config contexts', () => {
  it('set-context --current --namespace changes the namespace every verb uses, get-contexts shows it', () => {
    const p = new Playground().init().advance(5_000);
    expect(p.kubectl('config set-context --current --namespace=kube-system').stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(p.kubectl('config get-contexts').stdout).toBe([
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE',
      '*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   kube-system',
      '',
    ].join('\n'));
    expect(p.kubectl('get svc -o name').stdout).toBe('service/kube-dns\n');
    expect(p.kubectl('describe svc kube-dns').stdout).toMatch(/^Name: +kube-dns\nNamespace: +kube-system\n/);
    expect(p.kubectl('get svc -n default -o name').stdout).toBe('service/kubernetes\n');
    expect(p.kubectl('config view --minify -o jsonpath={..namespace}').stdout).toBe('kube-system');
    expect(p.kubectl('config view --minify').stdout).toContain('    namespace: kube-system\n');
  });

  it('a second context: use-context switches, current-context tells, rename and delete', () => {
    const p = new Playground().init();
    expect(p.kubectl('config set-context blue --cluster=kubernetes --user=kubernetes-admin --namespace=blue').stdout).toBe('Context "blue" created.\n');
    expect(p.kubectl('config use-context blue').stdout).toBe('Switched to context "blue".\n');
    expect(p.kubectl('config current-context').stdout).toBe('blue\n');
    expect(p.kubectl('get pods').stderr).toBe('No resources found in blue namespace.\n');
    expect(p.kubectl('config get-contexts -o name').stdout).toBe('blue\nkubernetes-admin@kubernetes\n');
    expect(p.kubectl('config rename-context blue green').stdout).toBe('Context "blue" renamed to "green".\n');
    expect(p.kubectl('config current-context').stdout).toBe('green\n');
    expect(p.kubectl('config rename-context nope x').stderr).toBe('error: cannot rename the context "nope", it\'s not in /root/.kube/config\n');
    expect(p.kubectl('config rename-context green kubernetes-admin@kubernetes').stderr)
      .toBe('error: cannot rename the context "green", the context "kubernetes-admin@kubernetes" already exists in /root/.kube/config\n');
    const del = p.kubectl('config delete-context green');
    expect(del).toMatchObject({
      stdout: 'deleted context green from /root/.kube/config\n',
      stderr: 'warning: this removed your active context, use "kubectl config use-context" to select a different one\n',
    });
    expect(p.kubectl('config delete-context green').stderr).toBe('error: cannot delete context green, not in /root/.kube/config\n');
    expect(p.kubectl('config use-context kubernetes-admin@kubernetes').exitCode).toBe(0);
  });

  it('get-clusters and get-users', () => {
    const p = new Playground().init();
    expect(p.kubectl('config get-clusters').stdout).toBe('NAME\nkubernetes\n');
    expect(p.kubectl('config get-users').stdout).toBe('NAME\nkubernetes-admin\n');
  });
});
