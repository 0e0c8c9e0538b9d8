/**
 * The processes of the cluster's own images (etcd, kube-apiserver, kube-proxy, CoreDNS, Weave…)
 * whose behaviour the engine models elsewhere (cluster/controlPlane, cluster/addons, the service
 * network): in a container they only write their start-up lines, then run until told to stop.
 * They are Go programs, which handle SIGTERM even as PID 1: they exit at once.
 */
import type { ProgramMain } from '../containers/process';
import { ProgramBase, signals } from './program';

const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** klog's header: "I0601 09:01:23.456789       1 ". */
function klog(wallMs: number, micros: number): string {
  const d = new Date(Math.floor(wallMs));
  const us = String(d.getUTCMilliseconds() * 1000 + micros).padStart(6, '0');
  return `I${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${us}       1 `;
}

/** What a few of them print first, for `kubectl logs -n kube-system …`. */
function startupLines(image: string, hex: string, ip: string, wallMs: number): readonly string[] {
  if (/\/coredns:/.test(image)) {
    return ['.:53', `[INFO] plugin/reload: Running configuration SHA512 = ${hex}`, 'CoreDNS-1.10.1', 'linux/amd64, go1.20, 055b2c3'];
  }
  if (/\/kube-proxy:/.test(image)) {
    const at = (us: number): string => klog(wallMs, us);
    return [
      `${at(101)}node.go:141] Successfully retrieved node IP: ${ip}`,
      `${at(187)}server_others.go:110] "Detected node IP" address="${ip}"`,
      `${at(412)}server_others.go:551] "Using iptables proxy"`,
      `${at(590)}server_others.go:190] "Using iptables Proxier"`,
      `${at(633)}server.go:657] "Version info" version="v1.27.2"`,
      `${at(871)}config.go:188] "Starting service config controller"`,
      `${at(902)}shared_informer.go:311] Waiting for caches to sync for service config`,
      `${at(944)}config.go:97] "Starting endpoint slice config controller"`,
      `${at(963)}shared_informer.go:311] Waiting for caches to sync for endpoint slice config`,
      `${at(975)}config.go:315] "Starting node config controller"`,
      `${at(990)}shared_informer.go:311] Waiting for caches to sync for node config`,
      `${at(995)}shared_informer.go:318] Caches are synced for node config`,
      `${at(997)}shared_informer.go:318] Caches are synced for service config`,
      `${at(999)}shared_informer.go:318] Caches are synced for endpoint slice config`,
    ];
  }
  return [];
}

export const daemonProgram: ProgramMain = (sb, exitFn) => {
  const p = new ProgramBase(sb, exitFn);
  const lines = startupLines(sb.image, p.world.random.fork(`daemon/${sb.id}`).hex(128), sb.ip, p.world.wallNow());
  for (const line of lines) p.out(line);
  return signals(p, () => p.exit(0));
};
