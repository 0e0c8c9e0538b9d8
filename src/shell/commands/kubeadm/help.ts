/**
 * kubeadm's help, laid out the way cobra prints it (usage, available commands, flags with aligned
 * descriptions, global flags), in our own words.
 */
import { GLOBAL_FLAGS, HELP_FLAG, type KubeadmFlag } from './flags';

export interface HelpTopic {
  readonly path: string;
  readonly long: string;
  readonly usage: readonly string[];
  readonly commands?: ReadonlyArray<readonly [string, string]>;
  readonly flags: readonly KubeadmFlag[];
}

const BANNER = `
    ┌──────────────────────────────────────────────────────────┐
    │ KUBEADM                                                  │
    │ Easily bootstrap a secure Kubernetes cluster             │
    │                                                          │
    │ Please give us feedback at:                              │
    │ https://github.com/kubernetes/kubeadm/issues             │
    └──────────────────────────────────────────────────────────┘

Example usage:

    Build a two-machine cluster: one control-plane node, which runs
    the cluster's brain, and one worker node, where your Pods and
    Deployments will run.

    ┌──────────────────────────────────────────────────────────┐
    │ On the first machine:                                    │
    ├──────────────────────────────────────────────────────────┤
    │ control-plane# kubeadm init                              │
    └──────────────────────────────────────────────────────────┘

    ┌──────────────────────────────────────────────────────────┐
    │ On the second machine:                                   │
    ├──────────────────────────────────────────────────────────┤
    │ worker# kubeadm join <arguments-returned-from-init>      │
    └──────────────────────────────────────────────────────────┘

    Repeat the second step on every other machine you want in the cluster.
`;

export const TOP_COMMANDS: ReadonlyArray<readonly [string, string]> = [
  ['certs', 'Commands related to handling kubernetes certificates'],
  ['completion', 'Output shell completion code for the specified shell (bash or zsh)'],
  ['config', 'Manage configuration for a kubeadm cluster persisted in a ConfigMap in the cluster'],
  ['help', 'Help about any command'],
  ['init', 'Run this command in order to set up the Kubernetes control plane'],
  ['join', 'Run this on any machine you wish to join an existing cluster'],
  ['kubeconfig', 'Kubeconfig file utilities'],
  ['reset', "Performs a best effort revert of changes made to this host by 'kubeadm init' or 'kubeadm join'"],
  ['token', 'Manage bootstrap tokens'],
  ['upgrade', 'Upgrade your cluster smoothly to a newer version with this command'],
  ['version', 'Print the version of kubeadm'],
];

function valueType(flag: KubeadmFlag): string {
  if (!flag.takesValue) return '';
  if (flag.repeatable) return ' strings';
  if (flag.name === '--token-ttl' || flag.name === '--ttl') return ' duration';
  if (flag.name === '--v') return ' Level';
  if (flag.name === '--apiserver-bind-port') return ' int32';
  return ' string';
}

export function flagLines(flags: readonly KubeadmFlag[]): string {
  const left = flags.map((f) => `${f.short ? `  ${f.short}, ` : '      '}${f.name}${valueType(f)}`);
  const width = Math.max(...left.map((l) => l.length)) + 3;
  return flags.map((f, i) => `${left[i]!.padEnd(width)}${f.description}`).join('\n');
}

function commandLines(commands: ReadonlyArray<readonly [string, string]>): string {
  // cobra pads command names to at least 11 characters, then one space.
  const width = Math.max(11, ...commands.map(([name]) => name.length));
  return commands.map(([name, summary]) => `  ${name.padEnd(width)} ${summary}`).join('\n');
}

export function topLevelHelp(): string {
  return `${BANNER}
Usage:
  kubeadm [command]

Available Commands:
${commandLines(TOP_COMMANDS)}

Flags:
${flagLines([HELP_FLAG, ...GLOBAL_FLAGS])}

Additional help topics:
  kubeadm alpha      Kubeadm experimental sub-commands

Use "kubeadm [command] --help" for more information about a command.
`;
}

export function commandHelp(topic: HelpTopic): string {
  const commands = topic.commands ? `\nAvailable Commands:\n${commandLines(topic.commands)}\n` : '';
  const more = topic.commands ? `\nUse "kubeadm ${topic.path} [command] --help" for more information about a command.\n` : '';
  return `${topic.long}

Usage:
${topic.usage.map((u) => `  ${u}`).join('\n')}
${commands}
Flags:
${flagLines([...topic.flags, { ...HELP_FLAG, description: `help for ${topic.path.split(' ').pop()}` }])}

Global Flags:
${flagLines(GLOBAL_FLAGS)}
${more}`;
}
