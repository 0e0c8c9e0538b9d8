/**
 * The page as a browser outside the nodes: the engine's `httpGet` (src/engine/net/browser.ts), which
 * reaches a node's published port as PWK's port proxy did, so a stopped web UI gives "connection
 * refused" and the answer arrives when the model sends it, on the virtual clock.
 */
import { httpGet } from '../engine';
import type { BrowserGet } from './webuiPoller';

export const browserGet: BrowserGet = (world, url, done) =>
  httpGet(world, url, (result) => done(result.ok
    ? { kind: 'response', status: result.status, body: result.text }
    : { kind: 'error', error: result.error, code: result.message }));
