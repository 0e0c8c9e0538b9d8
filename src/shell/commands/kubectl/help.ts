/**
 * kubectl's help screens, in kubectl's layout (command groups, "Options:" with the flag, its default
 * and an indented description, "Usage:"), with our own wording. Also the "Did you mean this?"
 * suggestions cobra gives for a mistyped command.
 */
import type { FlagDef } from './flags';
import type { Verb } from './invocation';

export interface CommandListing {
  readonly name: string;
  readonly summary: string;
}

export interface CommandGroup {
  readonly title: string;
  readonly commands: readonly CommandListing[];
}

/** Every kubectl v1.27 command, grouped as `kubectl --help` groups them, in cobra's insertion order. */
export const COMMAND_GROUPS: readonly CommandGroup[] = [
  { title: 'Basic Commands (Beginner)', commands: [
    { name: 'create', summary: 'Create a resource from a file or from stdin' },
    { name: 'expose', summary: 'Expose a replication controller, service, deployment or pod as a new Kubernetes service' },
    { name: 'run', summary: 'Run a particular image on the cluster' },
    { name: 'set', summary: 'Set specific features on objects' },
  ] },
  { title: 'Basic Commands (Intermediate)', commands: [
    { name: 'explain', summary: 'Get documentation for a resource' },
    { name: 'get', summary: 'Display one or many resources' },
    { name: 'edit', summary: 'Edit a resource on the server' },
    { name: 'delete', summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector' },
  ] },
  { title: 'Deploy Commands', commands: [
    { name: 'rollout', summary: 'Manage the rollout of a resource' },
    { name: 'scale', summary: 'Set a new size for a deployment, replica set, or replication controller' },
    { name: 'autoscale', summary: 'Auto-scale a deployment, replica set, stateful set, or replication controller' },
  ] },
  { title: 'Cluster Management Commands', commands: [
    { name: 'certificate', summary: 'Modify certificate resources.' },
    { name: 'cluster-info', summary: 'Display cluster information' },
    { name: 'top', summary: 'Display resource (CPU/memory) usage' },
    { name: 'cordon', summary: 'Mark node as unschedulable' },
    { name: 'uncordon', summary: 'Mark node as schedulable' },
    { name: 'drain', summary: 'Drain node in preparation for maintenance' },
    { name: 'taint', summary: 'Update the taints on one or more nodes' },
  ] },
  { title: 'Troubleshooting and Debugging Commands', commands: [
    { name: 'describe', summary: 'Show details of a specific resource or group of resources' },
    { name: 'logs', summary: 'Print the logs for a container in a pod' },
    { name: 'attach', summary: 'Attach to a running container' },
    { name: 'exec', summary: 'Execute a command in a container' },
    { name: 'port-forward', summary: 'Forward one or more local ports to a pod' },
    { name: 'proxy', summary: 'Run a proxy to the Kubernetes API server' },
    { name: 'cp', summary: 'Copy files and directories to and from containers' },
    { name: 'auth', summary: 'Inspect authorization' },
    { name: 'debug', summary: 'Create debugging sessions for troubleshooting workloads and nodes' },
    { name: 'events', summary: 'List events' },
  ] },
  { title: 'Advanced Commands', commands: [
    { name: 'diff', summary: 'Diff the live version against a would-be applied version' },
    { name: 'apply', summary: 'Apply a configuration to a resource by file name or stdin' },
    { name: 'patch', summary: 'Update fields of a resource' },
    { name: 'replace', summary: 'Replace a resource by file name or stdin' },
    { name: 'wait', summary: 'Experimental: Wait for a specific condition on one or many resources' },
    { name: 'kustomize', summary: 'Build a kustomization target from a directory or URL' },
  ] },
  { title: 'Settings Commands', commands: [
    { name: 'label', summary: 'Update the labels on a resource' },
    { name: 'annotate', summary: 'Update the annotations on a resource' },
    { name: 'completion', summary: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)' },
  ] },
  { title: 'Other Commands', commands: [
    { name: 'alpha', summary: 'Commands for features in alpha' },
    { name: 'api-resources', summary: 'Print the supported API resources on the server' },
    { name: 'api-versions', summary: 'Print the supported API versions on the server, in the form of "group/version"' },
    { name: 'config', summary: 'Modify kubeconfig files' },
    { name: 'plugin', summary: 'Provides utilities for interacting with plugins' },
    { name: 'version', summary: 'Print the client and server version information' },
  ] },
];

export const ALL_COMMANDS: readonly string[] = [...COMMAND_GROUPS.flatMap((g) => g.commands.map((c) => c.name)), 'help', 'options'];

export function topLevelHelp(): string {
  const width = Math.max(...COMMAND_GROUPS.flatMap((g) => g.commands.map((c) => c.name.length))) + 3;
  const lines = [
    'kubectl controls the Kubernetes cluster manager.',
    '',
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/',
    '',
  ];
  for (const g of COMMAND_GROUPS) {
    lines.push(`${g.title}:`);
    for (const c of g.commands) lines.push(`  ${c.name.padEnd(width)}${c.summary}`);
    lines.push('');
  }
  lines.push('Usage:', '  kubectl [flags] [options]', '',
    'Use "kubectl <command> --help" for more information about a given command.',
    'Use "kubectl options" for a list of global command-line options (applies to all commands).', '');
  return lines.join('\n');
}

function flagBlock(flags: readonly FlagDef[]): string[] {
  const lines: string[] = [];
  for (const f of [...flags].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const names = f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
    lines.push(`    ${names}=${f.defaultText ?? (f.kind === 'bool' ? 'false' : "''")}:`, `\t${f.description}`, '');
  }
  return lines;
}

export function verbHelp(verb: Verb): string {
  const lines = [verb.help, ''];
  if (verb.flags.length) lines.push('Options:', ...flagBlock(verb.flags));
  lines.push('Usage:', `  ${verb.usage}`, '',
    'Use "kubectl options" for a list of global command-line options (applies to all commands).', '');
  return lines.join('\n');
}

export function optionsHelp(globals: readonly FlagDef[]): string {
  return ['The following options can be passed to any command:', '', ...flagBlock(globals.filter((f) => f.name !== 'help'))].join('\n');
}

/** Levenshtein distance, case-insensitive, as cobra's ld(..., ignoreCase=true). */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
    }
  }
  return d[s.length]![t.length]!;
}

/** cobra's SuggestionsFor: distance ≤ 2 or a prefix, in command order. */
export function suggestionsFor(typed: string): string[] {
  return ALL_COMMANDS.filter((name) => name !== 'help' && (distance(typed, name) <= 2 || name.startsWith(typed.toLowerCase())));
}

export function unknownCommand(typed: string): string {
  const suggestions = suggestionsFor(typed);
  const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}`).join('\n')}\n` : '';
  return `error: unknown command "${typed}" for "kubectl"${hint}\nRun 'kubectl --help' for usage.\n`;
}
