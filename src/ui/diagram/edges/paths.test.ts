import { describe, expect, it } from 'vitest';
import { Position, getBezierPath } from '@xyflow/react';
import { curveTail } from './paths';

/** Length of a path `M x,y C x,y x,y x,y` by fine chords. */
function cubicLength(d: string): number {
  const [x0, y0, x1, y1, x2, y2, x3, y3] = d.match(/-?[\d.]+/g)!.map(Number) as [number, number, number, number, number, number, number, number];
  const at = (t: number, a: number, b: number, c: number, e: number) => (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t * t * c + t ** 3 * e;
  let len = 0;
  for (let i = 1; i <= 400; i++) {
    const [a, b] = [(i - 1) / 400, i / 400];
    len += Math.hypot(at(b, x0, x1, x2, x3) - at(a, x0, x1, x2, x3), at(b, y0, y1, y2, y3) - at(a, y0, y1, y2, y3));
  }
  return len;
}

describe('curveTail: the moving stretch of a flow, before its arrowhead', () => {
  const [path] = getBezierPath({ sourceX: 0, sourceY: 0, targetX: 300, targetY: 120, sourcePosition: Position.Right, targetPosition: Position.Left });

  it('is about the asked length and ends where the flow ends', () => {
    const tail = curveTail(path, 48);
    expect(tail).toMatch(/^M[\d.-]+,[\d.-]+ C[\d.-]+,[\d.-]+ [\d.-]+,[\d.-]+ 300,120$/);
    expect(cubicLength(tail)).toBeGreaterThan(46);
    expect(cubicLength(tail)).toBeLessThan(70);
  });

  it('is the whole curve when the curve is shorter than that', () => {
    const [short] = getBezierPath({ sourceX: 0, sourceY: 0, targetX: 20, targetY: 0, sourcePosition: Position.Right, targetPosition: Position.Left });
    expect(cubicLength(curveTail(short, 48))).toBeCloseTo(cubicLength(short), 0);
  });

  it('gives back any other shape whole', () => {
    expect(curveTail('M0,0 L10,10', 48)).toBe('M0,0 L10,10');
  });
});
