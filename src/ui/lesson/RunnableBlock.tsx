import { useRef, useState, type MouseEvent } from 'react';
import { resolveCommand, type RunnableBlock as Block } from '../../lessons';
import { NODE_NAMES, type NodeName } from '../../store';
import { useAppStore, useMessages } from '../storeContext';
import { focusTerminal, rememberLessonPlace } from '../screens';
import { PHONE_LAYOUT } from '../useMediaQuery';

/**
 * A command from the lesson. Activating it types the command into its node's terminal (resolving
 * variables such as the join command from the live cluster), shows that terminal and focuses it,
 * except after a tap: on a touch screen a focused terminal opens the on-screen keyboard over the output.
 */
export function RunnableBlock({ block, onRun }: { block: Block; onRun?: (block: Block) => void }) {
  const t = useMessages();
  const store = useAppStore();
  const [problem, setProblem] = useState<string | undefined>();
  const button = useRef<HTMLButtonElement>(null);
  const node = ((NODE_NAMES as readonly string[]).includes(block.node) ? block.node : 'node1') as NodeName;

  const run = (event: MouseEvent<HTMLElement>) => {
    const state = store.getState();
    const playground = state.playground;
    if (!playground) return;
    const resolved = resolveCommand(block.command, playground.world, state.lang);
    if (!resolved.ok) {
      setProblem(resolved.message);
      return;
    }
    setProblem(undefined);
    const typed = resolved.command.split('\n').map((line) => `${line}\r`).join('');
    playground.terminal(node).session.input(typed);
    state.setActiveNode(node);
    rememberLessonPlace(button.current);
    if (window.matchMedia(PHONE_LAYOUT).matches) state.setPanel('terminal');
    if ((event.nativeEvent as PointerEvent).pointerType !== 'touch') {
      // A terminal shown for the first time (the other node's tab, the phone's terminal panel)
      // mounts or unhides in this update: focus it once it has, unless the focus moved on in the
      // meantime (an Escape pressed before the frame came must not be undone).
      if (!focusTerminal(node)) {
        const before = document.activeElement;
        requestAnimationFrame(() => {
          if (document.activeElement === before) focusTerminal(node);
        });
      }
    }
    onRun?.(block);
  };

  return (
    <div className="kp-block" data-node={node} data-interrupt-after={block.interruptAfterMs}>
      <div className="kp-block-head">
        <span className="kp-block-node">{node}</span>
        <button ref={button} type="button" className="kp-block-run" onClick={run} aria-label={t.runOnLabel(node, block.command)} data-testid={`run-block-${block.index}`}>
          ▶ {t.runOn(node)}
        </button>
      </div>
      {/* Focusable so a long command can be scrolled sideways by keyboard; the button runs it. */}
      <pre className="kp-block-code" onClick={run} tabIndex={0}><code>{block.command}</code></pre>
      {problem && <p className="kp-block-problem" role="alert">{problem}</p>}
    </div>
  );
}
