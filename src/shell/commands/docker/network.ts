/** `docker network ls|inspect|create|rm`. */
import type { DockerEngine } from '../../../engine';
import { toGoJson } from '../../format/json';
import type { CommandContext } from '../../types';
import { daemonError } from './client';
import { dockerTable } from './format';
import { parseFlags, type FlagDef } from './flags';
import { networkJson } from './inspect';

const NETWORK_FLAGS: readonly FlagDef[] = [
  { long: 'quiet', short: 'q', description: 'Only display network IDs' },
  { long: 'no-trunc', description: "Don't truncate the output" },
  { long: 'driver', short: 'd', value: true, description: 'Driver to manage the Network (default "bridge")' },
  { long: 'format', short: 'f', value: true, description: 'Format the output using the given Go template' },
  { long: 'force', short: 'f', description: 'Do not prompt for confirmation' },
];

const NETWORK_HELP = `
Usage:  docker network COMMAND

Manage networks

Commands:
  connect     Connect a container to a network
  create      Create a network
  disconnect  Disconnect a container from a network
  inspect     Display detailed information on one or more networks
  ls          List networks
  prune       Remove all unused networks
  rm          Remove one or more networks

Run 'docker network COMMAND --help' for more information on a command.
`;

export function runNetwork(ctx: CommandContext, engine: DockerEngine, argv: readonly string[]): number {
  const [sub, ...rest] = argv;
  const defs = NETWORK_FLAGS.filter((f) => (sub === 'rm' || sub === 'prune' ? f.long !== 'format' : f.long !== 'force'));
  const parsed = parseFlags(rest, defs);
  if (!parsed.ok) {
    ctx.stderr.write(`${parsed.error}\nSee 'docker network ${sub ?? ''} --help'.\n`);
    return 125;
  }
  const { args, bools } = parsed.parsed;
  switch (sub) {
    case 'ls':
    case 'list': {
      const nets = engine.networks();
      if (bools.has('quiet')) {
        ctx.stdout.write(nets.map((n) => `${n.id.slice(0, 12)}\n`).join(''));
        return 0;
      }
      const trunc = !bools.has('no-trunc');
      ctx.stdout.write(dockerTable([['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...nets.map((n) => [trunc ? n.id.slice(0, 12) : n.id, n.name, n.driver, n.scope])]));
      return 0;
    }
    case 'inspect': {
      if (args.length === 0) {
        ctx.stderr.write('"docker network inspect" requires at least 1 argument.\nSee \'docker network inspect --help\'.\n\nUsage:  docker network inspect [OPTIONS] NETWORK [NETWORK...]\n\nDisplay detailed information on one or more networks\n');
        return 1;
      }
      let code = 0;
      const found = [];
      for (const ref of args) {
        const n = engine.network(ref);
        if (n) found.push(networkJson(n, engine));
        else {
          ctx.stderr.write(`Error: No such network: ${ref}\n`);
          code = 1;
        }
      }
      ctx.stdout.write(toGoJson(found, { indent: '    ', sortKeys: false }));
      return code;
    }
    case 'create': {
      const name = args[0];
      if (name === undefined || args.length > 1) {
        ctx.stderr.write('"docker network create" requires exactly 1 argument.\nSee \'docker network create --help\'.\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nCreate a network\n');
        return 1;
      }
      const r = engine.createNetwork(name);
      if (!r.ok) return daemonError(ctx, r.error);
      ctx.stdout.write(`${r.value.id}\n`);
      return 0;
    }
    case 'rm':
    case 'remove': {
      let code = 0;
      for (const ref of args) {
        const r = engine.removeNetwork(ref);
        if (r.ok) ctx.stdout.write(`${ref}\n`);
        else code = daemonError(ctx, r.error);
      }
      return code;
    }
    case undefined:
    case '--help':
      ctx.stdout.write(NETWORK_HELP);
      return 0;
    default:
      ctx.stderr.write(`docker: '${sub}' is not a docker command.\nSee 'docker --help'\n`);
      return 1;
  }
}
