/**
 * What a fenced block's info string asks for:
 *   ```bash node1            runnable on node1 (click to type it there; replay runs it)
 *   ```bash node1 may-fail   runnable, and replay accepts a non-zero exit status
 *   ```check                 the step's checks (hidden from the learner)
 *   ```text, ```yaml, ...    shown, never run
 */
import { listWords } from '../checks/args';

export type CodeKind =
  | { readonly kind: 'run'; readonly node: string; readonly mayFail: boolean }
  | { readonly kind: 'check' }
  | { readonly kind: 'show' }
  | { readonly kind: 'error'; readonly message: string };

const SHELLS = new Set(['bash', 'sh', 'shell']);
const OPTIONS = ['may-fail'];

export function classifyInfoString(info: string | undefined, nodes: readonly string[]): CodeKind {
  const words = (info ?? '').trim().split(/\s+/).filter((w) => w !== '');
  const [language, node, ...options] = words;
  if (language === 'check') {
    return words.length === 1 ? { kind: 'check' } : { kind: 'error', message: 'write a check block as ```check with nothing after "check"' };
  }
  if (language !== undefined && SHELLS.has(language) && node !== undefined) {
    if (!nodes.includes(node)) {
      return { kind: 'error', message: `unknown node "${node}" in \`\`\`${words.join(' ')}: this playground has ${listWords(nodes)} (e.g. \`\`\`bash ${nodes[0] ?? 'node1'})` };
    }
    const unknown = options.find((o) => !OPTIONS.includes(o));
    if (unknown !== undefined) return { kind: 'error', message: `unknown option "${unknown}" after \`\`\`${language} ${node}; options are ${OPTIONS.join(', ')}` };
    return { kind: 'run', node, mayFail: options.includes('may-fail') };
  }
  if (node !== undefined && nodes.includes(node)) {
    return { kind: 'error', message: `only shell blocks run on a node: write \`\`\`bash ${node} (or drop "${node}" to just show this block)` };
  }
  return { kind: 'show' };
}
