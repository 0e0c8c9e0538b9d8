import { describe, expect, it } from 'vitest';
import { median, percentile } from './lib.mjs';

describe('percentile (nearest rank, as the bench reports p50 and p95)', () => {
  it('takes the sample at or above the rank, whatever the order', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
    expect(percentile(samples, 95)).toBe(19);
    expect(percentile(samples, 100)).toBe(20);
    expect(median(samples)).toBe(10);
  });

  it('gives the one sample for any percentile, and NaN for none', () => {
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
