import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { snapshotKey, stabilizeFlow } from './stable';
import { toFlow } from './toFlow';
import { CATEGORY_ORDER, CATEGORY_STYLES } from './palette';
import { afterJoin, afterWeave, duringWeave, WEAVE } from './testing/fixtures';

describe('stabilizeFlow: no re-render for what did not change', () => {
  it('returns the previous picture itself when a new frame changes nothing', () => {
    const first = toFlow(afterWeave());
    const next = toFlow({ ...afterWeave(), now: 123_456 });
    expect(next).not.toBe(first);
    expect(stabilizeFlow(first, next)).toBe(first);
  });

  it('keeps every unchanged node object and replaces only the ones that changed', () => {
    const before = toFlow(duringWeave('1/2', 'Init:0/1'));
    const after = stabilizeFlow(before, toFlow(duringWeave('1/2', 'PodInitializing')));
    const changed = after.nodes.filter((n) => !before.nodes.includes(n)).map((n) => n.id);
    expect(changed).toEqual([`pod/kube-system/${WEAVE.node2}`]);
  });

  it('hands over new arrays when nodes come or go, still reusing the survivors', () => {
    const before = toFlow(afterJoin());
    const after = stabilizeFlow(before, toFlow(afterWeave()));
    expect(after.nodes).not.toBe(before.nodes);
    const kept = after.nodes.find((n) => n.id === 'pod/kube-system/etcd-node1');
    expect(kept).toBe(before.nodes.find((n) => n.id === 'pod/kube-system/etcd-node1'));
  });
});

describe('snapshotKey: when the picture may have changed', () => {
  it('ignores the clock and follows the revision and the machines', () => {
    const base = afterJoin();
    expect(snapshotKey({ ...base, now: base.now + 16, wallNow: base.wallNow + 16 })).toBe(snapshotKey(base));
    expect(snapshotKey({ ...base, revision: base.revision + 1 })).not.toBe(snapshotKey(base));
    const kubeletStopped = { ...base, hosts: base.hosts.map((h) => (h.name === 'node2' ? { ...h, kubeletRunning: false } : h)) };
    expect(snapshotKey(kubeletStopped)).not.toBe(snapshotKey(base));
  });
});

describe('palette and stylesheet agree', () => {
  it('status.css gives each category the colour, tint and border style palette.ts names', () => {
    const css = readFileSync(new URL('./status.css', import.meta.url), 'utf8');
    for (const category of CATEGORY_ORDER) {
      const { color, tint, border } = CATEGORY_STYLES[category];
      expect(css).toContain(`.kp-dg-cat-${category} { --kp-dg-c: ${color}; --kp-dg-t: ${tint}; --kp-dg-b: ${border}; }`);
    }
  });
});
