// Found by the fuzz (issue 5, R2): a bracket expression with a range out of order ("[z-a]",
// "[*]-p" pieces of jsonpath pasted unquoted) crashed pathname expansion with "internal error".
import { beforeAll, expect, it } from 'vitest';
import { preloadCommands } from '../session/preload';
import { shellOn, testWorld } from '../testing/harness';
import { matchesPattern } from './glob';

beforeAll(() => preloadCommands());

it('a range out of order matches nothing, its negation any one character, and nothing throws', async () => {
  expect(matchesPattern('[z-a]', 'b')).toBe(false);
  expect(matchesPattern('[!z-a]', 'b')).toBe(true);
  const sh = shellOn(testWorld(), 'node1');
  const r = await sh.run("ls /etc/[z-a]* ; echo ${HOME#[z-a]} -o=jsonpath={.items[*].metadata.name}[\\-p\\|--x]");
  expect(r.output).not.toContain('internal error');
  expect(r.output).toContain("ls: cannot access '/etc/[z-a]*': No such file or directory");
});
