/**
 * busybox's nslookup and nc, for command lines and `kubectl exec` in pods. nslookup asks the pod's
 * nameserver with the search domains of its resolv.conf (ndots:5), in the same words as the shell
 * layer's nslookup inside a container; nc checks a port (`-z`) or holds a connection open.
 */
import { DNS_SERVICE_IP } from '../../cluster/constants';
import { isIpv4 } from '../../net/resolve';
import type { CommandImpl } from './shell';

const NDOTS = 5;

/** The names a pod's resolver tries for `name`, absolute (trailing dot), in order. */
function candidates(name: string, resolvConf: string | undefined): string[] {
  const search = /^search\s+(.+)$/m.exec(resolvConf ?? '')?.[1]?.trim().split(/\s+/) ?? [];
  const bare = name.replace(/\.$/, '');
  if (name.endsWith('.')) return [`${bare}.`];
  const expanded = search.map((d) => `${bare}.${d}.`);
  return bare.split('.').length - 1 >= NDOTS ? [`${bare}.`, ...expanded] : [...expanded, `${bare}.`];
}

export const nslookup: CommandImpl = (call) => {
  const { host, io } = call;
  const [name, server] = call.args.filter((a) => !a.startsWith('-'));
  if (name === undefined) {
    io.err('BusyBox v1.36.1 (2023-06-02 00:42:02 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
    return 1;
  }
  const conf = host.files.readFile('/etc/resolv.conf');
  const serverIp = server ?? /^nameserver\s+(\S+)/m.exec(conf ?? '')?.[1] ?? DNS_SERVICE_IP;
  if (!isIpv4(serverIp)) {
    io.err(`nslookup: bad address '${serverIp}'\n`);
    return 1;
  }
  const head = `Server:\t\t${serverIp}\nAddress:\t${serverIp}:53\n\n`;
  if (isIpv4(name)) {
    io.out(`${head}** server can't find ${name.split('.').reverse().join('.')}.in-addr.arpa: NXDOMAIN\n\n`);
    return 1;
  }
  for (const candidate of candidates(name, conf)) {
    const ip = host.resolve(candidate);
    if (ip === undefined) continue;
    const fqdn = candidate.replace(/\.$/, '');
    io.out(`${head}${fqdn.endsWith('.cluster.local') ? '' : 'Non-authoritative answer:\n'}Name:\t${fqdn}\nAddress: ${ip}\n\n`);
    return 0;
  }
  io.out(`${head}** server can't find ${name}: NXDOMAIN\n\n`);
  return 1;
};

export const nc: CommandImpl = (call) => {
  const { host, io } = call;
  const flags = call.args.filter((a) => a.startsWith('-')).join('');
  const [target, port] = call.args.filter((a, i, all) => !a.startsWith('-') && all[i - 1] !== '-w');
  if (flags.includes('l')) return { signal: (sig) => call.done(sig === 'SIGINT' ? 130 : 143) };
  if (target === undefined || port === undefined || !/^\d+$/.test(port)) {
    io.err('BusyBox v1.36.1 (2023-06-02 00:42:02 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n');
    return 1;
  }
  const ip = isIpv4(target) ? target : host.resolve(target);
  if (ip === undefined) {
    io.err(`nc: bad address '${target}'\n`);
    return 1;
  }
  const dialed = host.world.network.dial(host.node, ip, Number(port));
  if (!dialed.ok) {
    if (!flags.includes('z')) io.err(`nc: can't connect to remote host (${ip}): ${dialed.reason === 'refused' ? 'Connection refused' : 'No route to host'}\n`);
    return 1;
  }
  if (flags.includes('z')) return 0;
  // Connected, with nothing to say: it waits for the other side (or Ctrl+C).
  return { signal: (sig) => call.done(sig === 'SIGINT' ? 130 : 143) };
};
