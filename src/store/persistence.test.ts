import { describe, expect, it } from 'vitest';
import { STORAGE_KEY, clearSession, loadSession, saveSession, type SavedSession, type StorageLike } from './persistence';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string) { return this.items.get(key) ?? null; }
  setItem(key: string, value: string) { this.items.set(key, value); }
  removeItem(key: string) { this.items.delete(key); }
}

const session: SavedSession = {
  seed: 'abc',
  epochMs: 1_700_000_000_000,
  now: 90_000,
  journal: [
    { host: 'node1', t: 1_000, kind: 'line', text: 'hostname -i' },
    { host: 'node1', t: 5_000, kind: 'interrupt' },
  ],
  progress: { 'start-the-cluster': ['init'] },
  lang: 'es',
  lessonId: 'start-the-cluster',
};

describe('saved sessions', () => {
  it('round-trips a session', () => {
    const storage = new MemoryStorage();
    expect(saveSession(storage, session, 1)).toBe('saved');
    expect(loadSession(storage)).toEqual({ kind: 'loaded', session });
  });

  it('starts clean without saved state', () => {
    expect(loadSession(new MemoryStorage())).toEqual({ kind: 'none' });
  });

  it.each([
    ['truncated JSON', '{"v":1,"savedAt":1,"data":{"seed":"a'],
    ['junk', 'not json at all \u0000\u0001'],
    ['a JSON array', '[1,2,3]'],
    ['a JSON string', '"hello"'],
  ])('resets with a notice on %s', (_label, raw) => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, raw);
    const result = loadSession(storage);
    expect(result.kind).toBe('reset');
  });

  it('resets an envelope from another schema version', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: 0, savedAt: 1, data: session }));
    expect(loadSession(storage)).toEqual({ kind: 'reset', reason: 'old-version' });
  });

  it('rejects journals that go back in time or are malformed', () => {
    const storage = new MemoryStorage();
    const bad = { ...session, journal: [{ host: 'node1', t: 5, kind: 'line', text: 'a' }, { host: 'node1', t: 1, kind: 'line', text: 'b' }] };
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: 1, savedAt: 1, data: bad }));
    expect(loadSession(storage)).toEqual({ kind: 'reset', reason: 'invalid' });
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: 1, savedAt: 1, data: { ...session, journal: [{ host: 'node1', t: 1, kind: 'rm -rf' }] } }));
    expect(loadSession(storage)).toEqual({ kind: 'reset', reason: 'invalid' });
  });

  it('survives storage that throws on every access', () => {
    const throwing: StorageLike = {
      getItem() { throw new Error('SecurityError'); },
      setItem() { throw new Error('SecurityError'); },
      removeItem() { throw new Error('SecurityError'); },
    };
    expect(loadSession(throwing)).toEqual({ kind: 'reset', reason: 'blocked' });
    expect(saveSession(throwing, session, 1)).toBe('blocked');
    expect(() => clearSession(throwing)).not.toThrow();
    expect(loadSession(undefined)).toEqual({ kind: 'reset', reason: 'blocked' });
  });

  it('reports a full quota instead of failing', () => {
    const full: StorageLike = {
      getItem: () => null,
      setItem() { throw Object.assign(new Error('full'), { name: 'QuotaExceededError' }); },
      removeItem() {},
    };
    expect(saveSession(full, session, 1)).toBe('quota');
  });
});
