import { describe, expect, it } from 'vitest';
import { Playground } from './testing/playground';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

describe('kubectl usage errors and help', () => {
  const p = new Playground().init();

  it('suggests commands for a typo', () => {
    const r = p.kubectl('gett pods');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\nRun \'kubectl --help\' for usage.\n');
    expect(p.kubectl('descibe node').stderr).toContain('Did you mean this?\n\tdescribe\n');
    expect(p.kubectl('frobnicate').stderr).toBe('error: unknown command "frobnicate" for "kubectl"\nRun \'kubectl --help\' for usage.\n');
  });

  it('rejects unknown flags and flags without their value, as pflag words them', () => {
    expect(p.kubectl('get pods --foo')).toMatchObject({ stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", exitCode: 1 });
    expect(p.kubectl('get pods -n').stderr).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n");
    expect(p.kubectl('get pods -x').stderr).toBe("error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n");
  });

  it('takes global flags before the verb', () => {
    expect(p.kubectl('-n kube-system get pods').stdout).toBe(p.kubectl('get pods --namespace=kube-system').stdout);
    expect(p.kubectl('get -nkube-system pods').stdout).toBe(p.kubectl('get pods -n kube-system').stdout);
  });

  it('prints the top-level help for `kubectl` and `kubectl --help`, a verb help for `get --help`', async () => {
    const top = p.kubectl('');
    expect(top.exitCode).toBe(0);
    expect(p.kubectl('--help').stdout).toBe(top.stdout);
    await golden('help-top', top.stdout);
    await golden('help-get', p.kubectl('get --help').stdout);
    expect(p.kubectl('help get').stdout).toBe(p.kubectl('get -h').stdout);
  });

  it('names the missing pieces', async () => {
    expect(p.kubectl('describe').stderr).toBe('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expect(p.kubectl('apply').stderr).toBe('error: must specify one of -f and -k\n');
    await golden('delete-nothing', p.kubectl('delete').stderr);
    expect(p.kubectl('delete pods').stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(p.kubectl('cp x y').stderr).toBe('error: "kubectl cp" is not available in this playground yet\n');
  });
});
