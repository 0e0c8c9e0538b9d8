/**
 * The processes of the cluster's own images (etcd, kube-apiserver, kube-proxy, CoreDNS, Weave…)
 * whose behaviour the engine models elsewhere (cluster/controlPlane, cluster/addons, the service
 * network): in a container they only write their start-up lines, then run until told to stop.
 * They are Go programs, which handle SIGTERM even as PID 1: they exit at once.
 */
import type { ProgramMain } from '../containers/process';
import { ProgramBase, signals } from './program';

/** What a few of them print first, for `kubectl logs -n kube-system …`. */
function startupLines(image: string, hex: string): readonly string[] {
  if (/\/coredns:/.test(image)) {
    return ['.:53', `[INFO] plugin/reload: Running configuration SHA512 = ${hex}`, 'CoreDNS-1.10.1', 'linux/amd64, go1.20, 055b2c3'];
  }
  return [];
}

export const daemonProgram: ProgramMain = (sb, exitFn) => {
  const p = new ProgramBase(sb, exitFn);
  const lines = startupLines(sb.image, p.world.random.fork(`daemon/${sb.id}`).hex(128));
  for (const line of lines) p.out(line);
  return signals(p, () => p.exit(0));
};
