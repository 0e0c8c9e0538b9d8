import { describe, expect, it } from 'vitest';
import { mustResolve, type Node, type World } from '../../../engine';
import { shellOn, testWorld, type TestShell } from '../../testing/harness';

const SEED = 'kubeadm-golden';
const FIVE_MINUTES = 5 * 60 * 1000;

interface Lab {
  readonly world: World;
  readonly node1: TestShell;
  readonly node2: TestShell;
}

function lab(seed = SEED): Lab {
  const world = testWorld({ seed });
  return { world, node1: shellOn(world, 'node1'), node2: shellOn(world, 'node2') };
}

/** The lesson's first step, as typed. */
async function init(l: Lab): Promise<{ output: string; join: string }> {
  const r = await l.node1.run('kubeadm init --apiserver-advertise-address $(hostname -i)');
  expect(r.exitCode).toBe(0);
  const m = /(kubeadm join \S+ --token \S+) \\\n\t(--discovery-token-ca-cert-hash \S+) \n/.exec(r.stdout);
  if (!m) throw new Error(`no join command in:\n${r.output}`);
  return { output: r.output, join: `${m[1]} ${m[2]}` };
}

function nodes(world: World): string[] {
  const cluster = world.clusters[0];
  if (!cluster) return [];
  return cluster.store.list<Node>(mustResolve('nodes')).map((n) => {
    const ready = n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    return `${n.metadata.name} ${ready ? 'Ready' : 'NotReady'}`;
  });
}

/** Replaces what the seed makes (token, hash) so a golden file reads as a specimen. */
function masked(text: string, l: Lab): string {
  return text.replaceAll(l.world.host('node1')!.ip, '<node1-ip>').replaceAll(l.world.host('node2')!.ip, '<node2-ip>');
}

