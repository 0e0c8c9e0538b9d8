/**
 * Which program a pod's container runs: the cluster's own images run the stand-in daemon (their
 * behaviour is modelled elsewhere); DockerCoins' and redis' command lines their programs; an
 * image's own binary (nginx, /webcolor, elasticsearch, the registry) its server; any other
 * command line the container's shell interpreter (ping, sleep, sh -c …) — or, when the image
 * does not ship that program, nothing: runc fails the start (`StartError`, exit code 128).
 */
import { programForCommand } from '../containers/programs';
import type { ContainerFiles } from './podFs';
import { ENTRYPOINT_WRAPPERS, type PodImage } from './images';
import { hasBinary } from './script/host';
import { COMMANDS } from './script/commands';

export type ProgramChoice =
  /** A program from the table; `modelled` says whether probes and real exits apply to it. */
  | { readonly kind: 'program'; readonly key: string; readonly modelled: boolean }
  /** The command-line interpreter. */
  | { readonly kind: 'command'; readonly modelled: boolean }
  /** The image has no such executable. */
  | { readonly kind: 'missing'; readonly binary: string };

/** Images whose processes the engine models as cluster components (control plane, kube-proxy, DNS, CNI). */
const SYSTEM_IMAGE = /^(registry\.k8s\.io|k8s\.gcr\.io)\/|^docker\.io\/weaveworks\/|\/coredns(\/coredns)?:/;


/** Servers known by their executable's name. */
const BY_NAME: Readonly<Record<string, string>> = { nginx: 'nginx', elasticsearch: 'elasticsearch' };

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash']);

export function chooseProgram(imageRef: string, image: PodImage, files: ContainerFiles, argv: readonly string[]): ProgramChoice {
  if (SYSTEM_IMAGE.test(imageRef)) return { kind: 'program', key: 'daemon', modelled: false };
  // An image we do not know, started with no command: whatever it runs, it runs until stopped.
  if (argv.length === 0) return { kind: 'program', key: 'daemon', modelled: false };
  const own = image.binaries?.[argv[0]!];
  if (own) return { kind: 'program', key: own, modelled: true };
  const known = programForCommand(argv);
  if (known) return { kind: 'program', key: known, modelled: true };
  const rest = ENTRYPOINT_WRAPPERS.has(argv[0]!) && argv.length > 1 ? argv.slice(1) : argv;
  const first = rest[0]!;
  const base = first.slice(first.lastIndexOf('/') + 1);
  if (BY_NAME[base] && (image.flavour === 'unknown' || hasBinary({ files, flavour: image.flavour }, first) || rest !== argv)) {
    return { kind: 'program', key: BY_NAME[base]!, modelled: true };
  }
  if (!hasBinary({ files, flavour: image.flavour }, argv[0]!)) return { kind: 'missing', binary: argv[0]! };
  const understood = base in COMMANDS || SHELLS.has(base) || image.flavour !== 'unknown';
  return { kind: 'command', modelled: understood };
}
