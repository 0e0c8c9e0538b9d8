/**
 * kubeadm v1.27.2 as Play with Kubernetes installed it (behind PWK's wrapper script): init, join,
 * reset, token, version, config images, help. Each subcommand is its own module; this file finds
 * the subcommand, parses its flags and dispatches.
 */
import type { Command, CommandContext, CompletionRequest, Program } from '../../types';
import { runConfigImages, CONFIG_IMAGES_FLAGS } from './config';
import { parseFlags, type FlagParse, type KubeadmFlag } from './flags';
import { TOP_COMMANDS, commandHelp, topLevelHelp, type HelpTopic } from './help';
import { INIT_FLAGS, runInit } from './init';
import { JOIN_FLAGS, runJoin } from './join';
import { fail, pwkWrapperPreamble } from './output';
import { RESET_FLAGS, runReset } from './reset';
import { TOKEN_FLAGS, runToken } from './token';
import { VERSION_FLAGS, runVersion } from './version';

const TOPICS: Readonly<Record<string, HelpTopic>> = {
  init: {
    path: 'init', flags: INIT_FLAGS, usage: ['kubeadm init [flags]', 'kubeadm init [command]'],
    long: 'Run this command in order to set up the Kubernetes control plane\n\nIt checks the host, creates the cluster\'s certificates and kubeconfig files, starts the kubelet, writes the\ncontrol plane\'s static Pod manifests, waits for the API server, uploads the configuration, marks this node\nas control-plane, creates a bootstrap token and installs the CoreDNS and kube-proxy add-ons.',
    commands: [['phase', 'Use this command to invoke single phase of the init workflow']],
  },
  join: {
    path: 'join', flags: JOIN_FLAGS, usage: ['kubeadm join [api-server-endpoint] [flags]', 'kubeadm join [command]'],
    long: 'Run this on any machine you wish to join an existing cluster\n\nThe node fetches the cluster-info ConfigMap from the API server, trusts it only if the bootstrap token has\nsigned it and the CA matches --discovery-token-ca-cert-hash, then starts its kubelet, which requests its\nown certificate (TLS bootstrap) and registers itself as a Node.',
    commands: [['phase', 'Use this command to invoke single phase of the join workflow']],
  },
  reset: {
    path: 'reset', flags: RESET_FLAGS, usage: ['kubeadm reset [flags]', 'kubeadm reset [command]'],
    long: "Performs a best effort revert of changes made to this host by 'kubeadm init' or 'kubeadm join'",
    commands: [['phase', 'Use this command to invoke single phase of the reset workflow']],
  },
  token: {
    path: 'token', flags: TOKEN_FLAGS.filter((f) => f.name === '--dry-run' || f.name === '--kubeconfig'), usage: ['kubeadm token [flags]', 'kubeadm token [command]'],
    long: 'This command manages bootstrap tokens. They are short-lived, expire on their own, and let a new node\nauthenticate to the cluster while it joins (a signed cluster-info lets it trust the API server too).',
    commands: [
      ['create', 'Create bootstrap tokens on the server'], ['delete', 'Delete bootstrap tokens on the server'],
      ['generate', 'Generate and print a bootstrap token, but do not create it on the server'], ['list', 'List bootstrap tokens on the server'],
    ],
  },
  version: { path: 'version', flags: VERSION_FLAGS, usage: ['kubeadm version [flags]'], long: 'Print the version of kubeadm' },
  config: {
    path: 'config', flags: [{ name: '--kubeconfig', takesValue: true, description: 'The kubeconfig file to use when talking to the cluster.' }],
    usage: ['kubeadm config [flags]', 'kubeadm config [command]'],
    long: 'There is a ConfigMap in the kube-system namespace called "kubeadm-config" that kubeadm uses to store\ninternal configuration about the cluster.',
    commands: [['images', 'Interact with container images used by kubeadm'], ['migrate', 'Read an older version of the kubeadm configuration API types from a file, and output the similar config object for the newer version'], ['print', 'Print configuration']],
  },
};

const SUBCOMMANDS = TOP_COMMANDS.map(([name]) => name);

function flagsOf(path: string): readonly KubeadmFlag[] {
  if (path === 'init') return INIT_FLAGS;
  if (path === 'join') return JOIN_FLAGS;
  if (path === 'reset') return RESET_FLAGS;
  if (path === 'version') return VERSION_FLAGS;
  if (path.startsWith('token')) return TOKEN_FLAGS;
  if (path.startsWith('config images')) return CONFIG_IMAGES_FLAGS;
  return [];
}

/** Subcommands that print and return at once give their exit code directly. */
function done(code: number): number {
  return code;
}

