/**
 * The web UI's graph as SVG geometry: an area under the speed line, over the series' time span, with
 * a y axis from 0 to a round maximum, like the real page's Rickshaw area chart (800×400, one
 * steelblue series). Pure and cheap: 249 points become two path strings, once per answer. A few
 * lines of SVG instead of a chart library keep the panel's chunk small and make the chart render
 * on the server for tests.
 */
import type { SpeedPoint } from '../../store';

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;

export interface AxisTick {
  readonly value: number;
  readonly label: string;
  /** From the top of the plot, 0 to 1. */
  readonly top: number;
}

export interface ChartGeometry {
  /** The filled area, closed along the bottom edge. */
  readonly area: string;
  /** The speed line on top of it. */
  readonly line: string;
  readonly ticks: readonly AxisTick[];
  readonly max: number;
}

export function chartGeometry(points: readonly SpeedPoint[], width = CHART_WIDTH, height = CHART_HEIGHT): ChartGeometry {
  const peak = points.reduce((m, p) => Math.max(m, p.y), 0);
  const { max, step } = niceScale(peak);
  const ticks: AxisTick[] = [];
  for (let v = 0; v <= max + step / 2; v += step) ticks.push({ value: v, label: formatKMBT(v), top: 1 - v / max });
  if (points.length === 0) return { area: '', line: '', ticks, max };
  const first = points[0]!.x;
  const span = Math.max(points.at(-1)!.x - first, 1e-9);
  const coords = points.map((p) => `${round((width * (p.x - first)) / span)},${round(height * (1 - Math.max(0, p.y) / max))}`);
  const line = `M${coords.join('L')}`;
  const area = `M${round((width * (points[0]!.x - first)) / span)},${height}L${coords.join('L')}L${width},${height}Z`;
  return { area, line, ticks, max };
}

/** A round top for the axis, with 4 or 5 steps of 1, 2 or 5 × 10^k (a flat zero series gets 0–1). */
export function niceScale(peak: number): { max: number; step: number } {
  if (!(peak > 0)) return { max: 1, step: 0.25 };
  const rough = peak / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return { max: Math.ceil(peak / step - 1e-9) * step || step, step };
}

/** Rickshaw's formatKMBT, which the real page uses on its axis: 1500 → "1.5K", 2 → "2". */
export function formatKMBT(value: number): string {
  const abs = Math.abs(value);
  const units: readonly [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
  for (const [size, suffix] of units) if (abs >= size) return `${trim(value / size)}${suffix}`;
  return trim(value);
}

function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
