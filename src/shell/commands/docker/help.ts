/** `docker --help` and the one-line summaries of the subcommands the playground's docker knows. */
import { COMPOSE_PLUGIN_VERSION } from './info';

export const MANAGEMENT: ReadonlyArray<readonly [string, string]> = [
  ['compose*', `Docker Compose (Docker Inc., ${COMPOSE_PLUGIN_VERSION})`],
  ['container', 'Manage containers'],
  ['image', 'Manage images'],
  ['network', 'Manage networks'],
  ['system', 'Manage Docker'],
];

export const COMMANDS: ReadonlyArray<readonly [string, string]> = [
  ['build', 'Build an image from a Dockerfile'],
  ['exec', 'Run a command in a running container'],
  ['images', 'List images'],
  ['info', 'Display system-wide information'],
  ['inspect', 'Return low-level information on Docker objects'],
  ['kill', 'Kill one or more running containers'],
  ['logs', 'Fetch the logs of a container'],
  ['ps', 'List containers'],
  ['pull', 'Pull an image or a repository from a registry'],
  ['restart', 'Restart one or more containers'],
  ['rm', 'Remove one or more containers'],
  ['rmi', 'Remove one or more images'],
  ['run', 'Run a command in a new container'],
  ['start', 'Start one or more stopped containers'],
  ['stop', 'Stop one or more running containers'],
  ['tag', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'],
  ['version', 'Show the Docker version information'],
];

const list = (rows: ReadonlyArray<readonly [string, string]>): string => rows.map(([n, s]) => `  ${n.padEnd(11)} ${s}`).join('\n');

export function dockerHelp(): string {
  return `
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Options:
  -v, --version            Print version information and quit

Management Commands:
${list(MANAGEMENT)}

Commands:
${list(COMMANDS)}

Run 'docker COMMAND --help' for more information on a command.

To get more help with docker, check out our guides at https://docs.docker.com/go/guides/
`;
}

/** `docker container --help` and friends: a management command's subcommands. */
export function managementHelp(name: string, summary: string, subcommands: readonly string[]): string {
  const known = new Map(COMMANDS);
  // Aliases (`container ps`, `container list`) work but are not listed, as in docker's own help.
  const rows = subcommands.filter((s) => s !== 'list' && !(name === 'container' && s === 'ps'))
    .map((s) => [s, known.get(s === 'ls' ? (name === 'image' ? 'images' : 'ps') : s === 'rm' && name === 'image' ? 'rmi' : s === 'df' ? '' : s) ?? ''] as const)
    .map(([s, summary]) => [s, s === 'df' ? 'Show docker disk usage' : summary] as const);
  return `
Usage:  docker ${name} COMMAND

${summary}

Commands:
${list(rows)}

Run 'docker ${name} COMMAND --help' for more information on a command.
`;
}
