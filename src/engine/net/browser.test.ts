import { describe, expect, it } from 'vitest';
import { World } from '../world';
import { StubCompose } from '../apps/testing/stubRuntime';
import { httpGet, type BrowserResult } from './browser';

function get(world: World, url: string): BrowserResult {
  let result: BrowserResult | undefined;
  httpGet(world, url, (r) => (result = r));
  for (let i = 0; i < 60_000 && !result; i++) world.advance(1);
  if (!result) throw new Error('no result');
  return result;
}

describe('httpGet (the page\'s browser)', () => {
  it('gets connection refused while nothing listens on node1:8000, then the JSON', () => {
    const world = new World({ seed: 'browser' });
    expect(get(world, 'http://node1:8000/json')).toEqual({ ok: false, error: 'refused', message: 'ERR_CONNECTION_REFUSED' });
    new StubCompose(world).up();
    world.advance(5000);
    const r = get(world, 'http://node1:8000/json');
    expect(r.ok && r.status).toBe(200);
    expect(r.ok && (JSON.parse(r.text) as { hashes: string }).hashes).toMatch(/^\d+$/);
    // By address too, as PWK's links gave it.
    const ip = world.host('node1')!.ip;
    expect(get(world, `http://${ip}:8000/json`).ok).toBe(true);
  });

  it('cannot resolve unknown names nor reach the learner\'s own localhost', () => {
    const world = new World({ seed: 'browser2' });
    new StubCompose(world).up();
    expect(get(world, 'http://nowhere:8000/json')).toMatchObject({ ok: false, error: 'dns' });
    expect(get(world, 'http://localhost:8000/json')).toMatchObject({ ok: false, error: 'dns' });
    expect(get(world, 'ftp://node1/')).toMatchObject({ ok: false, error: 'bad-url' });
  });

  it('is counted as traffic from "browser" to the webui', async () => {
    const world = new World({ seed: 'browser3' });
    new StubCompose(world).up();
    world.advance(2000);
    get(world, 'http://node1:8000/json');
    const { trafficOf } = await import('./trafficProbe');
    expect(trafficOf(world).some((e) => e.from === 'browser' && e.to === 'node1/dockercoins_webui_1')).toBe(true);
    expect(trafficOf(world).some((e) => e.from === 'node1/dockercoins_webui_1' && e.to === 'node1/dockercoins_redis_1' && e.kind === 'redis')).toBe(true);
  });

  it('can be cancelled: no callback afterwards', () => {
    const world = new World({ seed: 'browser4' });
    let called = false;
    const cancel = httpGet(world, 'http://node1:8000/json', () => (called = true));
    cancel();
    world.advance(60_000);
    expect(called).toBe(false);
  });
});
