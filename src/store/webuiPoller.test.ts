import { describe, expect, it } from 'vitest';
import { World } from '../engine';
import { MAX_IN_FLIGHT, startWebuiPoller, type BrowserAnswer, type BrowserGet } from './webuiPoller';

const REFUSED: BrowserAnswer = { kind: 'error', error: 'refused', code: 'ERR_CONNECTION_REFUSED' };
import { currentSpeed, formatSpeed, speedPoints } from './webuiSamples';

/** A fake web UI on node1:8000 whose counter grows like one worker: +4 every 1.2 s. */
function oneWorkerWebui(latencyMs = 3): { get: BrowserGet; urls: string[] } {
  const urls: string[] = [];
  const get: BrowserGet = (w, url, done) => {
    urls.push(url);
    w.clock.schedule(latencyMs, () => {
      const t = w.now() / 1000;
      const body = JSON.stringify({ coins: 0, hashes: String(4 * Math.floor(t / 1.2)), now: w.wallNow() / 1000 });
      done({ kind: 'response', status: 200, body });
    });
  };
  return { get, urls };
}

const refused: BrowserGet = (_w, _url, done) => {
  done(REFUSED);
};

describe('startWebuiPoller: the browser tab polling /json once per virtual second', () => {
  it('asks the node address at once, then once per second of virtual time, wherever time is moved from', () => {
    const world = new World({ seed: 'webui' });
    const { get, urls } = oneWorkerWebui();
    const poller = startWebuiPoller({ world, target: { node: 'node1', port: 8000 }, get });
    expect(urls).toEqual(['http://node1:8000/json']);
    expect(poller.getView()).toMatchObject({ address: 'http://node1:8000/', series: [], sent: 1, received: 0 });
    // One advance of a minute is sixty ticks, as if the frame loop had moved it bit by bit.
    world.advance(60_000);
    expect(urls).toHaveLength(61);
    // The request sent at 60 s is answered 3 ms later.
    expect(poller.getView().received).toBe(60);
    poller.stop();
    world.advance(10_000);
    expect(urls).toHaveLength(61);
  });

  it('shows the jagged speed of one worker, about 4 with dips to 0, averaging 3.3', () => {
    const world = new World({ seed: 'webui' });
    const poller = startWebuiPoller({ world, target: { node: 'node1', port: 8000 }, get: oneWorkerWebui().get });
    world.advance(60_000);
    const points = speedPoints(poller.getView().series).slice(-60).map((p) => Math.round(p.y));
    expect(new Set(points)).toEqual(new Set([0, 4]));
    const mean = points.reduce((a, b) => a + b, 0) / points.length;
    expect(mean).toBeGreaterThan(3.1);
    expect(mean).toBeLessThan(3.5);
    expect(formatSpeed(currentSpeed(speedPoints(poller.getView().series))!)).toMatch(/^~(4\.0|0\.0)$/);
  });

  it('notifies subscribers on every answer and keeps polling while the connection is refused', () => {
    const world = new World({ seed: 'webui' });
    const poller = startWebuiPoller({ world, target: { node: 'node2', port: 8000 }, get: refused });
    let notified = 0;
    poller.subscribe(() => notified++);
    expect(poller.getView().problem).toEqual({ kind: 'network', error: 'refused', code: 'ERR_CONNECTION_REFUSED' });
    world.advance(3_000);
    expect(notified).toBe(3);
    expect(poller.getView()).toMatchObject({ sent: 4, received: 0, series: [], problem: { kind: 'network', error: 'refused', code: 'ERR_CONNECTION_REFUSED' } });
  });

  it('starts showing samples once the web UI answers, and clears the problem', () => {
    const world = new World({ seed: 'webui' });
    let up = false;
    const answers = oneWorkerWebui().get;
    const get: BrowserGet = (w, url, done) => (up ? answers(w, url, done) : refused(w, url, done));
    const poller = startWebuiPoller({ world, target: { node: 'node1', port: 8000 }, get });
    world.advance(2_000);
    up = true;
    world.advance(1_100);
    expect(poller.getView().problem).toBeUndefined();
    expect(poller.getView().series).toHaveLength(250);
  });

  it('reports an HTTP error or an answer that is not the web UI, keeping the samples it had', () => {
    const world = new World({ seed: 'webui' });
    const queue: BrowserAnswer[] = [
      { kind: 'response', status: 200, body: '{"coins":0,"hashes":"4","now":1000}' },
      { kind: 'response', status: 404, body: 'Cannot GET /json' },
      { kind: 'response', status: 200, body: 'RNG running on 3f2a' },
    ];
    const poller = startWebuiPoller({ world, target: { node: 'node1', port: 8000 }, get: (_w, _u, done) => {
      done(queue.shift()!);
    } });
    world.advance(1_000);
    expect(poller.getView().problem).toEqual({ kind: 'http', status: 404 });
    world.advance(1_000);
    expect(poller.getView().problem).toEqual({ kind: 'not-webui' });
    expect(poller.getView().series).toHaveLength(250);
  });

  it('sends no more than six requests at once to a web UI that never answers (Redis stopped)', () => {
    const world = new World({ seed: 'webui' });
    let sent = 0;
    const poller = startWebuiPoller({ world, target: { node: 'node1', port: 8000 }, get: () => {
      sent++;
    } });
    world.advance(20_000);
    expect(sent).toBe(MAX_IN_FLIGHT);
    expect(poller.getView()).toMatchObject({ sent: MAX_IN_FLIGHT, problem: undefined, series: [] });
  });

  it('ignores answers that arrive after the tab closed', () => {
    const world = new World({ seed: 'webui' });
    const poller = startWebuiPoller({ world, target: { node: 'node1', port: 8000 }, get: oneWorkerWebui(500).get });
    poller.stop();
    world.advance(1_000);
    expect(poller.getView().received).toBe(0);
  });
});
