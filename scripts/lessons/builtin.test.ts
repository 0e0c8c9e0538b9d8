import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS, compareCatalogue, formatCompileError } from '../../src/lessons';
import { compileAll } from './catalogue';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { lessons, errors } = compileAll(path.join(ROOT, 'lessons'), ROOT);

describe('the built-in lessons', () => {
  it('compile without errors', () => {
    expect(errors.map(formatCompileError)).toEqual([]);
  });

  it('exist in every language with the same steps, blocks and checks', () => {
    expect(compareCatalogue(lessons, LANGS)).toEqual([]);
  });

  it('lesson 01 follows the workshop: nodes, init, kubeconfig, join, NotReady, Pending, weave, Ready, recap', () => {
    const start = lessons.find((l) => l.id === 'start-the-cluster' && l.lang === 'en')!;
    expect(start.steps.map((s) => s.id)).toEqual(['nodes', 'init', 'kubeconfig', 'join', 'nodes-not-ready', 'system-pods', 'weave', 'ready', 'recap']);
    const commands = start.steps.flatMap((s) => s.blocks.map((b) => `${b.node}: ${b.command}`));
    expect(commands).toContain('node1: kubeadm init --apiserver-advertise-address $(hostname -i)');
    expect(commands).toContain('node2: {{joinCommand}}');
    // The Weave one-liner exactly as the workshop wrote it, continuation included.
    expect(commands).toContain(`node1: kubectl apply -n kube-system -f \\\n"https://cloud.weave.works/k8s/net?k8s-version=$(kubectl version | base64 |tr -d '\\n')"`);
    expect(lessons.filter((l) => l.id === 'start-the-cluster').map((l) => [l.lang, l.title])).toEqual([['es', 'Arrancar el clúster'], ['en', 'Start the cluster']]);
  });

  const en = (id: string) => lessons.find((l) => l.id === id && l.lang === 'en')!;
  const commandsOf = (id: string) => en(id).steps.flatMap((s) => s.blocks.map((b) => `${b.node}: ${b.command}`));

  it('lessons 02 to 05 follow the workshop: the application, its source, running it, cleanup', () => {
    expect(lessons.filter((l) => l.lang === 'en').map((l) => [l.order, l.id]).slice(0, 5)).toEqual([
      [1, 'start-the-cluster'], [2, 'the-application'], [3, 'get-the-source'], [4, 'run-the-application'], [5, 'cleanup'],
    ]);
    expect(en('the-application').steps.map((s) => s.id)).toEqual(['services', 'the-loop', 'nothing-yet']);
    expect(en('get-the-source').steps.map((s) => s.id)).toEqual(['clone', 'look-around', 'compose-file', 'dockerfile', 'worker-code']);
    expect(commandsOf('get-the-source')).toContain('node1: cd ~\ngit clone https://github.com/jpetazzo/container.training');
    expect(commandsOf('get-the-source')).toContain('node1: cat worker/worker.py');
    expect(en('run-the-application').steps.map((s) => s.id)).toEqual([
      'compose-up', 'logs', 'webui', 'stop', 'detached', 'scale-2', 'scale-10', 'bottleneck', 'hasty-conclusion',
    ]);
    expect(commandsOf('run-the-application')).toEqual(expect.arrayContaining([
      'node1: docker-compose up -d\ndocker-compose ps',
      'node1: docker-compose logs --tail 10 worker',
      'node2: curl -s {{webuiUrl}}/json',
      'node1: docker-compose up -d --scale worker=2',
      'node1: docker-compose up -d --scale worker=10',
      'node1: httping -c 3 localhost:8001',
      'node1: httping -c 3 localhost:8002',
    ]));
    expect(commandsOf('cleanup')).toContain('node1: cd ~/container.training/dockercoins\ndocker-compose down');
  });

  it('stops the attached docker-compose up with Ctrl+C in replay only', () => {
    const up = en('run-the-application').steps[0]!.blocks[0]!;
    expect(up.command).toBe('cd ~/container.training/dockercoins\ndocker-compose up');
    expect(up.interruptAfterMs).toBe(90_000);
  });

  it('gives every scaling step a check only its own command makes true', () => {
    const checksOf = (step: string) => en('run-the-application').steps.find((s) => s.id === step)!.checks.map((c) => [c.predicate, c.args]);
    expect(checksOf('scale-2')).toEqual([
      ['compose-running', { host: 'node1', project: 'dockercoins', services: ['worker'], count: 2 }],
      ['hash-rate', { host: 'node1', atLeast: 6 }],
    ]);
    expect(checksOf('scale-10')).toEqual([
      ['compose-running', { host: 'node1', project: 'dockercoins', services: ['worker'], count: 10 }],
      ['hash-rate', { host: 'node1', atLeast: 9 }],
    ]);
  });

  it('lessons 06 to 10 follow the workshop: concepts, architecture, resources, declarative vs imperative, the network model', () => {
    expect(lessons.filter((l) => l.lang === 'en').map((l) => [l.order, l.id]).slice(5)).toEqual([
      [6, 'kubernetes-concepts'], [7, 'kubernetes-architecture'], [8, 'kubernetes-resources'], [9, 'declarative-vs-imperative'], [10, 'network-model'],
    ]);
    expect(en('kubernetes-concepts').steps.map((s) => s.id)).toEqual(['deploy', 'scale', 'rolling-update', 'service', 'load-balancing', 'capabilities']);
    expect(commandsOf('kubernetes-concepts')).toEqual(expect.arrayContaining([
      'node1: kubectl scale deployment hello --replicas=4\nkubectl get pods -o wide',
      'node1: kubectl set image deployment hello nginx=nginx:1.25',
      'node1: kubectl get pods -w',
      'node1: kubectl create deployment blue --image=jpetazzo/color --replicas=3\nkubectl expose deployment blue --port=80',
    ]));
    expect(commandsOf('kubernetes-architecture')).toEqual(expect.arrayContaining([
      'node1: kubectl get pods -n kube-system -o wide',
      'node1: kubectl get componentstatuses',
      'node1: grep data-dir /etc/kubernetes/manifests/etcd.yaml\nls /var/lib/etcd/member',
    ]));
    expect(commandsOf('kubernetes-resources')).toEqual(expect.arrayContaining([
      'node1: kubectl api-resources',
      'node1: kubectl explain pod.spec',
      'node1: kubectl get po\nkubectl get svc\nkubectl get deploy\nkubectl get rs\nkubectl get ds -n kube-system\nkubectl get ns',
    ]));
    expect(commandsOf('declarative-vs-imperative')).toEqual(expect.arrayContaining([
      'node1: kubectl create deployment web --image=nginx --replicas=6\nkubectl get pods -l app=web',
      'node1: kubectl get pods -l app=web -w',
      "node1: sed -i 's/replicas: 1/replicas: 3/' ~/web2.yaml\ngrep replicas ~/web2.yaml",
      'node1: kubectl diff -f ~/web2.yaml',
    ]));
    expect(commandsOf('network-model')).toContain("node1: kubectl exec pinger -- ping -c 3 $(kubectl get pod nginx -o jsonpath='{.status.podIP}')");
  });

  it('lets the architecture lesson point at each component on the diagram as it names it', () => {
    const highlights = Object.fromEntries(en('kubernetes-architecture').steps.map((s) => [s.id, s.highlight ?? []]));
    expect(highlights).toMatchObject({
      'control-plane': ['controlplane/node1'],
      'api-server': ['pod/kube-system/kube-apiserver-node1'],
      etcd: ['pod/kube-system/etcd-node1'],
      'scheduler-controllers': ['pod/kube-system/kube-scheduler-node1', 'pod/kube-system/kube-controller-manager-node1'],
      kubelet: ['kubelet/*', 'runtime/*'],
      'kube-proxy': ['pod/kube-system/kube-proxy-*'],
    });
  });

  it('marks the streaming and the meant-to-fail commands of lessons 06 to 10', () => {
    const blocks = lessons.filter((l) => l.lang === 'en' && l.order >= 6).flatMap((l) => l.steps.flatMap((s) => s.blocks));
    expect(blocks.filter((b) => b.interruptAfterMs !== undefined).map((b) => [b.command, b.interruptAfterMs])).toEqual([
      ['kubectl get pods -w', 45_000],
      ['kubectl get pods -l app=web -w', 30_000],
    ]);
    expect(blocks.filter((b) => b.mayFail).map((b) => b.command)).toEqual(['kubectl diff -f ~/web2.yaml']);
  });
});
