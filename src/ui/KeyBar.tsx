import type { MouseEvent, PointerEvent } from 'react';
import type { Lang } from '../store';

/**
 * Keys a phone's on-screen keyboard lacks, under the terminal on touch and narrow screens. Each
 * button sends the bytes xterm.js sends for that key (so completion, history, ^C and an editor's
 * Escape behave exactly as with a keyboard). A press does not take the focus: the terminal keeps
 * it, and the phone's keyboard stays open (or closed) as it was. Loaded lazily: only touch and
 * narrow screens pay for it, after the first prompt.
 */
const KEYS = [
  { id: 'tab', text: 'Tab', bytes: '\t' },
  { id: 'ctrl-c', text: 'Ctrl+C', bytes: '\x03' },
  { id: 'up', text: '↑', bytes: '\x1b[A' },
  { id: 'down', text: '↓', bytes: '\x1b[B' },
  { id: 'esc', text: 'Esc', bytes: '\x1b' },
] as const;

type KeyId = (typeof KEYS)[number]['id'];

const WORDS: Record<Lang, { bar: string; keys: Record<KeyId, string> }> = {
  en: {
    bar: 'Terminal keys',
    keys: { tab: 'Tab (complete)', 'ctrl-c': 'Control C (interrupt)', up: 'Up arrow (previous command)', down: 'Down arrow (next command)', esc: 'Escape' },
  },
  es: {
    bar: 'Teclas de la terminal',
    keys: { tab: 'Tab (completar)', 'ctrl-c': 'Control C (interrumpir)', up: 'Flecha arriba (comando anterior)', down: 'Flecha abajo (comando siguiente)', esc: 'Escape' },
  },
};

const keepFocus = (event: PointerEvent | MouseEvent) => event.preventDefault();

export default function KeyBar({ node, lang, send }: { node: string; lang: Lang; send: (bytes: string) => void }) {
  const words = WORDS[lang];
  return (
    <div className="kp-keybar" role="group" aria-label={words.bar} data-testid={`keybar-${node}`}>
      {KEYS.map((key) => (
        <button
          key={key.id}
          type="button"
          aria-label={words.keys[key.id]}
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
