/**
 * Requests over the engine's Network: HTTP and Redis as values, clients, name resolution, the
 * browser's fetch, traffic accounting.
 */
export { httpExchange, redisCommand, seenClientIp } from './client';
export type { NetClient, HttpOutcome, RedisOutcome, HttpRequestSpec, ConnectFailure } from './client';
export {
  isHttpService, headerValue, responseHead, response, textBytes, bytesText, httpDate, STATUS_TEXT, EMPTY_BODY,
} from './http';
export type { HttpRequest, HttpResponse, HttpExchange, HttpService, HttpHeader, HttpVersion } from './http';
export { isRedisService, byteString, stringBytes } from './redis';
export type { RedisReply, RedisService } from './redis';
export { resolveOnNode, resolveForBrowser, isIpv4 } from './resolve';
export { httpGet, BROWSER } from './browser';
export type { BrowserResult, BrowserError, BrowserGetOptions } from './browser';
export { trafficMeter, TrafficMeter, TRAFFIC_WINDOW_MS } from './traffic';
