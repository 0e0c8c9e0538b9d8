import { describe, expect, it } from 'vitest';
import { mustResolve } from '../../../../engine';
import { Playground } from '../testing/playground';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

function transcript(p: Playground, lines: readonly (string | readonly string[])[]): string {
  return lines.map((l) => {
    const r = p.kubectl(l);
    return `$ kubectl ${typeof l === 'string' ? l : l.join(' ')}\n${r.output}[exit ${r.exitCode}]\n`;
  }).join('');
}

function cluster(): Playground {
  const p = new Playground().init();
  p.kubectl('run pingpong --image=alpine');
  p.kubectl('run other --image=alpine');
  p.kubectl('create deployment web --image=nginx');
  return p;
}

const labelsOf = (p: Playground, name: string) => p.store.get(mustResolve('pods'), 'default', name)!.metadata.labels;

describe('kubectl label and annotate', () => {
  it('adds, refuses to overwrite without --overwrite, removes with key-, says when nothing changed', async () => {
    const p = cluster();
    await golden('label-session', transcript(p, [
      'label pod pingpong color=blue', 'label pod pingpong color=green', 'label pod pingpong color=green --overwrite', 'label pod pingpong color=green',
      'label pod pingpong color-', 'label pod pingpong color-', 'label pods --all tier=front', 'label pods -l run=other tier=back --overwrite',
      'label pod/pingpong deploy/web owner=me', 'label pod pingpong a=b --dry-run=client', 'label pod pingpong a=b -o name',
      ['annotate', 'deploy', 'web', 'kubernetes.io/change-cause=first version'], 'annotate deploy web kubernetes.io/change-cause=second',
      'annotate deploy web kubernetes.io/change-cause=second --overwrite', 'annotate deploy web kubernetes.io/change-cause-',
    ]));
    expect(labelsOf(p, 'pingpong')).toEqual({ run: 'pingpong', tier: 'front', owner: 'me', a: 'b' });
    expect(labelsOf(p, 'other')).toEqual({ run: 'other', tier: 'back' });
  });

  it('errors as kubectl prints them', async () => {
    const p = cluster();
    await golden('label-errors', transcript(p, [
      'label pod pingpong', 'label pod pingpong a', 'label pod pingpong a=b c=d a-', 'label pod pingpong a=b other', 'label pod nope a=b',
      'label nope x a=b', 'label pods a=b', 'label pod pingpong -l run=x a=b', 'label pod pingpong bad=a=b', 'label pod pingpong bad_key!=x',
      'label pod pingpong a=b --resource-version=1', 'annotate pod pingpong', 'annotate pod pingpong a=1 a-',
    ]));
  });
});
