/**
 * The "host" a shell inside a container runs on: named after the pod (what `hostname` and the
 * prompt show), with the pod's address and the container's files (ContainerFs) and environment.
 * Commands that need the network or DNS ask `containerOf(ctx.host)` whether they run inside a
 * container, and if so dial from its node, with its address, through its resolver.
 */
import { Host, type VirtualFs, type World } from '../../engine';
import { ContainerFs } from './containerFs';
import type { ExecTarget } from './target';

const targets = new WeakMap<Host, ExecTarget>();

export class ContainerHost extends Host {
  override readonly fs: VirtualFs;
  override readonly loginEnv: Readonly<Record<string, string>>;

  constructor(world: World, readonly target: ExecTarget) {
    super({ name: target.hostname, ip: target.ip, random: world.random.fork(`exec/${target.node}/${target.hostname}`), now: () => world.wallNow() });
    this.fs = new ContainerFs(target.files, () => world.wallNow());
    this.loginEnv = Object.fromEntries(target.env);
    targets.set(this, target);
  }
}

/** The container a shell's host stands for, or undefined on a node. */
export function containerOf(host: Host): ExecTarget | undefined {
  return targets.get(host);
}
