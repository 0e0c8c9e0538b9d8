/**
 * Which program a container runs, from its command line. A built image gets its program from its
 * Dockerfile's CMD, a pulled one from the catalogue; `docker run IMAGE other-command` runs that
 * other command instead, so the key always follows the effective command when the command is one
 * the simulation knows.
 */

const KNOWN_COMMANDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^python3? (?:\.?\/)?rng\.py$/, 'dockercoins/rng'],
  [/^ruby (?:\.?\/)?hasher\.rb$/, 'dockercoins/hasher'],
  [/^python3? (?:\.?\/)?worker\.py$/, 'dockercoins/worker'],
  [/^node (?:\.?\/)?webui\.js$/, 'dockercoins/webui'],
  [/^(?:docker-entrypoint\.sh )?redis-server(?: .*)?$/, 'redis'],
];

/** The program key of a command line (entrypoint + cmd), when it is one of DockerCoins' or redis. */
export function programForCommand(command: readonly string[]): string | undefined {
  // The shell form (`CMD python rng.py`) runs through `/bin/sh -c`.
  const unwrapped = (command[0] === '/bin/sh' || command[0] === 'sh') && command[1] === '-c' ? command.slice(2) : command;
  const line = unwrapped.join(' ').trim().replace(/^exec /, '');
  return KNOWN_COMMANDS.find(([re]) => re.test(line))?.[1];
}

/**
 * The program a container created from an image runs: its own command's, else the image's when
 * neither the entrypoint nor the command was overridden.
 */
export function programFor(command: readonly string[], imageProgram: string | undefined, overridden: boolean): string | undefined {
  return programForCommand(command) ?? (overridden ? undefined : imageProgram);
}
