/**
 * How kubeadm talks: phase lines on stdout, warnings and errors on stderr, errors followed by the
 * hint about --v=5, klog lines with the virtual clock's time and a process id, and PWK's wrapper
 * line the first time kubeadm runs on a host.
 */
import type { Host, World } from '../../../engine';
import type { CommandContext } from '../../types';

export const STACK_TRACE_HINT = 'To see the stack trace of this error execute with --v=5 or higher';

/** Prints an error the way kubeadm's CheckErr does; returns the exit status 1. */
export function fail(ctx: CommandContext, message: string): number {
  ctx.stderr.write(`${message}\n${STACK_TRACE_HINT}\n`);
  return 1;
}

const machineIdSetUp = new WeakSet<Host>();

/**
 * PWK's wrapper (/usr/local/bin/kubeadm) runs systemd-machine-id-setup before the first kubeadm
 * call on a fresh instance, which prints this line.
 */
export function pwkWrapperPreamble(ctx: CommandContext): void {
  if (machineIdSetUp.has(ctx.host)) return;
  machineIdSetUp.add(ctx.host);
  ctx.stdout.write('Initializing machine ID from random generator.\n');
}

const pids = new WeakMap<Host, number>();

/** A klog header line: `W0601 09:14:02.118734    1432 file.go:123] message`. */
export function klog(world: World, host: Host, level: 'I' | 'W' | 'E', source: string, message: string): string {
  let pid = pids.get(host);
  if (pid === undefined) {
    pid = 1000 + world.random.fork(`kubeadm-pid/${host.name}`).int(8000);
  }
  pid += 7;
  pids.set(host, pid);
  const d = new Date(world.wallNow());
  const two = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000 + (pid * 37) % 1000).padStart(6, '0');
  const stamp = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros}`;
  return `${level}${stamp} ${String(pid).padStart(7)} ${source}] ${message}\n`;
}
