export function devServerPlan(passthrough: string[]): { args: string[]; url: string | undefined };
