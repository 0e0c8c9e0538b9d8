import type { MouseEvent, PointerEvent } from 'react';
import type { Messages } from './i18n';

/**
 * Keys a phone's on-screen keyboard lacks, under the terminal on touch and narrow screens. Each
 * button sends the bytes xterm.js sends for that key (so completion, history, ^C and an editor's
 * Escape behave exactly as with a keyboard). A press does not take the focus: the terminal keeps
 * it, and the phone's keyboard stays open (or closed) as it was.
 */
const KEYS = [
  { id: 'tab', text: 'Tab', bytes: '\t' },
  { id: 'ctrl-c', text: 'Ctrl+C', bytes: '\x03' },
  { id: 'up', text: '↑', bytes: '\x1b[A' },
  { id: 'down', text: '↓', bytes: '\x1b[B' },
  { id: 'esc', text: 'Esc', bytes: '\x1b' },
] as const;

export type KeyId = (typeof KEYS)[number]['id'];

const keepFocus = (event: PointerEvent | MouseEvent) => event.preventDefault();

export function KeyBar({ node, t, send }: { node: string; t: Messages; send: (bytes: string) => void }) {
  return (
    <div className="kp-keybar" role="group" aria-label={t.keyBar} data-testid={`keybar-${node}`}>
      {KEYS.map((key) => (
        <button
          key={key.id}
          type="button"
          aria-label={t.keyNames[key.id]}
          data-testid={`key-${key.id}-${node}`}
          onPointerDown={keepFocus}
          onMouseDown={keepFocus}
          onClick={() => send(key.bytes)}
        >
          {key.text}
        </button>
      ))}
    </div>
  );
}
