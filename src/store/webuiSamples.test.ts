import { describe, expect, it } from 'vitest';
import { SERIES_LENGTH, currentSpeed, formatSpeed, parseAnswer, pushSample, speedPoints, summarize, type WebuiSample } from './webuiSamples';

const sample = (now: number, hashes: number, coins = 0): WebuiSample => ({ now, hashes, coins });

describe('parseAnswer: the /json body as the page reads it', () => {
  it('takes hashes as Redis returns it, a string, and coins as a number', () => {
    expect(parseAnswer('{"coins":3,"hashes":"128","now":1685610000.25}')).toEqual({ ok: true, sample: { coins: 3, hashes: 128, now: 1685610000.25 } });
  });

  it('reads a missing counter (null before the first INCRBY) as 0, as JavaScript arithmetic does', () => {
    expect(parseAnswer('{"coins":0,"hashes":null,"now":1685610000}')).toEqual({ ok: true, sample: { coins: 0, hashes: 0, now: 1685610000 } });
  });

  it('refuses what is not the web UI answering', () => {
    expect(parseAnswer('<html>Not Found</html>')).toEqual({ ok: false, reason: 'not-json' });
    expect(parseAnswer('RNG running on 3f2a')).toEqual({ ok: false, reason: 'not-json' });
    expect(parseAnswer('[1,2]')).toEqual({ ok: false, reason: 'not-a-sample' });
    expect(parseAnswer('{"hashes":"1"}')).toEqual({ ok: false, reason: 'not-a-sample' });
    expect(parseAnswer('{"coins":0,"hashes":"abc","now":1}')).toEqual({ ok: false, reason: 'not-a-sample' });
  });
});

describe('pushSample: the rolling series of 250', () => {
  it('back-fills the first answer with copies one second apart, so the graph starts flat at zero', () => {
    const series = pushSample([], sample(1000, 40, 2));
    expect(series).toHaveLength(SERIES_LENGTH);
    expect(series[0]).toEqual(sample(1000 - 249, 40, 2));
    expect(series.at(-2)).toEqual(sample(999, 40, 2));
    expect(series.at(-1)).toEqual(sample(1000, 40, 2));
    const points = speedPoints(series);
    expect(points).toHaveLength(SERIES_LENGTH - 1);
    expect(points.every((p) => p.y === 0)).toBe(true);
    expect(formatSpeed(currentSpeed(points)!)).toBe('~0.0');
  });

  it('drops the oldest sample as each new one arrives', () => {
    let series = pushSample([], sample(1000, 0));
    series = pushSample(series, sample(1001, 4));
    expect(series).toHaveLength(SERIES_LENGTH);
    expect(series[0]?.now).toBe(1000 - 248);
    expect(series.at(-1)).toEqual(sample(1001, 4));
  });
});

describe('speedPoints: instantaneous speed from consecutive samples', () => {
  it('is jagged for one worker: steps of 4 every ~1.2 s sampled every second read 4, 4, 4, 4, 0', () => {
    // The worker flushes 4 units at 1.2 s, 2.4 s, 3.6 s…; the page samples at whole seconds.
    const counterAt = (t: number) => 4 * Math.floor(t / 1.2 + 1e-9);
    let series: readonly WebuiSample[] = [];
    for (let t = 0; t <= 12; t++) series = pushSample(series, sample(1000 + t, counterAt(t)));
    const last12 = speedPoints(series).slice(-12).map((p) => p.y);
    expect(last12).toEqual([0, 4, 4, 4, 4, 4, 0, 4, 4, 4, 4, 4]);
    const mean = last12.reduce((a, b) => a + b, 0) / last12.length;
    expect(mean).toBeCloseTo(10 / 3, 5);
  });

  it('divides by the server-time gap, which is never exactly one second', () => {
    const points = speedPoints([sample(1000, 0), sample(1001.25, 5)]);
    expect(points).toEqual([{ x: 1001.25, y: 4 }]);
    expect(formatSpeed(points[0]!.y)).toBe('~4.0');
  });

  it('counts two answers stamped at the same instant as no progress instead of ~NaN', () => {
    expect(speedPoints([sample(1000, 0), sample(1000, 8)])).toEqual([{ x: 1000, y: 0 }]);
  });

  it('has no current speed before the first answer', () => {
    expect(currentSpeed(speedPoints([]))).toBeUndefined();
  });
});

describe('summarize: the last minute in words', () => {
  it('gives mean, min and max over the window', () => {
    const points = Array.from({ length: 120 }, (_, i) => ({ x: 1000 + i, y: i < 60 ? 100 : i % 5 === 0 ? 0 : 4 }));
    expect(summarize(points, 60)).toEqual({ count: 60, mean: 3.2, min: 0, max: 4 });
    expect(summarize([], 60)).toBeUndefined();
  });
});
