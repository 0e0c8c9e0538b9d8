/**
 * Puts a file in the host's filesystem for every program the shell can run (/usr/bin/ls,
 * /usr/local/bin/kubeadm...), so `ls /usr/bin`, `which` and $PATH lookup agree with what runs.
 * Done once per host, when its first shell starts; later deletions stick, as on a real machine.
 */
import type { Host } from '../../engine';
import { markerContent, type CommandTable } from '../interpreter/commandTable';

const installed = new WeakMap<Host, Set<string>>();

export function installPrograms(host: Host, table: CommandTable): void {
  let done = installed.get(host);
  if (!done) {
    done = new Set();
    installed.set(host, done);
    // Device files bash and coreutils expect to find.
    for (const dev of ['/dev/null', '/dev/zero', '/dev/tty']) if (!host.fs.exists(dev)) host.fs.writeFile(dev, '', { mode: 0o666 });
  }
  const summaries = new Map<string, string>();
  for (const entry of table.programs()) summaries.set(entry.name, entry.summary);
  for (const b of table.builtins()) if (!summaries.has(b.name)) summaries.set(b.name, b.summary);
  for (const [path, name] of table.installPaths()) {
    // A session started with extra commands (a test's fake kubectl) installs those too.
    if (done.has(path)) continue;
    done.add(path);
    if (host.fs.exists(path)) continue;
    host.fs.writeFile(path, markerContent(name, summaries.get(name) ?? name), { mode: 0o755 });
  }
}
