import { describe, expect, it } from 'vitest';
import { failsBudget, knownGap, type SizeFigure } from './size-report.mjs';

const GAPS = { 'size.js.all': { ceiling: 475, doc: 'docs/performance.md#all-javascript' } };
const figure = (name: string, kb: number, budget: number): SizeFigure => ({ name, label: name, bytes: kb * 1000, budget });

describe('size budgets with documented gaps', () => {
  it('passes a figure within its budget', () => {
    expect(failsBudget(figure('size.js.all', 340, 350), GAPS)).toBe(false);
    expect(knownGap(figure('size.js.all', 340, 350), GAPS)).toBeUndefined();
  });

  it('lets a documented gap through up to its ceiling, and no further', () => {
    expect(knownGap(figure('size.js.all', 470, 350), GAPS)).toEqual(GAPS['size.js.all']);
    expect(failsBudget(figure('size.js.all', 470, 350), GAPS)).toBe(false);
    expect(failsBudget(figure('size.js.all', 475.1, 350), GAPS)).toBe(true);
  });

  it('fails any other figure over its budget', () => {
    expect(failsBudget(figure('size.js.first-prompt', 200.1, 200), GAPS)).toBe(true);
  });
});
