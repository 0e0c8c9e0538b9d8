/**
 * Which runnable blocks the learner has clicked in the open lesson. A reading step (no checks)
 * whose blocks have all been run counts as done: running them was the step.
 */
const ran = new Map<string, Set<number>>();

export function recordBlockRun(lessonId: string, index: number): void {
  let set = ran.get(lessonId);
  if (!set) {
    set = new Set();
    ran.set(lessonId, set);
  }
  set.add(index);
}

export function allBlocksRan(lessonId: string, indexes: readonly number[]): boolean {
  const set = ran.get(lessonId);
  return indexes.length > 0 && indexes.every((i) => set?.has(i));
}
