import type { Browser } from '@playwright/test';

export const root: string;
export const BENCH_OUT_DIR: string;
export function emit(name: string, value: number, unit: string, budget?: number): void;
export function percentile(samples: readonly number[], p: number): number;
export function median(samples: readonly number[]): number;
export function startPreview(options: { port: number; outDir?: string; config?: string }): Promise<{ url: string; stop: () => void }>;
export function launchChromium(): Promise<Browser>;
