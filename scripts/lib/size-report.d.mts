import type { BundleReport } from './bundle-size.mjs';

export interface SizeFigure {
  name: string;
  label: string;
  bytes: number;
  budget?: number;
}
export function sizeFigures(report: BundleReport): SizeFigure[];
export function overBudget(figure: SizeFigure): boolean;
export function figureJson(figure: SizeFigure): string;
export function sizeTable(report: BundleReport): string[];