function run(ctx: CommandContext): number | Program {
  pwkWrapperPreamble(ctx);
  const argv = ctx.argv.slice(1);
  const words = argv.filter((a) => !a.startsWith('-'));
  const sub = words[0];
  if (sub === undefined || sub === 'help') {
    const topic = sub === 'help' ? words[1] : undefined;
    if (topic !== undefined && !SUBCOMMANDS.includes(topic)) return done(fail(ctx, `unknown command "${topic}" for "kubeadm"`));
    ctx.stdout.write(topic && TOPICS[topic] ? commandHelp(TOPICS[topic]) : topLevelHelp());
    if (sub === undefined && argv.some((a) => a !== '-h' && a !== '--help')) {
      const parsed = parseFlags(argv, []);
      if (!parsed.ok) return done(fail(ctx, parsed.error));
    }
    return done(0);
  }
  if (!SUBCOMMANDS.includes(sub)) return done(fail(ctx, `unknown command "${sub}" for "kubeadm"`));
  const rest = [...argv];
  rest.splice(argv.indexOf(sub), 1);
  const second = sub === 'token' || sub === 'config' ? words[1] : undefined;
  const third = sub === 'config' && second === 'images' ? words[2] : undefined;
  for (const w of [second, third]) if (w !== undefined) rest.splice(rest.indexOf(w), 1);
  const path = [sub, second, third].filter(Boolean).join(' ');
  const parsed: FlagParse = parseFlags(rest, flagsOf(path));
  if (!parsed.ok) return done(fail(ctx, parsed.error));
  const flags = parsed.parsed;
  const wantsHelp = flags.values.get('--help')?.[0] === 'true';
  const topic = TOPICS[sub];
  if (wantsHelp || (topic && (sub === 'token' || sub === 'config') && second === undefined)) {
    ctx.stdout.write(topic ? commandHelp(topic) : `Usage:\n  kubeadm ${path} [flags]\n`);
    return done(0);
  }
  switch (sub) {
    case 'init':
      return runInit(ctx, flags, 'realistic');
    case 'join':
      return runJoin(ctx, flags);
    case 'reset':
      return runReset(ctx, flags);
    case 'version':
      return done(runVersion(ctx, flags));
    case 'token': {
      const code = runToken(ctx, second, flags);
      return done(code >= 0 ? code : fail(ctx, `unknown command "${second}" for "kubeadm token"`));
    }
    case 'config':
      if (second === 'images' && (third === 'list' || third === 'pull')) return runConfigImages(ctx, third, flags);
      if (second === 'images') {
        ctx.stdout.write('Interact with container images used by kubeadm\n\nUsage:\n  kubeadm config images [flags]\n  kubeadm config images [command]\n\nAvailable Commands:\n  list        Print a list of images kubeadm will use. The configuration file is used in case any images or image repositories are customized\n  pull        Pull images used by kubeadm\n');
        return done(0);
      }
      return done(fail(ctx, `unknown command "${second}" for "kubeadm config"`));
    default:
      // certs, completion, kubeconfig, upgrade: their help, as cobra shows for a command group.
      ctx.stdout.write(`${TOP_COMMANDS.find(([n]) => n === sub)?.[1] ?? ''}\n\nUsage:\n  kubeadm ${sub} [flags]\n  kubeadm ${sub} [command]\n\nUse "kubeadm ${sub} [command] --help" for more information about a command.\n`);
      return done(0);
  }
}

function complete(req: CompletionRequest): readonly string[] {
  const words = req.words.slice(1).filter((w) => !w.startsWith('-'));
  const prefix = (list: readonly string[]) => list.filter((c) => c.startsWith(req.current));
  if (req.current.startsWith('-')) {
    const path = [words[0], words[0] === 'token' || words[0] === 'config' ? words[1] : undefined, words[0] === 'config' ? words[2] : undefined].filter(Boolean).join(' ');
    return prefix(flagsOf(path).map((f) => f.name).concat('--help'));
  }
  if (words.length === 0) return prefix(SUBCOMMANDS);
  if (words[0] === 'token' && words.length === 1) return prefix(['create', 'delete', 'generate', 'list']);
  if (words[0] === 'config' && words.length === 1) return prefix(['images', 'migrate', 'print']);
  if (words[0] === 'config' && words[1] === 'images' && words.length === 2) return prefix(['list', 'pull']);
  return [];
}

export const kubeadm: Command = {
  name: 'kubeadm',
  summary: 'kubeadm: easily bootstrap a secure Kubernetes cluster',
  flags: [],
  run,
  complete,
};
