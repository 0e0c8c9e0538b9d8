/** docker-compose 1.21's help: the top-level usage and each command's usage and options. */

export const COMMAND_SUMMARIES: ReadonlyArray<readonly [string, string]> = [
  ['build', 'Build or rebuild services'],
  ['config', 'Validate and view the Compose file'],
  ['down', 'Stop and remove containers, networks, images, and volumes'],
  ['exec', 'Execute a command in a running container'],
  ['help', 'Get help on a command'],
  ['kill', 'Kill containers'],
  ['logs', 'View output from containers'],
  ['port', 'Print the public port for a port binding'],
  ['ps', 'List containers'],
  ['pull', 'Pull service images'],
  ['restart', 'Restart services'],
  ['rm', 'Remove stopped containers'],
  ['scale', 'Set number of containers for a service'],
  ['start', 'Start services'],
  ['stop', 'Stop services'],
  ['up', 'Create and start containers'],
  ['version', 'Show the Docker-Compose version information'],
];

export function composeHelp(): string {
  return `Define and run multi-container applications with Docker.

Usage:
  docker-compose [-f <arg>...] [options] [COMMAND] [ARGS...]
  docker-compose -h|--help

Options:
  -f, --file FILE             Specify an alternate compose file
                              (default: docker-compose.yml)
  -p, --project-name NAME     Specify an alternate project name
                              (default: directory name)
  --verbose                   Show more output
  --no-ansi                   Do not print ANSI control characters
  -v, --version               Print version and exit
  --project-directory PATH    Specify an alternate working directory
                              (default: the path of the Compose file)

Commands:
${COMMAND_SUMMARIES.map(([n, s]) => `  ${n.padEnd(18)} ${s}`).join('\n')}
`;
}

const USAGE: Readonly<Record<string, string>> = {
  up: `Builds, (re)creates, starts, and attaches to containers for a service.

Unless they are already running, this command also starts any linked services.

The \`docker-compose up\` command aggregates the output of each container. When
the command exits, all containers are stopped. Running \`docker-compose up -d\`
starts the containers in the background and leaves them running.

Usage: up [options] [--scale SERVICE=NUM...] [SERVICE...]

Options:
    -d, --detach               Detached mode: Run containers in the background,
                               print new container names.
    --no-color                 Produce monochrome output.
    --no-deps                  Don't start linked services.
    --force-recreate           Recreate containers even if their configuration
                               and image haven't changed.
    --no-recreate              If containers already exist, don't recreate them.
    --no-build                 Don't build an image, even if it's missing.
    --build                    Build images before starting containers.
    -t, --timeout TIMEOUT      Use this timeout in seconds for container
                               shutdown when attached or when containers are
                               already running. (default: 10)
    --scale SERVICE=NUM        Scale SERVICE to NUM instances. Overrides the
                               \`scale\` setting in the Compose file if present.
`,
  down: `Stops containers and removes containers, networks, volumes, and images
created by \`up\`.

Usage: down [options]

Options:
    --rmi type              Remove images. Type must be one of:
                              'all': Remove all images used by any service.
                              'local': Remove only images that don't have a
                              custom tag set by the \`image\` field.
    -v, --volumes           Remove named volumes declared in the \`volumes\`
                            section of the Compose file and anonymous volumes
                            attached to containers.
    -t, --timeout TIMEOUT   Specify a shutdown timeout in seconds.
                            (default: 10)
`,
  logs: `View output from containers.

Usage: logs [options] [SERVICE...]

Options:
    --no-color          Produce monochrome output.
    -f, --follow        Follow log output.
    -t, --timestamps    Show timestamps.
    --tail="all"        Number of lines to show from the end of the logs
                        for each container.
`,
  ps: `List containers.

Usage: ps [options] [SERVICE...]

Options:
    -q, --quiet          Only display IDs
    --services           Display services
`,
  scale: `Set number of containers to run for a service.

Numbers are specified in the form \`service=num\` as arguments.
For example:

    $ docker-compose scale web=2 worker=3

This command is deprecated. Use the up command with the \`--scale\` flag
instead.

Usage: scale [options] [SERVICE=NUM...]

Options:
  -t, --timeout TIMEOUT      Specify a shutdown timeout in seconds.
                             (default: 10)
`,
};

/** A command's docstring (`docker-compose help up`, `docker-compose up --help`). */
export function commandHelp(name: string): string {
  const known = USAGE[name];
  if (known) return known;
  const summary = COMMAND_SUMMARIES.find(([n]) => n === name)?.[1] ?? '';
  return `${summary}.\n\nUsage: ${name} [options] [SERVICE...]\n`;
}