describe('kubeadm init', () => {
  it('prints v1.27 phases, waits for the control plane, and ends with the join command (golden)', async () => {
    const l = lab();
    const start = l.world.now();
    const { output } = await init(l);
    await expect(masked(output, l)).toMatchFileSnapshot('golden/init.txt');
    const seconds = (l.world.now() - start) / 1000;
    expect(seconds).toBeGreaterThan(20);
    expect(seconds).toBeLessThan(60);
    const cluster = l.world.clusters[0]!;
    expect(output).toContain(`--discovery-token-ca-cert-hash ${cluster.ca.hash} \n`);
    expect(output).toMatch(/\[bootstrap-token\] Using token: [a-z0-9]{6}\.[a-z0-9]{16}\n/);
    expect(nodes(l.world)).toEqual(['node1 NotReady']);
  });

  it('prints the PWK wrapper line only the first time kubeadm runs on a host', async () => {
    const l = lab();
    expect((await l.node1.run('kubeadm version -o short')).stdout).toBe('Initializing machine ID from random generator.\nv1.27.2\n');
    expect((await l.node1.run('kubeadm version -o short')).stdout).toBe('v1.27.2\n');
  });

  it('refuses a second init with the preflight errors kubeadm prints (golden)', async () => {
    const l = lab();
    await init(l);
    const r = await l.node1.run('kubeadm init');
    expect(r.exitCode).toBe(1);
    await expect(r.output).toMatchFileSnapshot('golden/init-twice.txt');
    expect(l.world.clusters).toHaveLength(1);
  });

  it('re-run with --ignore-preflight-errors=all, reuses what is on disk and the running cluster', async () => {
    const l = lab();
    await init(l);
    const r = await l.node1.run('kubeadm init --ignore-preflight-errors=all');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('\t[WARNING Port-6443]: Port 6443 is in use\n');
    expect(r.stdout).toContain('[certs] Using existing ca certificate authority\n');
    expect(r.stdout).toContain('[kubeconfig] Using existing kubeconfig file: "/etc/kubernetes/admin.conf"\n');
    expect(r.stdout).toContain('Your Kubernetes control-plane has initialized successfully!');
    expect(l.world.clusters).toHaveLength(1);
    expect(nodes(l.world)).toEqual(['node1 NotReady']);
  });

  it('rejects an advertise address that is not an IP', async () => {
    const l = lab();
    const r = await l.node1.run('kubeadm init --apiserver-advertise-address node1');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('couldn\'t use "node1" as "apiserver-advertise-address", must be ipv4 or ipv6 address\nTo see the stack trace of this error execute with --v=5 or higher\n');
    expect(l.world.clusters).toHaveLength(0);
  });

  it('times out when the advertise address is not one of this host\'s: etcd cannot bind it', async () => {
    const l = lab();
    const start = l.world.now();
    const r = await l.node1.run('kubeadm init --apiserver-advertise-address 192.168.0.250');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('[kubelet-check] Initial timeout of 40s passed.\n');
    expect(r.stdout).toContain('\tThe kubelet is not running\n'.replace('\tThe', '\t- The'));
    expect(r.stderr).toBe("error execution phase wait-control-plane: couldn't initialize a Kubernetes cluster\nTo see the stack trace of this error execute with --v=5 or higher\n");
    expect(l.world.now() - start).toBeGreaterThanOrEqual(4 * 60 * 1000);
  });

  it('uses --token and --pod-network-cidr', async () => {
    const l = lab();
    const r = await l.node1.run('kubeadm init --token abcdef.0123456789abcdef --pod-network-cidr 10.5.0.0/16');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('--token abcdef.0123456789abcdef \\\n');
    l.world.advance(5_000);
    const node = l.world.clusters[0]!.store.get<Node>(mustResolve('nodes'), undefined, 'node1')!;
    expect(node.spec?.podCIDR).toBe('10.5.0.0/24');
    expect((await l.node1.run('kubeadm init --token nope')).stderr).toContain('the bootstrap token "nope" was not of the form');
  });

  it('--dry-run changes nothing', async () => {
    const l = lab();
    const r = await l.node1.run('kubeadm init --dry-run');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('[dryrun] Finished dry-running successfully.');
    expect(l.world.clusters).toHaveLength(0);
    expect(l.node1.readFile('/etc/kubernetes/admin.conf')).toBeUndefined();
  });
});

