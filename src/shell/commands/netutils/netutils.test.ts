import { beforeAll, describe, expect, it } from 'vitest';
import { podResolvConf } from '../../../engine';
import { ContainerHost } from '../../container/containerHost';
import type { ContainerFileView, ExecTarget } from '../../container/target';
import { preloadCommands } from '../../session/preload';
import { shellOn } from '../../testing/harness';
import type { Command } from '../../types';
import { LiveCluster } from '../kubectl/testing/live';
import { nslookup } from './dns';
import { ping } from './ping';
import { wget } from './wget';

beforeAll(() => preloadCommands());

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

/** An alpine pod on node2, nginx pods behind the Service `web`, and a shell on node1. */
function cluster() {
  const c = new LiveCluster('netutils');
  c.kubectl(['run', 'pinger', '--image=alpine', '--', 'sleep', '3600']);
  c.kubectl('create deployment web --image=nginx --replicas=2');
  c.kubectl('expose deployment web --port=80');
  c.settle();
  c.advance(5_000);
  const node1 = shellOn(c.world, 'node1');
  const get = (args: string, path: string) => c.kubectl([...args.split(' '), '-o', `jsonpath=${path}`]).stdout;
  return { c, node1, webIp: get('get pods -l app=web', '{.items[0].status.podIP}'), clusterIp: get('get svc web', '{.spec.clusterIP}') };
}

/** Runs lines and keeps what a learner would see: each line, its output, its status. */
async function session(sh: ReturnType<typeof shellOn>, lines: readonly string[]): Promise<string> {
  let out = '';
  for (const line of lines) {
    const r = await sh.run(line);
    out += `$ ${line}\n${r.output}${r.exitCode === 0 ? '' : `[exit ${r.exitCode}]\n`}`;
  }
  return out;
}

describe('ping on a node (iputils)', () => {
  it('pods across the overlay, a node by name, the outside world; a ClusterIP never answers', async () => {
    const { node1, webIp, clusterIp } = cluster();
    await golden('ping-node', await session(node1, [`ping -c 2 ${webIp}`, 'ping -c 2 node2', 'ping -c 1 google.com', `ping -c 2 ${clusterIp}`, 'ping -c 2 192.168.0.99', 'ping nosuch']));
  });

  it('runs until Ctrl+C, then prints its statistics', async () => {
    const { node1, webIp } = cluster();
    const job = node1.start(`ping ${webIp}`);
    node1.advance(3_500);
    node1.interrupt();
    const r = await job.done();
    expect(r.stdout.match(/icmp_seq=/g)).toHaveLength(4);
    expect(r.stdout).toMatch(/\n--- [\d.]+ ping statistics ---\n4 packets transmitted, 4 received, 0% packet loss, time 300\dms\nrtt min\/avg\/max\/mdev = /);
    expect(r.exitCode).toBe(0);
  });

  it('a pod answers its own node sooner than the other node, across the overlay', async () => {
    const { c, node1, webIp } = cluster();
    const node2 = shellOn(c.world, 'node2');
    const avg = async (sh: typeof node1) => Number(/= [\d.]+\/([\d.]+)\//.exec((await sh.run(`ping -c 5 -q ${webIp}`)).stdout)![1]);
    expect(await avg(node2)).toBeLessThan(await avg(node1));
  });
});

describe('nslookup and dig on a node (bind-utils)', () => {
  it('the session DNS knows nodes and the outside world; CoreDNS answers when asked by address', async () => {
    const { node1 } = cluster();
    await golden('dns-node', await session(node1, [
      'nslookup github.com', 'nslookup web', 'nslookup web.default.svc.cluster.local 10.96.0.10', 'nslookup 10.96.0.10 10.96.0.10',
      'dig +short web.default.svc.cluster.local @10.96.0.10', 'dig +short node2',
    ]));
  });

  it('times out when the cluster DNS has no route', async () => {
    const { c, node1 } = cluster();
    c.kubectl('-n kube-system delete daemonset kube-proxy');
    c.advance(60_000);
    const started = c.world.now();
    const r = await node1.run('nslookup kubernetes.default.svc.cluster.local 10.96.0.10');
    expect(r.stdout).toBe(';; connection timed out; no servers could be reached\n\n');
    expect(r.exitCode).toBe(1);
    expect(c.world.now() - started).toBeGreaterThanOrEqual(10_000);
  });
});

describe('wget on a node (GNU Wget 1.14)', () => {
  it('saves a page (index.html, then index.html.1), -qO- prints it, errors as wget words them', async () => {
    const { node1, webIp, clusterIp } = cluster();
    await golden('wget-node', await session(node1, [`wget http://${webIp}/`, `wget ${clusterIp}`, 'ls index.html*', `wget -qO- http://${clusterIp}/ | grep title`, `wget http://${webIp}/nope`, `wget -q http://${clusterIp}:81/`, 'wget http://nosuch/']));
    expect(node1.readFile('/root/index.html')).toContain('<title>Welcome to nginx!</title>');
  });
});

/** A container as kubectl exec's shell sees it, for a runtime that does not run busybox's tools itself. */
function inContainer(c: LiveCluster, command: Command): Command {
  const pod = c.kubectl(['get', 'pod', 'pinger', '-o', 'jsonpath={.spec.nodeName} {.status.podIP}']).stdout.split(' ');
  const files = new Map([['/etc/resolv.conf', podResolvConf('default')], ['/etc/hosts', `127.0.0.1\tlocalhost\n${pod[1]}\tpinger\n`]]);
  const view: ContainerFileView = {
    workingDir: '/',
    readFile: (p) => files.get(p),
    list: (p) => (p === '/' || p === '/etc' ? [] : undefined),
    writeFile: (p, text) => (files.set(p, text), true),
    remove: (p) => files.delete(p),
    mkdir: () => true,
  };
  const target: ExecTarget = { node: pod[0]!, hostname: 'pinger', ip: pod[1]!, flavour: 'busybox', env: [], command: ['sleep', '3600'], files: view, resolve: () => undefined };
  const host = new ContainerHost(c.world, target);
  return { name: command.name, summary: command.summary, run: (ctx) => command.run({ ...ctx, host, cwd: '/' }) };
}

describe('inside a busybox container', () => {
  it('ping, nslookup and wget speak busybox, resolve through cluster DNS with the pod\'s search list', async () => {
    const { c, webIp } = cluster();
    const sh = shellOn(c.world, 'node1', { commands: [inContainer(c, ping), inContainer(c, nslookup), inContainer(c, wget)] });
    await golden('busybox', await session(sh, [`ping -c 2 ${webIp}`, 'nslookup web', 'nslookup nosuch', 'nslookup kubernetes.default', 'wget -qO- web | grep title', 'wget http://web/', 'wget http://web/', 'ping -c 1 nosuch']));
  });
});
