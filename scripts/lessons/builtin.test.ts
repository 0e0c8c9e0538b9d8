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
});
