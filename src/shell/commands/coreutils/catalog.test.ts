import { describe, expect, it } from 'vitest';
import { COREUTIL_LIST } from './all';
import { COREUTIL_CATALOG } from './catalog';
import { COREUTILS } from '.';

describe('the coreutils catalog', () => {
  it('names and summarises exactly the commands the lazy chunk holds', () => {
    expect(COREUTIL_CATALOG.map(([name, summary]) => [name, summary])).toEqual(COREUTIL_LIST.map((c) => [c.name, c.summary]));
  });

  it('each lazy entry loads its own command', async () => {
    for (const entry of COREUTILS) expect((await entry.load()).name).toBe(entry.name);
  });
});
