/**
 * The page's browser as an HTTP client: the DockerCoins web UI panel fetches
 * `http://node1:8000/json` from outside the nodes, the way PWK's port proxy reached them, so it
 * gets "connection refused" while nothing listens on node1:8000 and the model's real answer once
 * the webui container runs.
 */
import { parseUrl } from '../internet';
import type { World } from '../world';
import { httpExchange, type NetClient } from './client';
import { bytesText, EMPTY_BODY, type HttpHeader } from './http';
import { resolveForBrowser } from './resolve';

export type BrowserError = 'bad-url' | 'dns' | 'refused' | 'unreachable' | 'reset' | 'timeout';

export type BrowserResult =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: readonly HttpHeader[];
      /** The body decoded as UTF-8. */
      readonly text: string;
      readonly latencyMs: number;
    }
  | { readonly ok: false; readonly error: BrowserError; readonly message: string };

export interface BrowserGetOptions {
  /** Give up after this much virtual time, as a browser's fetch eventually does. Default 30 s. */
  readonly timeoutMs?: number;
}

/** Where the browser's requests come from, as the nodes see them (PWK's proxy on the session network). */
export const BROWSER: NetClient = { node: 'browser', ip: '192.168.0.1', name: 'browser' };

/** Chromium's wording, which a learner would see in a tab. */
const MESSAGES: Readonly<Record<BrowserError, string>> = {
  'bad-url': 'ERR_INVALID_URL',
  dns: 'ERR_NAME_NOT_RESOLVED',
  refused: 'ERR_CONNECTION_REFUSED',
  unreachable: 'ERR_ADDRESS_UNREACHABLE',
  reset: 'ERR_EMPTY_RESPONSE',
  timeout: 'ERR_TIMED_OUT',
};

function failure(error: BrowserError): BrowserResult {
  return { ok: false, error, message: MESSAGES[error] };
}

/**
 * GET `url` from the browser; `onResult` is called once, later on the virtual clock (or never if
 * cancelled with the returned function).
 */
export function httpGet(world: World, url: string, onResult: (result: BrowserResult) => void, opts: BrowserGetOptions = {}): () => void {
  let live = true;
  const deliver = (result: BrowserResult): void => {
    if (!live) return;
    live = false;
    world.clock.cancel(timer);
    onResult(result);
  };
  const timer = world.clock.schedule(opts.timeoutMs ?? 30_000, () => deliver(failure('timeout')), 'browser');
  const parsed = parseUrl(url);
  const ip = parsed ? resolveForBrowser(world, parsed.hostname) : undefined;
  if (!parsed || parsed.protocol !== 'http:') {
    world.clock.schedule(0, () => deliver(failure('bad-url')), 'browser');
  } else if (ip === undefined) {
    world.clock.schedule(0, () => deliver(failure('dns')), 'browser');
  } else {
    const port = parsed.port ? Number(parsed.port) : 80;
    const query = url.includes('?') ? url.slice(url.indexOf('?')).replace(/#.*/, '') : '';
    const host = parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
    httpExchange(world, BROWSER, ip, port, {
      method: 'GET', path: parsed.pathname + query, version: '1.1', body: EMPTY_BODY,
      headers: [['Host', host], ['User-Agent', 'Mozilla/5.0 (kubeplay)'], ['Accept', 'application/json, text/javascript, */*; q=0.01']],
    }, (outcome) => {
      if (outcome.ok) {
        const { response } = outcome;
        deliver({ ok: true, status: response.status, headers: response.headers, text: bytesText(response.body), latencyMs: outcome.latencyMs });
      } else {
        deliver(failure(outcome.error === 'protocol' ? 'reset' : outcome.error));
      }
    });
  }
  // Cancelling means nobody wants the answer any more: drop it quietly.
  return () => {
    live = false;
    world.clock.cancel(timer);
  };
}
