/**
 * `test` and `[ … ]` as busybox implements the common forms: file tests (-e -f -d -s) against the
 * container's files, string tests (-z -n = !=), integer comparisons (-eq -ne -lt -le -gt -ge), `!`.
 * Status 0 for true, 1 for false, 2 for an expression it does not understand.
 */
import type { ScriptHost } from './host';

export function testExpression(args: readonly string[], host: ScriptHost): number {
  const truth = (ok: boolean): number => (ok ? 0 : 1);
  if (args[0] === '!') return truth(testExpression(args.slice(1), host) !== 0);
  if (args.length === 0) return 1;
  if (args.length === 1) return truth(args[0] !== '');
  if (args.length === 2) {
    const [op, x] = args as [string, string];
    switch (op) {
      case '-z': return truth(x === '');
      case '-n': return truth(x !== '');
      case '-e': return truth(host.files.readFile(x) !== undefined || host.files.list(x) !== undefined);
      case '-f': return truth(host.files.readFile(x) !== undefined);
      case '-d': return truth(host.files.list(x) !== undefined);
      case '-s': return truth((host.files.readFile(x) ?? '') !== '');
      default: return 2;
    }
  }
  const [a, op, b] = args as [string, string, string];
  const n = (s: string): number => Number.parseInt(s, 10) || 0;
  switch (op) {
    case '=':
    case '==': return truth(a === b);
    case '!=': return truth(a !== b);
    case '-eq': return truth(n(a) === n(b));
    case '-ne': return truth(n(a) !== n(b));
    case '-lt': return truth(n(a) < n(b));
    case '-le': return truth(n(a) <= n(b));
    case '-gt': return truth(n(a) > n(b));
    case '-ge': return truth(n(a) >= n(b));
    default: return 2;
  }
}
