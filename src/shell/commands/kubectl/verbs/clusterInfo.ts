/**
 * kubectl cluster-info: the control plane's address and the proxy URL of each kube-system
 * service labelled kubernetes.io/cluster-service=true (CoreDNS on a kubeadm cluster), names in
 * green and URLs in yellow when stdout is a terminal.
 */
import { mustResolve, type Service } from '../../../../engine';
import type { Program } from '../../../types';
import { connectOrReport, type Invocation, type Verb } from '../invocation';

const SERVICES = mustResolve('services');
const DEBUG_HINT = "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";

function* run(inv: Invocation): Program {
  const conn = yield* connectOrReport({ ...inv, err: (t) => inv.err(t.startsWith('E') ? t : `${DEBUG_HINT}${t}`) });
  if (typeof conn === 'number') return conn;
  const tty = inv.ctx.stdout.isTerminal;
  const paint = (text: string, code: number) => (tty ? `\x1b[0;${code}m${text}\x1b[0m` : text);
  const line = (name: string, link: string) => inv.out(`${paint(name, 32)} is running at ${paint(link, 33)}\n`);
  const server = conn.settings.server.replace(/\/$/, '');
  line('Kubernetes control plane', server);
  const services = conn.store.list<Service>(SERVICES, { namespace: 'kube-system' })
    .filter((s) => s.metadata.labels?.['kubernetes.io/cluster-service'] === 'true');
  for (const s of services) {
    const port = s.spec?.ports?.[0];
    let name = s.metadata.name;
    if (port) {
      // utilnet.JoinSchemeNamePort: scheme:name:port, name:port, or the name alone.
      const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
      const portName = port.name ?? '';
      name = scheme ? `${scheme}:${name}:${portName}` : portName ? `${name}:${portName}` : name;
    }
    line(s.metadata.labels?.['kubernetes.io/name'] ?? s.metadata.name, `${server}/api/v1/namespaces/kube-system/services/${name}/proxy`);
  }
  inv.out(DEBUG_HINT);
  return 0;
}

export const clusterInfo: Verb = {
  name: 'cluster-info',
  summary: 'Display cluster information',
  usage: 'kubectl cluster-info [flags] [options]',
  help: 'Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug\nand diagnose cluster problems, use \'kubectl cluster-info dump\'.',
  flags: [],
  run,
};
