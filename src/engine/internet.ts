/**
 * The outside world as seen from the nodes: a table of URLs that answer (manifests, git
 * repositories, images). Everything else fails the way a closed-off sandbox would, so a mistyped
 * URL gets the real tool's error instead of a crash.
 */
export type FetchResult =
  | { readonly ok: true; readonly status: 200; readonly contentType: string; readonly body: string }
  | { readonly ok: false; readonly status: number; readonly statusText: string }
  | { readonly ok: false; readonly status: 0; readonly error: 'dns' | 'refused'; readonly hostname: string };

/** Answers for URLs under a prefix; returns undefined for "not here" (404). */
export type UrlHandler = (url: ParsedUrl) => { readonly contentType: string; readonly body: string } | undefined;

export class Internet {
  private readonly sites = new Map<string, UrlHandler[]>();

  /** Serves URLs on a host name ("cloud.weave.works"). Handlers are asked in registration order. */
  serve(hostname: string, handler: UrlHandler): void {
    const list = this.sites.get(hostname) ?? [];
    list.push(handler);
    this.sites.set(hostname, list);
  }

  knows(hostname: string): boolean {
    return this.sites.has(hostname);
  }

  fetch(rawUrl: string): FetchResult {
    const url = parseUrl(rawUrl);
    if (!url) return { ok: false, status: 0, error: 'dns', hostname: rawUrl };
    const handlers = this.sites.get(url.hostname);
    if (!handlers) return { ok: false, status: 0, error: 'dns', hostname: url.hostname };
    for (const handler of handlers) {
      const answer = handler(url);
      if (answer) return { ok: true, status: 200, contentType: answer.contentType, body: answer.body };
    }
    return { ok: false, status: 404, statusText: 'Not Found' };
  }
}

export interface ParsedUrl {
  readonly href: string;
  /** "https:" */
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  /** "/k8s/net" */
  readonly pathname: string;
  /** Decoded query parameters. */
  readonly query: ReadonlyMap<string, string>;
}

/** A small URL parser (the core has no DOM `URL`): scheme://host[:port][/path][?query][#hash]. */
export function parseUrl(raw: string): ParsedUrl | undefined {
  const m = raw.match(/^([a-zA-Z][a-zA-Z0-9+.-]*:)\/\/([^/?#:]+)(?::(\d+))?([^?#]*)(?:\?([^#]*))?(?:#.*)?$/);
  if (!m) return undefined;
  const query = new Map<string, string>();
  for (const pair of (m[5] ?? '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    query.set(safeDecode(key), safeDecode(value));
  }
  return {
    href: raw,
    protocol: m[1]!.toLowerCase(),
    hostname: m[2]!.toLowerCase(),
    port: m[3] ?? '',
    pathname: m[4] || '/',
    query,
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
