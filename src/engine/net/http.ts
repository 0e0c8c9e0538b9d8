/**
 * HTTP as the model sees it: a request and a response are values, a server is a service object on
 * a Network listener that answers an exchange later on the virtual clock. Nothing is parsed from
 * bytes on the wire; what the tools print of the wire (curl -v, httping's header size) comes from
 * `responseHead()`, the bytes the server would have sent.
 */
import { utf8Decode, utf8Encode } from '../util/utf8';

export type HttpVersion = '1.0' | '1.1';
export type HttpHeader = readonly [name: string, value: string];

export interface HttpRequest {
  readonly method: string;
  /** Path and query as sent on the request line: "/32", "/json?x=1". */
  readonly path: string;
  readonly version: HttpVersion;
  readonly headers: readonly HttpHeader[];
  readonly body: Uint8Array;
  /** The address the server sees the connection coming from. */
  readonly clientIp: string;
}

export interface HttpResponse {
  readonly version: HttpVersion;
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly HttpHeader[];
  readonly body: Uint8Array;
}

/** One request in flight on a server. Exactly one of respond() or reset() takes effect. */
export interface HttpExchange {
  readonly request: HttpRequest;
  respond(response: HttpResponse): void;
  /** The server closed the connection without answering (its process was killed). */
  reset(): void;
}

/** What an HTTP server puts on its listener. */
export interface HttpService {
  readonly kind: 'http';
  /** Who serves, for traffic accounting: "node1/dockercoins_rng_1". */
  readonly owner: string;
  handle(exchange: HttpExchange): void;
}

export function isHttpService(service: unknown): service is HttpService {
  return typeof service === 'object' && service !== null && (service as { kind?: unknown }).kind === 'http';
}

export const EMPTY_BODY = new Uint8Array(0);

export const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
};

export function textBytes(text: string): Uint8Array {
  // ASCII (digests, JSON, log-sized text) is the common case: no intermediate array.
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return new Uint8Array(utf8Encode(text));
    out[i] = c;
  }
  return out;
}

export function bytesText(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (!ascii) return utf8Decode(Array.from(bytes));
  // One flat string per chunk of char codes (concatenating byte by byte allocates a rope per byte).
  if (bytes.length <= 4096) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  return out;
}

/** A header's value, case-insensitively, as servers and clients look them up. */
export function headerValue(headers: readonly HttpHeader[], name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of headers) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** The status line and headers as sent on the wire, CRLF-terminated, blank line included. */
export function responseHead(response: HttpResponse): string {
  let head = `HTTP/${response.version} ${response.status} ${response.reason}\r\n`;
  for (const [k, v] of response.headers) head += `${k}: ${v}\r\n`;
  return `${head}\r\n`;
}

export function response(version: HttpVersion, status: number, headers: readonly HttpHeader[], body: Uint8Array = EMPTY_BODY): HttpResponse {
  return { version, status, reason: STATUS_TEXT[status] ?? 'Unknown', headers, body };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

let lastDateSecond = -1;
let lastDate = '';

/** RFC 7231 IMF-fixdate, the Date header every server here sends: "Thu, 01 Jun 2023 09:00:05 GMT". */
export function httpDate(wallMs: number): string {
  const second = Math.floor(wallMs / 1000);
  if (second !== lastDateSecond) {
    const d = new Date(second * 1000);
    lastDate = `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
    lastDateSecond = second;
  }
  return lastDate;
}
