/**
 * The page as a browser outside the nodes: one HTTP GET over the engine's Network, as PWK's port
 * proxy reached a node's published port. Connecting follows the node's forwarders (docker-proxy),
 * so a stopped web UI gives "connection refused", and the answer arrives when the model sends it.
 */
import { utf8Decode, type World } from '../engine';
import type { BrowserAnswer, BrowserGet } from './webuiPoller';

/** The HTTP server contract of the engine's request model (src/engine/net/http.ts), as far as a GET needs it. */
interface HttpServiceLike {
  readonly kind: 'http';
  handle(exchange: {
    readonly request: {
      readonly method: string;
      readonly path: string;
      readonly version: '1.1';
      readonly headers: readonly (readonly [string, string])[];
      readonly body: Uint8Array;
      readonly clientIp: string;
    };
    respond(response: { readonly status: number; readonly body: Uint8Array }): void;
    reset(): void;
  }): void;
}

function isHttpServiceLike(service: unknown): service is HttpServiceLike {
  return typeof service === 'object' && service !== null && (service as { kind?: unknown }).kind === 'http'
    && typeof (service as { handle?: unknown }).handle === 'function';
}

/** Where the browser's requests come from, as the servers see them: PWK's proxy on the session network. */
export const BROWSER_ORIGIN = 'browser';
const BROWSER_IP = '192.168.0.1';

export const browserGet: BrowserGet = (world: World, url: string, done: (answer: BrowserAnswer) => void) => {
  const parsed = /^http:\/\/([^/:]+):(\d+)(\/.*)?$/.exec(url);
  if (parsed === null) {
    done({ kind: 'error', error: 'unreachable' });
    return;
  }
  const [, ip = '', port = '80', path = '/'] = parsed;
  const dialed = world.network.dial(BROWSER_ORIGIN, ip, Number(port));
  if (!dialed.ok) {
    done({ kind: 'error', error: dialed.reason === 'refused' ? 'refused' : 'unreachable' });
    return;
  }
  const service = dialed.listener.service;
  if (!isHttpServiceLike(service)) {
    // Something listens but does not speak HTTP (Redis on 6379): the browser sees the connection drop.
    done({ kind: 'error', error: 'reset' });
    return;
  }
  let settled = false;
  service.handle({
    request: { method: 'GET', path, version: '1.1', headers: [['Host', `${ip}:${port}`], ['Accept', 'application/json']], body: new Uint8Array(0), clientIp: BROWSER_IP },
    respond(response) {
      if (settled) return;
      settled = true;
      done({ kind: 'response', status: response.status, body: utf8Decode(Array.from(response.body)) });
    },
    reset() {
      if (settled) return;
      settled = true;
      done({ kind: 'error', error: 'reset' });
    },
  });
};
