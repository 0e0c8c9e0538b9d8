/**
 * What the page loads once the first prompt is painted, one piece at a time, in a fixed order: the
 * lesson panel, the diagram, the web UI, then every lazy command (kubectl, kubeadm…). Each piece
 * starts in an idle moment after the previous one has arrived, been evaluated and rendered, so their
 * evaluation and first renders no longer pile up into long tasks right after the prompt
 * (docs/performance.md, "Long tasks during lesson 1"). The shell's interpreter comes right after
 * the lesson is on screen; a line typed at the first prompt loads it at once (the deferred shell's
 * `hurry`).
 *
 * `inTurn(load)` reserves a place in the queue (the order of the calls below) and returns the loader
 * React.lazy calls; calling it, or `startAfterPrompt()`, starts the queue. Every piece loads once the
 * queue runs, whether or not something has asked for it yet.
 */
import { loadShellModule } from '../store';

type Load<T> = () => Promise<T>;

const queue: Load<unknown>[] = [];
let started = false;

/** An idle moment: after the pending renders and input, or 300 ms at the latest (a busy page still gets its pieces). */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 300 });
    else setTimeout(resolve, 16);
  });
}

function inTurn<T>(load: Load<T>): Load<T> {
  let settle!: (result: Promise<T>) => void;
  const turn = new Promise<T>((resolve) => {
    settle = resolve;
  });
  queue.push(() => {
    const result = load();
    settle(result);
    return result;
  });
  return () => {
    startAfterPrompt();
    return turn;
  };
}

/** Starts loading the queued pieces (once the prompt is painted). */
export function startAfterPrompt(): void {
  if (started) return;
  started = true;
  void (async () => {
    for (const step of queue) {
      await idle();
      // A piece that fails to load is reported where it shows (its lazy component); the rest still load.
      await step().catch(() => undefined);
    }
  })();
}

export const loadLessonPanel = inTurn(() => import('./lesson/LessonPanel'));

// The lesson's text is the page's largest paint. Nothing else starts downloading until it is on
// screen (or 1.5 s have passed: a lesson that fails or hangs must not hold the rest back), so on a
// slow network the diagram's and the commands' bytes don't compete with it (Lighthouse LCP).
let lessonPainted!: () => void;
const lessonOnScreen = new Promise<void>((resolve) => {
  lessonPainted = resolve;
});
inTurn(() => Promise.race([lessonOnScreen, new Promise<void>((resolve) => setTimeout(resolve, 1_500))]));

/** Called by the lesson area (App.tsx) once the lesson, or its error, is painted. */
export function markLessonPainted(): void {
  lessonPainted();
}
// The shell's parser and interpreter, unless a line typed at the first prompt has already asked.
inTurn(() => loadShellModule());
export const loadLessonDiagram = inTurn(() => import('./lesson/LessonDiagram'));
export const loadWebui = inTurn(() => import('./webui/WebuiRoot'));
/** Completion and the heavy commands, so the first `kubectl` typed (and Tab after it) doesn't wait for the network. */
inTurn(() => loadShellModule().then((m) => m.preloadCommands()));
