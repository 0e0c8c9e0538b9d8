/**
 * A Tab pressed at the prompt before completion can answer (the shell's interpreter or the
 * candidate finder still loading), and whatever is typed after it: held, then typed, Tab first,
 * once both are there. Real bash shows its prompt only when it can complete, and the tty keeps
 * what is typed before then; here the prompt comes first, so the terminal keeps it instead.
 */
import { whenCompletionLoaded } from './completion/load';
import { keysInput, type Key } from './keys';
import type { TerminalShell } from './shellPort';

export class CompletionHold {
  private held: string | undefined;

  /** Input now arriving goes behind the held Tab (`add`). */
  get holding(): boolean {
    return this.held !== undefined;
  }

  add(data: string): void {
    this.held = (this.held ?? '') + data;
  }

  /**
   * `keys[0]` is a Tab at the prompt: if completion cannot answer yet, holds it and the keys after
   * it, and hands them all to `type` once it can (or once a piece has failed to load: the Tab then
   * rings the bell, as it would have). Returns whether it held them.
   */
  holdTab(shell: TerminalShell, keys: readonly Key[], type: (data: string) => void): boolean {
    const loading = [shell.whenLoaded?.(), whenCompletionLoaded()].filter((p) => p !== undefined);
    if (loading.length === 0) return false;
    this.held = keysInput(keys);
    const release = () => {
      const held = this.held ?? '';
      this.held = undefined;
      type(held);
    };
    void Promise.all(loading).then(release, release);
    return true;
  }
}
