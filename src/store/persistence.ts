/**
 * Saved state in localStorage, in a versioned envelope. Loading never throws: storage that is
 * blocked (a sandboxed iframe), full, or holding junk or an older schema gives a clean start and a
 * notice telling the learner what was reset. Saving never throws either: a full quota keeps the
 * session running and says progress is not being saved.
 */
export const STORAGE_KEY = 'kubeplay:v1';
export const SCHEMA_VERSION = 1;

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

export function loadSession(storage: StorageLike | undefined): LoadResult {
  if (!storage) return { kind: 'reset', reason: 'blocked' };
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return { kind: 'reset', reason: 'blocked' };
  }
  if (raw === null) return { kind: 'none' };
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return { kind: 'reset', reason: 'unreadable' };
  }
  if (!isRecord(envelope) || typeof envelope['v'] !== 'number') return { kind: 'reset', reason: 'invalid' };
  const migrated = migrate(envelope as unknown as Envelope);
  if (migrated === undefined) return { kind: 'reset', reason: 'old-version' };
  const session = validateSession(migrated);
  return session ? { kind: 'loaded', session } : { kind: 'reset', reason: 'invalid' };
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
 * Brings an envelope up to SCHEMA_VERSION, one version at a time. There is one version so far;
 * each future schema change adds a step here and a test in persistence.test.ts.
 */
function migrate(envelope: Envelope): unknown {
  if (envelope.v === SCHEMA_VERSION) return envelope.data;
  return undefined;
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
