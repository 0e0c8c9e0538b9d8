export function dependenciesInstalled(root: string): boolean;
export function ensureDependencies(root: string): Promise<{ installed: boolean; exitCode: number }>;
