// The status palette as documented in README.md ("Palette"), and why it is colour-blind safe:
// readable text on every tint, distinct glyphs, and colours that stay apart under simulated
// protanopia, deuteranopia and tritanopia.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORY_ORDER, CATEGORY_STYLES, NODE_BADGE_STYLES } from './palette';

type Rgb = readonly [number, number, number];
type Matrix = readonly [Rgb, Rgb, Rgb];

const TEXT = '#1a1a1a';

// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
const SIMULATIONS: Readonly<Record<string, Matrix>> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

function linear(hex: string): Rgb {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}

const luminance = ([r, g, b]: Rgb) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(linear(a)), luminance(linear(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function lab(rgb: Rgb): Rgb {
  const [r, g, b] = rgb.map((c) => Math.min(1, Math.max(0, c))) as unknown as Rgb;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function seenAs(matrix: Matrix, hex: string): Rgb {
  const c = linear(hex);
  return matrix.map((row) => row[0] * c[0] + row[1] * c[1] + row[2] * c[2]) as unknown as Rgb;
}

const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** The README's palette table: category → colour, tint, glyph, border. */
function documented(): Map<string, { color: string; tint: string; glyph: string; border: string }> {
  const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Palette'));
  const rows = new Map<string, { color: string; tint: string; glyph: string; border: string }>();
  for (const m of section.matchAll(/^\| (\w+) \| `(#[0-9a-f]{6})` \| `(#[0-9a-f]{6})` \| (\S+) \| (\w+) \|/gm)) {
    rows.set(m[1]!, { color: m[2]!, tint: m[3]!, glyph: m[4]!, border: m[5]! });
  }
  return rows;
}

describe('the status palette', () => {
  it('is the one README.md documents, category by category', () => {
    const rows = documented();
    expect([...rows.keys()]).toEqual(CATEGORY_ORDER);
    for (const category of CATEGORY_ORDER) {
      const { color, tint, glyph, border } = CATEGORY_STYLES[category];
      expect(rows.get(category), category).toEqual({ color, tint, glyph, border });
    }
  });

  it('never relies on colour alone: every category has its own glyph, and glyph + border never repeat', () => {
    const glyphs = CATEGORY_ORDER.map((c) => CATEGORY_STYLES[c].glyph);
    expect(new Set(glyphs).size).toBe(glyphs.length);
    const cues = CATEGORY_ORDER.map((c) => `${CATEGORY_STYLES[c].glyph} ${CATEGORY_STYLES[c].border}`);
    expect(new Set(cues).size).toBe(cues.length);
  });

  it('puts text on every tint at a contrast of at least 4.5:1 (WCAG AA)', () => {
    for (const category of CATEGORY_ORDER) {
      expect(contrast(TEXT, CATEGORY_STYLES[category].tint), category).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps every two colours apart (ΔE ≥ 10) with normal vision and the three dichromacies', () => {
    for (const [vision, matrix] of Object.entries(SIMULATIONS)) {
      for (const [i, a] of CATEGORY_ORDER.entries()) {
        for (const b of CATEGORY_ORDER.slice(i + 1)) {
          const delta = distance(lab(seenAs(matrix, CATEGORY_STYLES[a].color)), lab(seenAs(matrix, CATEGORY_STYLES[b].color)));
          expect(delta, `${a} vs ${b}, ${vision}`).toBeGreaterThanOrEqual(10);
        }
      }
    }
  });

  it('gives node states the same cues: Ready, NotReady and outside the cluster differ in glyph and colour', () => {
    const states = Object.values(NODE_BADGE_STYLES);
    expect(new Set(states.map((s) => s.glyph)).size).toBe(3);
    expect(new Set(states.map((s) => s.color)).size).toBe(3);
  });
});
