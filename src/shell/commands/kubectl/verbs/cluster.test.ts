import { describe, expect, it } from 'vitest';
import { Playground } from '../testing/playground';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

describe('kubectl cluster-info and api-resources', () => {
  const p = new Playground().init();

  it('cluster-info: plain in a pipe, coloured on a terminal', async () => {
    const plain = p.kubectl('cluster-info');
    await golden('cluster-info', plain.stdout.replaceAll(p.node1.ip, '192.168.0.8'));
    const tty = p.kubectl('cluster-info', { tty: true }).stdout;
    expect(tty.split('\n')[0]).toBe(`\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://${p.node1.ip}:6443\x1b[0m`);
  });

  it('cluster-info without a server: the debug hint before the error', () => {
    const r = new Playground().kubectl('cluster-info');
    expect(r.stderr.split('\n').slice(-4).join('\n')).toBe(
      "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\nThe connection to the server localhost:8080 was refused - did you specify the right host or port?\n");
  });

  it('api-resources lists the resource table', async () => {
    await golden('api-resources', p.kubectl('api-resources').stdout);
    expect(p.kubectl('api-resources --namespaced=false -o name').stdout.split('\n')).toContain('nodes');
  });
});
