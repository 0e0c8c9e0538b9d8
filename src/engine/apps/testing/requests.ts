/**
 * Requests from a node's shell in model tests: an HTTP exchange run to completion on the virtual
 * clock, the way curl on node1 would make it.
 */
import { httpExchange, type HttpOutcome } from '../../net/client';
import { EMPTY_BODY, type HttpHeader } from '../../net/http';
import type { World } from '../../world';

export interface Sent {
  readonly outcome: HttpOutcome;
  /** Virtual ms between sending and the answer. */
  readonly tookMs: number;
}

/** Sends from `node` (as its shell would) and advances the clock until the answer (at most `maxMs`). */
export function send(world: World, node: string, ip: string, port: number, method: string, path: string, body: Uint8Array = EMPTY_BODY, maxMs = 60_000): Sent {
  const host = world.host(node);
  let result: HttpOutcome | undefined;
  const started = world.now();
  const headers: HttpHeader[] = [['Host', `${ip}:${port}`], ['User-Agent', 'curl/7.29.0'], ['Accept', '*/*']];
  httpExchange(world, { node, ip: host?.ip ?? ip, name: node }, ip, port, { method, path, version: '1.1', headers, body }, (o) => {
    result = o;
  });
  for (let waited = 0; result === undefined && waited < maxMs; waited++) world.advance(1);
  if (!result) throw new Error(`no answer from ${ip}:${port}${path} within ${maxMs} ms`);
  return { outcome: result, tookMs: world.now() - started };
}
