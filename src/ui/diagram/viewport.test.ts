import { describe, expect, it } from 'vitest';
import { boxInView } from './viewport';

describe('boxInView: when the diagram must bring highlighted nodes into view', () => {
  const size = { width: 800, height: 600 };
  const pod = { x: 100, y: 100, width: 212, height: 76 };

  it('is true for a box wholly on screen, at any zoom', () => {
    expect(boxInView(pod, { x: 0, y: 0, zoom: 1 }, size)).toBe(true);
    expect(boxInView({ x: 1000, y: 1000, width: 212, height: 76 }, { x: 0, y: 0, zoom: 0.5 }, size)).toBe(true);
  });

  it('is false when the box is off screen or cut by an edge', () => {
    expect(boxInView({ x: 700, y: 100, width: 212, height: 76 }, { x: 0, y: 0, zoom: 1 }, size)).toBe(false);
    expect(boxInView(pod, { x: -150, y: 0, zoom: 1 }, size)).toBe(false);
    expect(boxInView({ x: 100, y: 2360, width: 212, height: 76 }, { x: 0, y: 0, zoom: 0.25 }, size)).toBe(false);
  });

  it('follows a pan: the same box comes back into view', () => {
    expect(boxInView({ x: 1200, y: 100, width: 212, height: 76 }, { x: -1000, y: 0, zoom: 1 }, size)).toBe(true);
  });

  it('treats a degenerate zoom as not visible', () => {
    expect(boxInView(pod, { x: 0, y: 0, zoom: 0 }, size)).toBe(false);
  });
});
