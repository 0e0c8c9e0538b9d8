// Schema migrations (issue 5, R4): a table of version → step brings old saves up to date, one
// version at a time; a save that cannot be brought up resets with a notice, and a copy is kept
// so that a later release could still read it. Tested with a synthetic version 0.
import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA, STORAGE_KEY, UNREADABLE_KEY, loadSession, migrate, saveSession, type SavedSession, type Schema, type StorageLike,
} from './persistence';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string) { return this.items.get(key) ?? null; }
  setItem(key: string, value: string) { this.items.set(key, value); }
  removeItem(key: string) { this.items.delete(key); }
}

const v1: SavedSession = {
  seed: 'abc', epochMs: 1_700_000_000_000, now: 9_000,
  journal: [{ host: 'node1', t: 1_000, kind: 'line', text: 'kubeadm init' }],
  progress: { 'start-the-cluster': ['init'] },
};

/** Version 0, as an imaginary first release saved it: the journal was "history" with "at" times, progress a flat list. */
const v0 = {
  seed: 'abc', epochMs: 1_700_000_000_000, now: 9_000,
  history: [{ node: 'node1', at: 1_000, line: 'kubeadm init' }],
  done: ['start-the-cluster/init'],
};

const fromV0 = (data: unknown): unknown => {
  const d = data as typeof v0;
  const progress: Record<string, string[]> = {};
  for (const id of d.done) {
    const [lesson, step] = id.split('/') as [string, string];
    (progress[lesson] ??= []).push(step);
  }
  return { seed: d.seed, epochMs: d.epochMs, now: d.now, journal: d.history.map((h) => ({ host: h.node, t: h.at, kind: 'line', text: h.line })), progress };
};

const withV0: Schema = { version: 1, migrations: { 0: fromV0 } };

describe('schema migrations', () => {
  it('the current schema has a step for every version before it', () => {
    for (let v = 1; v < CURRENT_SCHEMA.version; v++) expect(CURRENT_SCHEMA.migrations[v], `migration from v${v}`).toBeTypeOf('function');
  });

  it('loads a version 0 save through its step, with nothing lost', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: 0, savedAt: 1, data: v0 }));
    expect(loadSession(storage, withV0)).toEqual({ kind: 'loaded', session: v1 });
  });

  it('chains steps: 0 → 1 → 2', () => {
    const toV2: Schema = { version: 2, migrations: { 0: fromV0, 1: (d) => ({ ...(d as object), lang: 'es' }) } };
    expect(migrate({ v: 0, data: v0 }, toV2)).toEqual({ ...v1, lang: 'es' });
    expect(migrate({ v: 1, data: v1 }, toV2)).toEqual({ ...v1, lang: 'es' });
    expect(migrate({ v: 2, data: v1 }, toV2)).toEqual(v1);
  });

  it.each([
    ['a version with no step', { v: 0, savedAt: 1, data: v0 }, CURRENT_SCHEMA],
    ['a version from the future', { v: 7, savedAt: 1, data: v1 }, CURRENT_SCHEMA],
    ['a fractional version', { v: 0.5, savedAt: 1, data: v1 }, withV0],
    ['a step that throws', { v: 0, savedAt: 1, data: { nonsense: true } }, withV0],
    ['a step that gives up', { v: 0, savedAt: 1, data: v0 }, { version: 1, migrations: { 0: () => undefined } }],
  ] as const)('resets on %s, and keeps the save aside', (_label, envelope, schema) => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify(envelope);
    storage.setItem(STORAGE_KEY, raw);
    expect(loadSession(storage, schema)).toEqual({ kind: 'reset', reason: 'old-version' });
    expect(storage.getItem(UNREADABLE_KEY)).toBe(raw);
  });

  it('a migrated save is written back in the current version', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: 0, savedAt: 1, data: v0 }));
    const loaded = loadSession(storage, withV0);
    if (loaded.kind !== 'loaded') throw new Error(loaded.kind);
    expect(saveSession(storage, loaded.session, 2)).toBe('saved');
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).v).toBe(CURRENT_SCHEMA.version);
    expect(loadSession(storage)).toEqual({ kind: 'loaded', session: v1 });
  });
});

describe('hostile saved state', () => {
  it.each([
    ['null', 'null', 'invalid'],
    ['a number', '42', 'invalid'],
    ['an envelope without data', '{"v":1}', 'invalid'],
    ['5 MB of junk', `{${'x'.repeat(5 * 1024 * 1024)}`, 'unreadable'],
    ['a huge journal', JSON.stringify({ v: 1, savedAt: 1, data: { ...v1, journal: Array.from({ length: 30_000 }, (_, i) => ({ host: 'node1', t: i, kind: 'eof' })), now: 40_000 } }), 'invalid'],
    ['prototype keys', '{"v":1,"savedAt":1,"data":{"__proto__":{"polluted":1},"seed":"a","epochMs":1,"now":1,"journal":[],"progress":{"__proto__":["x"]}}}', 'loaded'],
  ] as const)('%s: never throws, resets with a reason or loads what is valid', (_label, raw, expected) => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, raw);
    const result = loadSession(storage);
    expect(result.kind === 'loaded' ? 'loaded' : result.kind === 'reset' ? result.reason : result.kind).toBe(expected);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // Junk too big to keep is not copied (it would fill the quota again).
    if (raw.length > 1024 * 1024) expect(storage.getItem(UNREADABLE_KEY)).toBeNull();
  });

  it('a quota error while keeping the unreadable copy changes nothing', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"v":1,"data":');
    storage.setItem = () => { throw Object.assign(new Error('full'), { name: 'QuotaExceededError' }); };
    expect(loadSession(storage)).toEqual({ kind: 'reset', reason: 'unreadable' });
  });
});
