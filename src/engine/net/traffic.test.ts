import { describe, expect, it } from 'vitest';
import { TrafficMeter } from './traffic';

describe('TrafficMeter', () => {
  it('gives requests per second over the last 5 s, with the mean latency', () => {
    const m = new TrafficMeter();
    for (let t = 0; t < 10_000; t += 100) m.record('node1/w', 'node1/rng', 'http', '/32', 800, t);
    const [edge] = m.rates(10_000);
    expect(edge).toMatchObject({ from: 'node1/w', to: 'node1/rng', kind: 'http', path: '/32', meanLatencyMs: 800 });
    expect(edge!.ratePerSecond).toBeCloseTo(10, 0);
  });

  it('keeps kinds and directions apart, sorted', () => {
    const m = new TrafficMeter();
    m.record('b', 'c', 'redis', undefined, 0, 10);
    m.record('a', 'c', 'http', '/', 100, 10);
    m.record('a', 'c', 'redis', undefined, 0, 10);
    expect(m.rates(20).map((e) => `${e.from}>${e.to}:${e.kind}`)).toEqual(['a>c:http', 'a>c:redis', 'b>c:redis']);
  });

  it('calms down to nothing 5 s after the last request, and forgets idle edges', () => {
    const m = new TrafficMeter();
    for (let t = 0; t < 3000; t += 100) m.record('a', 'b', 'http', '/', 1, t);
    expect(m.rates(3000)[0]!.ratePerSecond).toBeGreaterThan(5);
    expect(m.rates(6000)[0]!.ratePerSecond).toBeLessThan(5);
    expect(m.rates(8100)).toEqual([]);
    m.record('a', 'b', 'http', '/', 1, 20_000);
    expect(m.rates(20_000)[0]!.ratePerSecond).toBeCloseTo(0.21, 2);
  });
});
