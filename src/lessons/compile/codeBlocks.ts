/**
 * What a fenced block's info string asks for:
 *   ```bash node1                         runnable on node1 (click to type it there; replay runs it)
 *   ```bash node1 may-fail                runnable, and replay accepts a non-zero exit status
 *   ```bash node1 interrupt-after=30s     runnable; a command still running 30 s (virtual) after it
 *                                         started gets Ctrl+C in replay (`docker-compose up`)
 *   ```check                              the step's checks (hidden from the learner)
 *   ```highlight                          diagram ids to emphasise while the step is current (hidden)
 *   ```text, ```yaml, ...                 shown, never run
 */
import { listWords } from '../checks/args';

export type CodeKind =
  | { readonly kind: 'run'; readonly node: string; readonly mayFail: boolean; readonly interruptAfterMs: number | undefined }
  | { readonly kind: 'check' }
  | { readonly kind: 'highlight' }
  | { readonly kind: 'show' }
  | { readonly kind: 'error'; readonly message: string };

const SHELLS = new Set(['bash', 'sh', 'shell']);
const OPTIONS = ['may-fail', 'interrupt-after=<duration>'];
const INTERRUPT_AFTER = 'interrupt-after';
/** Replay gives any command at most 10 minutes; an interrupt must come before that. */
export const MAX_INTERRUPT_AFTER_MS = 10 * 60_000;

export function classifyInfoString(info: string | undefined, nodes: readonly string[]): CodeKind {
  const words = (info ?? '').trim().split(/\s+/).filter((w) => w !== '');
  const [language, node, ...options] = words;
  if (language === 'check' || language === 'highlight') {
    return words.length === 1 ? { kind: language } : { kind: 'error', message: `write a ${language} block as \`\`\`${language} with nothing after "${language}"` };
  }
  if (language !== undefined && SHELLS.has(language) && node !== undefined) {
    if (!nodes.includes(node)) {
      return { kind: 'error', message: `unknown node "${node}" in \`\`\`${words.join(' ')}: this playground has ${listWords(nodes)} (e.g. \`\`\`bash ${nodes[0] ?? 'node1'})` };
    }
    return runOptions(language, node, options);
  }
  if (node !== undefined && nodes.includes(node)) {
    return { kind: 'error', message: `only shell blocks run on a node: write \`\`\`bash ${node} (or drop "${node}" to just show this block)` };
  }
  return { kind: 'show' };
}

function runOptions(language: string, node: string, options: readonly string[]): CodeKind {
  let mayFail = false;
  let interruptAfterMs: number | undefined;
  for (const option of options) {
    if (option === 'may-fail') {
      mayFail = true;
      continue;
    }
    const [name, value] = splitOption(option);
    if (name !== INTERRUPT_AFTER) {
      return { kind: 'error', message: `unknown option "${option}" after \`\`\`${language} ${node}; options are ${OPTIONS.join(', ')}` };
    }
    const ms = value === undefined ? undefined : parseDuration(value);
    if (ms === undefined || ms <= 0 || ms > MAX_INTERRUPT_AFTER_MS) {
      return {
        kind: 'error',
        message: `"${option}" needs a duration between 1s and 10m, like interrupt-after=30s or interrupt-after=1m30s (replay presses Ctrl+C that long after the command starts)`,
      };
    }
    interruptAfterMs = ms;
  }
  return { kind: 'run', node, mayFail, interruptAfterMs };
}

function splitOption(option: string): [string, string | undefined] {
  const eq = option.indexOf('=');
  return eq < 0 ? [option, undefined] : [option.slice(0, eq), option.slice(eq + 1)];
}

/** "30s", "2m", "1m30s", "500ms" → milliseconds (Go's duration spelling, the units lessons need). */
export function parseDuration(text: string): number | undefined {
  if (!/^(\d+(ms|m|s))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)(ms|m|s)/g)) {
    const n = Number(amount);
    total += unit === 'm' ? n * 60_000 : unit === 's' ? n * 1000 : n;
  }
  return total;
}
