/**
 * What the in-container shell needs of a running container: where it runs (node, address), who
 * it is (hostname), what it sees (files, environment, resolver) and what it runs (its command,
 * its image's userland). The engine's pod runtime gives one (execTarget(...).host, a ScriptHost, fits
 * this shape); any other runtime can provide one the same way.
 */
/** A file view as a process inside the container sees it (image files, mounts, its writable layer). */
export interface ContainerFileView {
  readonly workingDir: string;
  readFile(path: string): string | undefined;
  /** Entries of a directory, sorted; undefined when it is not one. */
  list(path: string): string[] | undefined;
  writeFile(path: string, text: string, append?: boolean): boolean;
  remove(path: string): boolean;
  mkdir(path: string): boolean;
}

/** A running container, for exec. */
export interface ExecTarget {
  /** The node it runs on (network dials start there). */
  readonly node: string;
  /** The pod's name (what `hostname` prints). */
  readonly hostname: string;
  /** The pod's IP (the node's for hostNetwork pods). */
  readonly ip: string;
  /** "busybox" (alpine, busybox: `/ # `), "debian" (nginx: `root@pod:/# `), or another userland. */
  readonly flavour: string;
  /** KEY=value pairs of the container's environment, as `env` prints them. */
  readonly env: readonly (readonly [string, string])[];
  /** The main process's command line (`ps`). */
  readonly command: readonly string[];
  readonly files: ContainerFileView;
  /** Resolves a name as the container's resolv.conf would (cluster DNS). */
  resolve(name: string): string | undefined;
  /**
   * Runs one of the image's own programs that the shell layer has no command for (busybox's ping,
   * wget...), as the runtime implements them; `done` gets its status. Optional: without it such
   * programs say they are not simulated.
   */
  run?(argv: readonly string[], io: ContainerIo, done: (code: number) => void): { signal(sig: 'SIGINT' | 'SIGTERM' | 'SIGKILL'): void };
}

/** Where a runtime-run program writes, and what a pipe gave it to read. */
export interface ContainerIo {
  out(text: string): void;
  err(text: string): void;
  readonly stdin?: string;
}

