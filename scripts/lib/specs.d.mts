export const SPEC_FILE: RegExp;
export function hasSpecFiles(dir: string): boolean;
