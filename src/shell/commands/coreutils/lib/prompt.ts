/** The y/n question of cp -i, mv -i and rm -i: the prompt on stderr, one line from stdin. */
import { canUnread } from '../../../runtime/streams';
import type { CommandContext, Effect } from '../../../types';

/** True when the answer starts with y or Y (GNU's yesno()); end of input means no. */
export function* ask(ctx: CommandContext, prompt: string): Generator<Effect, boolean, unknown> {
  ctx.stderr.write(prompt);
  let line = '';
  for (;;) {
    const chunk = yield* ctx.stdin.read();
    if (chunk === null) break;
    const nl = chunk.indexOf('\n');
    if (nl < 0) {
      line += chunk;
      continue;
    }
    line += chunk.slice(0, nl);
    if (canUnread(ctx.stdin)) ctx.stdin.unread(chunk.slice(nl + 1));
    break;
  }
  return /^\s*[yY]/.test(line);
}
