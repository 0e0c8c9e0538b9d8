export function runStreamed(
  command: string,
  args: string[],
  options?: { cwd?: string; env?: NodeJS.ProcessEnv; interactive?: boolean },
): Promise<{ exitCode: number; stdoutTail: string }>;
