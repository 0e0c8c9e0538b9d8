import type { BundleReport } from './bundle-size.mjs';

export interface SizeFigure {
  name: string;
  label: string;
  bytes: number;
  budget?: number;
}
export function sizeFigures(report: BundleReport): SizeFigure[];
export function overBudget(figure: SizeFigure): boolean;
export type KnownGaps = Readonly<Record<string, Readonly<{ ceiling: number; doc: string }>>>;
export function knownGap(figure: SizeFigure, gaps?: KnownGaps): Readonly<{ ceiling: number; doc: string }> | undefined;
export function failsBudget(figure: SizeFigure, gaps?: KnownGaps): boolean;
export function figureJson(figure: SizeFigure): string;
export function sizeTable(report: BundleReport): string[];
