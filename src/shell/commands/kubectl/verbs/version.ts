/**
 * kubectl version, v1.27 style: the long `version.Info{...}` lines with a deprecation WARNING on
 * stderr (the short form only became the default in 1.28), `--short`, `--client`, `-o yaml|json`.
 * Without a reachable server it prints the client part, then the connection error, and exits 1.
 */
import { toGoJson } from '../../../format/json';
import { toYaml } from '../../../format/yaml';
import type { Program } from '../../../types';
import { flagBool, flagString } from '../flags';
import { connect, reportFailure, type ConnectFailure } from '../client';
import { fail, settingsOf, type Invocation, type Verb } from '../invocation';
import { CLIENT_VERSION, goVersionInfo, KUSTOMIZE_VERSION, SERVER_VERSION } from '../versionInfo';

const WARNING = 'WARNING: This version information is deprecated and will be replaced with the output from kubectl version --short.  Use --output=yaml|json to get the full version.';

function* run(inv: Invocation): Program {
  const client = flagBool(inv.flags, 'client');
  const short = flagBool(inv.flags, 'short');
  const output = flagString(inv.flags, 'output') ?? '';
  if (output !== '' && output !== 'yaml' && output !== 'json') return fail(inv, '--output must be \'yaml\' or \'json\'');
  if (inv.args.length > 0) return fail(inv, `unknown command "${inv.args[0]}" for "kubectl version"`);
  if (short) inv.err('Flag --short has been deprecated, and will be removed in the future. The --short output will become the default.\n');
  let failure: ConnectFailure | undefined;
  if (!client) {
    const settings = settingsOf(inv);
    if (!settings.ok) return fail(inv, settings.error);
    const result = connect(inv, settings.settings);
    if (!result.ok) failure = result.failure;
  }
  const server = !client && failure === undefined;
  if (output !== '') {
    const doc: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
    if (server) doc.serverVersion = SERVER_VERSION;
    inv.out(output === 'yaml' ? toYaml(doc) : toGoJson(doc, { indent: '  ', sortKeys: false }));
  } else if (short) {
    inv.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (server) inv.out(`Server Version: ${SERVER_VERSION.gitVersion}\n`);
  } else {
    inv.err(`${WARNING}\n`);
    inv.out(`Client Version: ${goVersionInfo(CLIENT_VERSION)}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (server) inv.out(`Server Version: ${goVersionInfo(SERVER_VERSION)}\n`);
  }
  // The connection error comes last, after the client half, as cmdutil.CheckErr prints it.
  if (failure) return yield* reportFailure(inv, failure, false);
  return 0;
}

export const version: Verb = {
  name: 'version',
  summary: 'Print the client and server version information',
  usage: 'kubectl version [flags] [options]',
  help: 'Print the client and server version information for the current context.',
  flags: [
    { name: 'client', kind: 'bool', description: 'If true, shows client version only (no server required).', defaultText: 'false' },
    { name: 'short', kind: 'bool', description: 'If true, print just the version number.', defaultText: 'false' },
    { name: 'output', short: 'o', kind: 'string', description: "One of 'yaml' or 'json'.", defaultText: "''", values: ['yaml', 'json'] },
  ],
  run,
};
