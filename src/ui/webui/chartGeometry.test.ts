import { describe, expect, it } from 'vitest';
import { chartGeometry, formatKMBT, niceScale } from './chartGeometry';
import { ANNOUNCE_EVERY, buckets, nextAnnouncement, smoothedSpeed } from './textAlternative';

describe('chartGeometry: the area chart as SVG paths', () => {
  it('spans the series over the width and scales speeds from the bottom', () => {
    const g = chartGeometry([{ x: 10, y: 0 }, { x: 11, y: 4 }, { x: 12, y: 2 }], 100, 50);
    expect(g.max).toBe(4);
    expect(g.line).toBe('M0,50L50,0L100,25');
    expect(g.area).toBe('M0,50L0,50L50,0L100,25L100,50Z');
    expect(g.ticks.map((t) => [t.label, t.top])).toEqual([['0', 1], ['1', 0.75], ['2', 0.5], ['3', 0.25], ['4', 0]]);
  });

  it('draws the back-filled start as a flat line at zero on a 0–1 axis', () => {
    const flat = chartGeometry(Array.from({ length: 249 }, (_, i) => ({ x: i, y: 0 })), 800, 400);
    expect(flat.max).toBe(1);
    expect(flat.line.split('L').every((p) => p.endsWith(',400'))).toBe(true);
  });

  it('draws nothing without points, but keeps an axis', () => {
    expect(chartGeometry([])).toMatchObject({ area: '', line: '', max: 1 });
  });

  it('picks round axis tops', () => {
    expect(niceScale(3.9)).toEqual({ max: 4, step: 1 });
    expect(niceScale(10.2)).toEqual({ max: 15, step: 5 });
    expect(niceScale(37)).toEqual({ max: 40, step: 10 });
  });

  it('formats the axis as Rickshaw does', () => {
    expect([formatKMBT(2), formatKMBT(0.5), formatKMBT(1500), formatKMBT(2_000_000)]).toEqual(['2', '0.5', '1.5K', '2M']);
  });
});

describe('the text alternative', () => {
  const oneWorker = Array.from({ length: 60 }, (_, i) => ({ x: 1000 + i, y: i % 6 === 5 ? 0 : 4 }));

  it('smooths the jagged speed over ten seconds', () => {
    expect(smoothedSpeed(oneWorker)).toBeCloseTo(3.2, 9);
    expect(smoothedSpeed([])).toBeUndefined();
  });

  it('announces after ten answers, then only every ten answers and on a change above 10%', () => {
    expect(nextAnnouncement(undefined, ANNOUNCE_EVERY - 1, 3.3)).toBeUndefined();
    const first = nextAnnouncement(undefined, ANNOUNCE_EVERY, 3.3);
    expect(first).toEqual({ value: 3.3, at: 10 });
    expect(nextAnnouncement(first, 15, 6.6)).toBeUndefined();
    expect(nextAnnouncement(first, 20, 3.5)).toBeUndefined();
    expect(nextAnnouncement(first, 20, 6.6)).toEqual({ value: 6.6, at: 20 });
    expect(nextAnnouncement({ value: 0, at: 10 }, 20, 0.02)).toBeUndefined();
  });

  it('tells the last minute in six ten-second steps, oldest first', () => {
    const steps = buckets(oneWorker);
    expect(steps.map((b) => [b.from, b.to])).toEqual([[60, 50], [50, 40], [40, 30], [30, 20], [20, 10], [10, 0]]);
    expect(steps.every((b) => b.mean !== undefined && b.mean > 3 && b.mean < 3.7)).toBe(true);
    expect(buckets([{ x: 5, y: 4 }]).map((b) => b.mean)).toEqual([undefined, undefined, undefined, undefined, undefined, 4]);
  });
});
