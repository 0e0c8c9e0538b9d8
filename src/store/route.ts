/**
 * The URL contract (docs/automation.md): hash routing `#/<lang>/<lesson-id>` so any static host and
 * sub-path works, and query parameters for embedding. Parsing is pure and forgiving: anything
 * unknown or malformed falls back to a default instead of breaking the page.
 */
export type Lang = 'es' | 'en';
export type Theme = 'dark' | 'light';

export interface Route {
  readonly lang: Lang | undefined;
  readonly lessonId: string | undefined;
}

export interface PageOptions {
  readonly embed: boolean;
  /** A teacher's lesson to load (http/https URL). */
  readonly lessonUrl: string | undefined;
  readonly speed: number;
  readonly theme: Theme | undefined;
  readonly lang: Lang | undefined;
  /** Origins allowed to drive the page over postMessage. */
  readonly allowedOrigins: readonly string[];
}

const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const lang = asLang(parts[0]);
  const lessonId = parts[1] !== undefined && LESSON_ID.test(parts[1]) ? parts[1] : undefined;
  return { lang, lessonId };
}

export function formatRoute(lang: Lang, lessonId: string): string {
  return `#/${lang}/${lessonId}`;
}

export function parsePageOptions(search: string): PageOptions {
  const params = new Map<string, string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    params.set(key, decode(eq < 0 ? '' : pair.slice(eq + 1)));
  }
  const speed = Number(params.get('speed'));
  const theme = params.get('theme');
  const lessonUrl = params.get('lesson');
  return {
    embed: params.get('embed') === '1' || params.get('embed') === 'true',
    lessonUrl: lessonUrl && /^https?:\/\//i.test(lessonUrl) ? lessonUrl : undefined,
    speed: Number.isFinite(speed) && speed > 0 ? Math.min(100, speed) : 1,
    theme: theme === 'dark' || theme === 'light' ? theme : undefined,
    lang: asLang(params.get('lang')),
    allowedOrigins: (params.get('origin') ?? '').split(',').map((o) => o.trim()).filter(isOrigin),
  };
}

/** The learner's language when nothing says otherwise: Spanish for Spanish browsers, else English. */
export function preferredLang(languages: readonly string[]): Lang {
  return languages.some((l) => l.toLowerCase().startsWith('es')) ? 'es' : 'en';
}

function asLang(value: string | undefined): Lang | undefined {
  return value === 'es' || value === 'en' ? value : undefined;
}

function isOrigin(value: string): boolean {
  return /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(value);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
