import { describe, expect, it } from 'vitest';
import { Playground } from '../testing/playground';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

describe('kubectl version', () => {
  const p = new Playground().init();

  it('prints the long v1.27 form, the WARNING going to stderr', async () => {
    const r = p.kubectl('version');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('WARNING: This version information is deprecated and will be replaced with the output from kubectl version --short.  Use --output=yaml|json to get the full version.\n');
    await golden('version', r.stdout);
  });

  it('--short, --client, -o yaml and -o json', async () => {
    expect(p.kubectl('version --short').stdout).toBe('Client Version: v1.27.2\nKustomize Version: v5.0.1\nServer Version: v1.27.2\n');
    expect(p.kubectl('version --client --short').stdout).toBe('Client Version: v1.27.2\nKustomize Version: v5.0.1\n');
    await golden('version-yaml', p.kubectl('version -o yaml').stdout);
    await golden('version-json', p.kubectl('version -o json').stdout);
  });

  it('base64 of its stdout is what the Weave one-liner sends', () => {
    expect(p.kubectl('version').stdout.split('\n')).toHaveLength(4);
  });
});
