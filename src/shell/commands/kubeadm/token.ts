/**
 * `kubeadm token create|list|generate|delete`: bootstrap tokens as Secrets in kube-system, through
 * the admin kubeconfig. `create --print-join-command` prints the whole join line (with the trailing
 * space kubeadm leaves), `list` prints kubeadm's tabwriter table.
 */
import {
  DEFAULT_TOKEN_DESCRIPTION, DEFAULT_TOKEN_TTL_MS, TOKEN_PATTERN, createToken, deleteToken, findToken, generateToken, listTokens,
  type BootstrapToken, type World,
} from '../../../engine';
import type { CommandContext } from '../../types';
import { connect } from './apiClient';
import { flagBool, flagValue, parseGoDuration, type KubeadmFlag, type ParsedFlags } from './flags';
import { fail } from './output';

export const TOKEN_FLAGS: readonly KubeadmFlag[] = [
  { name: '--description', takesValue: true, description: 'A human friendly description of how this token is used.' },
  { name: '--dry-run', takesValue: false, description: 'Whether to enable dry-run mode or not' },
  { name: '--groups', takesValue: true, description: 'Extra groups that this token will authenticate as when used for authentication.' },
  { name: '--kubeconfig', takesValue: true, description: 'The kubeconfig file to use when talking to the cluster.' },
  { name: '--print-join-command', takesValue: false, description: 'Instead of printing only the token, print the full \'kubeadm join\' flag needed to join the cluster using the token.' },
  { name: '--ttl', takesValue: true, description: 'The duration before the token is automatically deleted (e.g. 1s, 2m, 3h). If set to \'0\', the token will never expire' },
  { name: '--usages', takesValue: true, description: 'Describes the ways in which this token can be used.' },
];

const SECRETS_PATH = '/api/v1/namespaces/kube-system/secrets';
const counters = new WeakMap<World, number>();

/** A fresh token from the world's seeded randomness (each call its own stream). */
function newToken(world: World): string {
  const n = (counters.get(world) ?? 0) + 1;
  counters.set(world, n);
  return generateToken(world.random.fork(`kubeadm-token/${n}`));
}

export function runToken(ctx: CommandContext, sub: string | undefined, flags: ParsedFlags): number {
  const kubeconfig = flagValue(flags, '--kubeconfig');
  switch (sub) {
    case 'generate':
      ctx.stdout.write(`${newToken(ctx.world)}\n`);
      return 0;
    case 'create': {
      const given = flags.args[0];
      if (given !== undefined && !TOKEN_PATTERN.test(given)) {
        return fail(ctx, `token "${given}" was not of the form "^([a-z0-9]{6})\\.([a-z0-9]{16})$"`);
      }
      const ttlText = flagValue(flags, '--ttl');
      const ttl = ttlText === undefined ? DEFAULT_TOKEN_TTL_MS : parseGoDuration(ttlText);
      if (ttl === undefined) return fail(ctx, `invalid argument "${ttlText}" for "--ttl" flag: time: invalid duration "${ttlText}"`);
      const token = given ?? newToken(ctx.world);
      const api = connect(ctx, kubeconfig, { verb: 'Post', path: `${SECRETS_PATH}?timeout=10s` });
      if (!api.ok) {
        return fail(ctx, api.kind === 'config' ? api.error
          : `failed to create or update bootstrap token with name bootstrap-token-${token.slice(0, 6)}: unable to create Secret: ${api.error}`);
      }
      if (findToken(api.cluster, token.slice(0, 6))) {
        return fail(ctx, `a token with id "${token.slice(0, 6)}" already exists`);
      }
      if (!flagBool(flags, '--dry-run')) {
        createToken(api.cluster, token, ttl, flagValue(flags, '--description') ?? '', 'kubeadm', ctx.world.random.fork(`kubeadm-token-sign/${token}`));
      }
      if (flagBool(flags, '--print-join-command')) {
        ctx.stdout.write(`kubeadm join ${api.endpoint} --token ${token} --discovery-token-ca-cert-hash ${api.cluster.ca.hash} \n`);
      } else {
        ctx.stdout.write(`${token}\n`);
      }
      return 0;
    }
    case 'list': {
      const api = connect(ctx, kubeconfig, { verb: 'Get', path: `${SECRETS_PATH}?fieldSelector=type%3Dbootstrap.kubernetes.io%2Ftoken` });
      if (!api.ok) return fail(ctx, api.kind === 'config' ? api.error : `failed to list bootstrap tokens: ${api.error}`);
      const tokens = listTokens(api.cluster);
      if (tokens.length > 0) ctx.stdout.write(tokenTable(tokens, ctx.world.wallNow()));
      return 0;
    }
    case 'delete': {
      if (flags.args.length === 0) return fail(ctx, 'missing argument; \'token delete\' is missing token of form "^([a-z0-9]{6})$" or "^([a-z0-9]{6})\\.([a-z0-9]{16})$"');
      for (const arg of flags.args) {
        const id = /^[a-z0-9]{6}$/.test(arg) ? arg : TOKEN_PATTERN.exec(arg)?.[1];
        if (!id) return fail(ctx, `given token didn't match pattern "^([a-z0-9]{6})$" or "^([a-z0-9]{6})\\.([a-z0-9]{16})$"`);
        const api = connect(ctx, kubeconfig, { verb: 'Delete', path: `${SECRETS_PATH}/bootstrap-token-${id}?timeout=10s` });
        if (!api.ok) return fail(ctx, api.kind === 'config' ? api.error : `failed to delete bootstrap token "${id}": ${api.error}`);
        if (!deleteToken(api.cluster, id, 'kubeadm')) return fail(ctx, `failed to delete bootstrap token "${id}": secrets "bootstrap-token-${id}" not found`);
        ctx.stdout.write(`bootstrap token "${id}" deleted\n`);
      }
      return 0;
    }
    default:
      return -1;
  }
}

/** kubeadm's token table, laid out as Go's tabwriter(minwidth 10, tabwidth 4, padding 3) does. */
export function tokenTable(tokens: readonly BootstrapToken[], wallNow: number): string {
  const rows = [
    ['TOKEN', 'TTL', 'EXPIRES', 'USAGES', 'DESCRIPTION', 'EXTRA GROUPS'],
    ...tokens.map((t) => [
      `${t.id}.${t.secret}`,
      t.expires === undefined ? '<forever>' : t.expires <= wallNow ? '<invalid>' : shortHumanDuration(t.expires - wallNow),
      t.expires === undefined ? '<never>' : new Date(t.expires).toISOString().replace('.000Z', 'Z'),
      t.usages.join(','),
      t.description === '' ? '<none>' : t.description === DEFAULT_TOKEN_DESCRIPTION ? t.description : t.description,
      t.groups.join(','),
    ]),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(10, ...rows.map((r) => r[col]!.length + 3)));
  return rows.map((r) => r.map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd(widths[col]!))).join('')).join('\n') + '\n';
}

/** apimachinery's ShortHumanDuration. */
function shortHumanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.floor(hours / 24);
  return days < 365 ? `${days}d` : `${Math.floor(days / 365)}y`;
}