describe('kubeadm join', () => {
  it('joins node2 with the printed command (golden); node2 registers NotReady', async () => {
    const l = lab();
    const { join } = await init(l);
    const r = await l.node2.run(join);
    expect(r.exitCode).toBe(0);
    await expect(masked(r.output, l)).toMatchFileSnapshot('golden/join.txt');
    expect(nodes(l.world)).toEqual(['node1 NotReady', 'node2 NotReady']);
    expect(l.node2.readFile('/etc/kubernetes/kubelet.conf')).toContain('client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem');
  });

  const failures: ReadonlyArray<readonly [string, (join: string, l: Lab) => string, RegExp, 'at once' | 'after 5 minutes']> = [
    ['an unknown token', (j) => j.replace(/--token [a-z0-9]{6}/, '--token zzzzzz'),
      /^error execution phase preflight: couldn't validate the identity of the API Server: could not find a JWS signature in the cluster-info ConfigMap for token ID "zzzzzz"\n/, 'after 5 minutes'],
    ['a wrong token secret', (j) => j.replace(/(--token [a-z0-9]{6}\.)[a-z0-9]{16}/, '$10000000000000000'),
      /^error execution phase preflight: couldn't validate the identity of the API Server: failed to verify JWS signature of received cluster info object, can't trust this API Server\n/, 'at once'],
    ['a wrong CA hash', (j) => j.replace(/sha256:[0-9a-f]{64}/, `sha256:${'0'.repeat(64)}`),
      /^error execution phase preflight: couldn't validate the identity of the API Server: cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "sha256:[0-9a-f]{64}" are pinned\n/, 'at once'],
    ['an address nobody has', (j) => j.replace(/\d+\.\d+\.\d+\.\d+:6443/, '192.168.0.250:6443'),
      /^error execution phase preflight: couldn't validate the identity of the API Server: Get "https:\/\/192\.168\.0\.250:6443\/api\/v1\/namespaces\/kube-public\/configmaps\/cluster-info\?timeout=10s": dial tcp 192\.168\.0\.250:6443: connect: no route to host\n/, 'after 5 minutes'],
    ['node2\'s own address', (j, l) => j.replace(/\d+\.\d+\.\d+\.\d+:6443/, `${l.world.host('node2')!.ip}:6443`),
      /connect: connection refused\n/, 'after 5 minutes'],
    ['a malformed token', (j) => j.replace(/--token \S+/, '--token abc'),
      /^\[discovery\.bootstrapToken\.token: Invalid value: "abc": the bootstrap token is invalid, discovery\.tlsBootstrapToken: Invalid value: "abc": the bootstrap token is invalid\]\n/, 'at once'],
    ['no CA hash', (j) => j.replace(/ --discovery-token-ca-cert-hash \S+/, ''),
      /^discovery\.bootstrapToken\.caCertHashes: Invalid value: "": using token-based discovery without caCertHashes can be unsafe\./, 'at once'],
  ];

  for (const [what, edit, error, when] of failures) {
    it(`fails on ${what} ${when}, in kubeadm's words, and changes nothing`, async () => {
      const l = lab();
      const { join } = await init(l);
      const start = l.world.now();
      const r = await l.node2.run(edit(join, l));
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(error);
      expect(r.stderr.endsWith('To see the stack trace of this error execute with --v=5 or higher\n')).toBe(true);
      const waited = l.world.now() - start;
      if (when === 'at once') expect(waited).toBeLessThan(5_000);
      else expect(waited).toBeGreaterThanOrEqual(FIVE_MINUTES);
      expect(l.world.host('node2')!.kubelet).toBeUndefined();
      expect(l.node2.readFile('/etc/kubernetes/kubelet.conf')).toBeUndefined();
      expect(l.node2.readFile('/etc/kubernetes/pki/ca.crt')).toBeUndefined();
      expect(nodes(l.world)).toEqual(['node1 NotReady']);
    });
  }

  it('refuses an expired token', async () => {
    const l = lab();
    await init(l);
    const created = await l.node1.run('kubeadm token create --ttl 1m --print-join-command');
    l.world.advance(61_000);
    const r = await l.node2.run(created.stdout.trim());
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('could not find a JWS signature in the cluster-info ConfigMap');
  });

  it('refuses to join twice, or on the control-plane host, with preflight errors (golden)', async () => {
    const l = lab();
    const { join } = await init(l);
    expect((await l.node2.run(join)).exitCode).toBe(0);
    const twice = await l.node2.run(join);
    expect(twice.exitCode).toBe(1);
    const onControlPlane = await l.node1.run(join);
    expect(onControlPlane.exitCode).toBe(1);
    await expect(`$ ${'kubeadm join (again, on node2)'}\n${twice.output}\n$ kubeadm join (on node1)\n${onControlPlane.output}`)
      .toMatchFileSnapshot('golden/join-refused.txt');
  });
});

describe('kubeadm token', () => {
  it('create --print-join-command prints one line with kubeadm\'s trailing space, and it works', async () => {
    const l = lab();
    await init(l);
    const r = await l.node1.run('kubeadm token create --print-join-command');
    const cluster = l.world.clusters[0]!;
    expect(r.stdout).toMatch(new RegExp(`^kubeadm join ${cluster.endpoint.replaceAll('.', '\\.')} --token [a-z0-9]{6}\\.[a-z0-9]{16} --discovery-token-ca-cert-hash ${cluster.ca.hash} \\n$`));
    expect((await l.node2.run(r.stdout)).exitCode).toBe(0);
  });

  it('list shows kubeadm\'s table (golden); generate prints a token; delete removes one', async () => {
    const l = lab();
    await init(l);
    await l.node1.run('kubeadm token create abcdef.0123456789abcdef --ttl 2h --description "for node2"');
    const list = await l.node1.run('kubeadm token list');
    await expect(list.stdout).toMatchFileSnapshot('golden/token-list.txt');
    expect((await l.node1.run('kubeadm token generate')).stdout).toMatch(/^[a-z0-9]{6}\.[a-z0-9]{16}\n$/);
    expect((await l.node1.run('kubeadm token delete abcdef')).stdout).toBe('bootstrap token "abcdef" deleted\n');
    expect((await l.node1.run('kubeadm token list')).stdout).not.toContain('abcdef.');
  });

  it('needs the admin kubeconfig', async () => {
    const l = lab();
    await init(l);
    const r = await l.node2.run('kubeadm token list');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: no such file or directory\nTo see the stack trace of this error execute with --v=5 or higher\n');
  });
});

describe('kubeadm reset', () => {
  it('asks first, and does nothing unless told y', async () => {
    const l = lab();
    await init(l);
    const r = await l.node1.run('kubeadm reset', { input: 'n\n' });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('[reset] Are you sure you want to proceed? [y/N]: ');
    expect(r.stderr).toContain("error execution phase preflight: won't proceed; the user didn't answer (Y|y) in order to continue\n");
    expect(l.world.clusters).toHaveLength(1);
  });

  it('on a worker: stops the kubelet and removes its files, keeps the CNI config and the Node (golden)', async () => {
    const l = lab();
    const { join } = await init(l);
    await l.node2.run(join);
    l.world.host('node2')!.fs.writeFile('/etc/cni/net.d/10-weave.conflist', '{}\n');
    const r = await l.node2.run('kubeadm reset', { input: 'y\n' });
    expect(r.exitCode).toBe(0);
    await expect(r.output.replace(/^W\d{4} [\d:.]+ +\d+ /gm, 'W0000 00:00:00.000000    pid ')).toMatchFileSnapshot('golden/reset-worker.txt');
    expect(l.world.host('node2')!.kubelet).toBeUndefined();
    expect(l.world.network.isListening('node2', 10250)).toBe(false);
    expect(l.node2.readFile('/etc/kubernetes/kubelet.conf')).toBeUndefined();
    expect(l.node2.readFile('/etc/cni/net.d/10-weave.conflist')).toBe('{}\n');
    expect(nodes(l.world)).toContain('node2 NotReady');
    expect((await l.node2.run(join)).exitCode).toBe(0);
  });

  it('on the control plane with -f: the cluster is gone, and a new init works', async () => {
    const l = lab();
    const first = await init(l);
    const r = await l.node1.run('kubeadm reset -f');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain('Are you sure');
    expect(r.stdout).toContain('[reset] Deleted contents of the etcd data directory: /var/lib/etcd\n');
    expect(r.stdout).toContain('The reset process does not clean CNI configuration. To do so, you must remove /etc/cni/net.d\n');
    expect(l.world.clusters).toHaveLength(0);
    expect(l.world.network.isListening('node1', 6443)).toBe(false);
    expect(l.node1.readFile('/etc/kubernetes/manifests/kube-apiserver.yaml')).toBeUndefined();
    const second = await init(l);
    expect(second.join).not.toBe(first.join);
  });
});

describe('kubeadm version, config, help', () => {
  it('prints its version as kubeadm v1.27.2 does', async () => {
    const l = lab();
    await l.node1.run('true');
    const long = await l.node1.run('kubeadm version');
    expect(long.stdout).toContain('kubeadm version: &version.Info{Major:"1", Minor:"27", GitVersion:"v1.27.2", GitCommit:"7f6f68fdabc4df88cfea2dcf9a19b2b830f1e647", GitTreeState:"clean", BuildDate:"2023-05-17T14:18:49Z", GoVersion:"go1.20.4", Compiler:"gc", Platform:"linux/amd64"}\n');
    expect(JSON.parse((await l.node1.run('kubeadm version -o json')).stdout).clientVersion.gitVersion).toBe('v1.27.2');
    expect((await l.node1.run('kubeadm version -o yaml')).stdout).toContain('  buildDate: "2023-05-17T14:18:49Z"\n');
    expect((await l.node1.run('kubeadm version -o wide')).stderr).toContain('invalid output format: wide');
  });

  it('lists the control-plane images', async () => {
    const l = lab();
    await expect((await l.node1.run('kubeadm config images list')).stdout).toMatchFileSnapshot('golden/images.txt');
  });

  it('shows its help and refuses unknown commands and flags', async () => {
    const l = lab();
    const help = await l.node1.run('kubeadm');
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Usage:\n  kubeadm [command]\n');
    expect(help.stdout).toContain('  init        Run this command in order to set up the Kubernetes control plane\n');
    expect((await l.node1.run('kubeadm init --help')).stdout).toContain('      --apiserver-advertise-address string');
    const unknown = await l.node1.run('kubeadm nit');
    expect(unknown.stderr).toBe('unknown command "nit" for "kubeadm"\nTo see the stack trace of this error execute with --v=5 or higher\n');
    expect((await l.node1.run('kubeadm init --foo')).stderr).toBe('unknown flag: --foo\nTo see the stack trace of this error execute with --v=5 or higher\n');
  });
});

describe('kubeadm completion', () => {
  it('offers subcommands, token verbs and flags', async () => {
    const { kubeadm } = await import('./index');
    const l = lab();
    const complete = (words: string[], current: string) => kubeadm.complete!({
      words: ['kubeadm', ...words], current, cwd: '/root', host: l.world.host('node1')!, world: l.world, env: l.node1.session.env,
    });
    expect(complete([], 'in')).toEqual(['init']);
    expect(complete(['token'], '')).toEqual(['create', 'delete', 'generate', 'list']);
    expect(complete(['join'], '--discovery-token-c')).toEqual(['--discovery-token-ca-cert-hash']);
    expect(complete(['config', 'images'], '')).toEqual(['list', 'pull']);
  });
});

describe('the lesson, end to end with kubectl', () => {
  it('init, join, the Weave one-liner: both nodes Ready, coredns on the overlay', async () => {
    const l = lab('lesson');
    const { join } = await init(l);
    expect((await l.node2.run(join)).exitCode).toBe(0);
    await l.node1.run('mkdir -p $HOME/.kube && cp /etc/kubernetes/admin.conf $HOME/.kube/config');
    const apply = await l.node1.run(`kubectl apply -n kube-system -f "https://cloud.weave.works/k8s/net?k8s-version=$(kubectl version | base64 |tr -d '\\n')"`);
    expect(apply.stdout).toContain('daemonset.apps/weave-net created\n');
    l.world.advance(40_000);
    expect(nodes(l.world)).toEqual(['node1 Ready', 'node2 Ready']);
    const cluster = l.world.clusters[0]!;
    const dns = cluster.store.list(mustResolve('pods'), { namespace: 'kube-system' })
      .filter((p) => p.metadata.name.startsWith('coredns-')) as unknown as { status?: { phase?: string; podIP?: string }; spec?: { nodeName?: string } }[];
    expect(dns.map((p) => p.status?.phase)).toEqual(['Running', 'Running']);
    for (const p of dns) expect(p.status?.podIP).toMatch(p.spec?.nodeName === 'node1' ? /^10\.32\.0\./ : /^10\.44\.0\./);
  });
});

describe('determinism', () => {
  it('the same seed gives the same transcript', async () => {
    const transcript = async () => {
      const l = lab('same-seed');
      const { output, join } = await init(l);
      const joined = await l.node2.run(join);
      return output + joined.output;
    };
    expect(await transcript()).toBe(await transcript());
  });
});
