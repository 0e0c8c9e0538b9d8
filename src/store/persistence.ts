/**
 * Saved state in localStorage, in a versioned envelope. Loading never throws: storage that is
 * blocked (a sandboxed iframe), full, or holding junk or an older schema gives a clean start and a
 * notice telling the learner what was reset. Saving never throws either: a full quota keeps the
 * session running and says progress is not being saved.
 */
/** The key never changes: the schema version lives in the envelope, so an upgrade finds old saves. */
export const STORAGE_KEY = 'kubeplay:v1';
/** Where a save that could not be loaded is kept (once, if small), so a bad release loses nothing for good. */
export const UNREADABLE_KEY = 'kubeplay:unreadable';
export const SCHEMA_VERSION = 1;

/**
 * Brings the data saved by schema version `v` to version v + 1, or says it cannot (undefined).
 * Bumping SCHEMA_VERSION means adding the entry for the previous version here, and a test in
 * persistence.test.ts that loads a save of that version.
 */
export type Migration = (data: unknown) => unknown;

export interface Schema {
  readonly version: number;
  readonly migrations: Readonly<Record<number, Migration>>;
}

/** Version 1 is the first schema: nothing to migrate yet. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export const CURRENT_SCHEMA: Schema = { version: SCHEMA_VERSION, migrations: MIGRATIONS };

export interface JournalRecord {
  readonly host: string;
  readonly t: number;
  /** keys: bytes typed while a program (vi, nano) held the terminal raw. */
  readonly kind: 'line' | 'interrupt' | 'eof' | 'keys';
  readonly text?: string;
}

export interface SavedSession {
  readonly seed: string;
  readonly epochMs: number;
  /** Virtual ms the world had reached. */
  readonly now: number;
  readonly journal: readonly JournalRecord[];
  /** Done step ids per lesson id. */
  readonly progress: Readonly<Record<string, readonly string[]>>;
  readonly lang?: 'es' | 'en';
  readonly lessonId?: string;
}

interface Envelope {
  readonly v: number;
  readonly savedAt: number;
  readonly data: unknown;
}

export type LoadResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly session: SavedSession }
  | { readonly kind: 'reset'; readonly reason: 'unreadable' | 'old-version' | 'invalid' | 'blocked' };

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage, or undefined when merely touching it throws (blocked storage). */
export function browserStorage(): StorageLike | undefined {
  try {
    const storage = window.localStorage;
    return storage ?? undefined;
  } catch {
    return undefined;
  }
}

export function loadSession(storage: StorageLike | undefined, schema: Schema = CURRENT_SCHEMA): LoadResult {
  if (!storage) return { kind: 'reset', reason: 'blocked' };
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return { kind: 'reset', reason: 'blocked' };
  }
  if (raw === null) return { kind: 'none' };
  const result = readEnvelope(raw, schema);
  if (result.kind === 'reset') keepUnreadable(storage, raw);
  return result;
}

function readEnvelope(raw: string, schema: Schema): LoadResult {
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return { kind: 'reset', reason: 'unreadable' };
  }
  if (!isRecord(envelope) || typeof envelope['v'] !== 'number' || !isRecord(envelope['data'])) return { kind: 'reset', reason: 'invalid' };
  const migrated = migrate(envelope as unknown as Envelope, schema);
  if (migrated === undefined) return { kind: 'reset', reason: 'old-version' };
  const session = validateSession(migrated);
  return session ? { kind: 'loaded', session } : { kind: 'reset', reason: 'invalid' };
}

const MAX_KEPT_UNREADABLE = 512 * 1024;

/** A copy of a save we could not use (not 5 MB of junk), in case a later version can; best effort. */
function keepUnreadable(storage: StorageLike, raw: string): void {
  if (raw.length > MAX_KEPT_UNREADABLE) return;
  try {
    storage.setItem(UNREADABLE_KEY, raw);
  } catch {
    // A full or blocked storage keeps nothing more.
  }
}

export type SaveResult = 'saved' | 'quota' | 'blocked';

export function saveSession(storage: StorageLike | undefined, session: SavedSession, wallNow: number): SaveResult {
  if (!storage) return 'blocked';
  const envelope: Envelope = { v: SCHEMA_VERSION, savedAt: wallNow, data: session };
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(envelope));
    return 'saved';
  } catch (error) {
    return isQuotaError(error) ? 'quota' : 'blocked';
  }
}

export function clearSession(storage: StorageLike | undefined): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // Blocked storage has nothing to clear.
  }
}

/**
 * Brings an envelope up to the schema's version, one version at a time. A version newer than ours
 * (a save from a later release, then an older page) or one with a missing or failing step gives
 * undefined: the caller resets, and keepUnreadable holds on to the save.
 */
export function migrate(envelope: { readonly v: number; readonly data: unknown }, schema: Schema = CURRENT_SCHEMA): unknown {
  let { v, data } = envelope;
  if (!Number.isInteger(v) || v > schema.version) return undefined;
  while (v < schema.version) {
    const step = schema.migrations[v];
    if (!step) return undefined;
    try {
      data = step(data);
    } catch {
      return undefined;
    }
    if (data === undefined) return undefined;
    v++;
  }
  return data;
}

const MAX_JOURNAL = 20_000;

function validateSession(data: unknown): SavedSession | undefined {
  if (!isRecord(data)) return undefined;
  const { seed, epochMs, now, journal, progress, lang, lessonId } = data;
  if (typeof seed !== 'string' || seed.length === 0 || seed.length > 200) return undefined;
  if (!isFiniteNumber(epochMs) || !isFiniteNumber(now) || now < 0) return undefined;
  if (!Array.isArray(journal) || journal.length > MAX_JOURNAL) return undefined;
  const records: JournalRecord[] = [];
  let last = 0;
  for (const entry of journal) {
    if (!isRecord(entry)) return undefined;
    const { host, t, kind, text } = entry;
    if (typeof host !== 'string' || !isFiniteNumber(t) || t < last || t > now) return undefined;
    if (kind !== 'line' && kind !== 'interrupt' && kind !== 'eof' && kind !== 'keys') return undefined;
    if ((kind === 'line' || kind === 'keys') && typeof text !== 'string') return undefined;
    if (text !== undefined && typeof text !== 'string') return undefined;
    records.push(kind === 'eof' || typeof text !== 'string' ? { host, t, kind } : { host, t, kind, text });
    last = t;
  }
  const done: Record<string, string[]> = {};
  if (isRecord(progress)) {
    for (const [lesson, steps] of Object.entries(progress)) {
      if (Array.isArray(steps)) done[lesson] = steps.filter((s): s is string => typeof s === 'string');
    }
  }
  return {
    seed, epochMs, now, journal: records, progress: done,
    ...(lang === 'es' || lang === 'en' ? { lang } : {}),
    ...(typeof lessonId === 'string' ? { lessonId } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Quota errors differ per engine: QuotaExceededError, legacy WebKit code 22, Gecko 1014. */
function isQuotaError(error: unknown): boolean {
  if (!isRecord(error) && !(error instanceof Error)) return false;
  const e = error as { name?: unknown; code?: unknown };
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014;
}
