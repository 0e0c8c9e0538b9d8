/**
 * nslookup and a minimal dig. On a node they are bind-utils 9.11's (CentOS 7) and ask the session's
 * DNS (127.0.0.11) unless a server is named: `nslookup web.default.svc.cluster.local 10.96.0.10`
 * asks CoreDNS through kube-proxy, as on a real node. Inside a busybox container, nslookup is
 * busybox's and asks the pod's nameserver (cluster DNS) with the pod's search domains.
 */
import { DNS_SERVICE_IP, isIpv4 } from '../../../engine';
import { sleep, type Command, type CommandContext, type Effect, type Program } from '../../types';
import { strftime } from '../coreutils/time';
import { lookup, reverseName, RESOLVER_GIVE_UP_MS, vantageOf, type Lookup, type Vantage } from './where';

function arpa(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

/** The answer for a name or (PTR) an address, from `server`, after the time it takes. */
function* ask(v: Vantage, name: string, server: string): Generator<Effect, Lookup | { readonly kind: 'ptr'; readonly name: string | undefined }, unknown> {
  if (isIpv4(name)) return { kind: 'ptr', name: reverseName(v, name, server) };
  const r = lookup(v, name, server);
  if (r.kind === 'timeout' || r.kind === 'refused') yield sleep(RESOLVER_GIVE_UP_MS);
  return r;
}

function* nslookupRun(ctx: CommandContext): Program {
  const v = vantageOf(ctx);
  const busybox = v.flavour === 'busybox';
  const operands = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const name = operands[0];
  if (name === undefined) {
    // bind's nslookup would start its interactive mode; busybox prints its usage.
    ctx.stderr.write(busybox ? 'BusyBox v1.36.1 (2023-06-02 00:42:02 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n' : 'nslookup: interactive mode is not available here; give a name: nslookup NAME [SERVER]\n');
    return 1;
  }
  const server = operands[1] ?? v.nameserver;
  const serverIp = isIpv4(server) ? server : server === 'localhost' ? '127.0.0.1' : undefined;
  if (serverIp === undefined) {
    ctx.stderr.write(busybox ? `nslookup: bad address '${server}'\n` : `nslookup: couldn't get address for '${server}': not found\n`);
    return 1;
  }
  const head = `Server:\t\t${serverIp}\nAddress:\t${serverIp}${busybox ? ':' : '#'}53\n\n`;
  const r = yield* ask(v, name, serverIp);
  switch (r.kind) {
    case 'timeout': case 'refused':
      ctx.stdout.write(';; connection timed out; no servers could be reached\n\n');
      return 1;
    case 'ptr':
      ctx.stdout.write(head);
      if (r.name === undefined) {
        ctx.stdout.write(`** server can't find ${arpa(name)}: NXDOMAIN\n\n`);
        return 1;
      }
      ctx.stdout.write(`${arpa(name)}\tname = ${r.name}${busybox ? '' : '.'}\n\n`);
      return 0;
    case 'nxdomain':
      ctx.stdout.write(`${head}** server can't find ${name}: NXDOMAIN\n\n`);
      return 1;
    case 'found': {
      // Answers from outside the cluster's zone come through a recursive resolver: not authoritative.
      const cluster = r.name.endsWith('.cluster.local') && serverIp === DNS_SERVICE_IP;
      let out = head + (cluster ? '' : 'Non-authoritative answer:\n');
      if (r.cname) out += `${r.name}\tcanonical name = ${r.cname}${busybox ? '' : '.'}\n`;
      for (const address of r.addresses) out += `Name:\t${r.cname ?? r.name}\nAddress: ${address}\n`;
      ctx.stdout.write(`${out}\n`);
      return 0;
    }
  }
}

/** dig NAME [@SERVER] [A|PTR] [+short] [-x ADDRESS]: the answer section, as bind 9.11 prints it. */
function* digRun(ctx: CommandContext): Program {
  const v = vantageOf(ctx);
  let server = v.nameserver;
  let short = false;
  let name: string | undefined;
  let reverse = false;
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('@')) server = a.slice(1);
    else if (a === '+short') short = true;
    else if (a.startsWith('+')) continue;
    else if (a === '-x') {
      reverse = true;
      name = args[++i];
    } else if (/^(A|IN|PTR|ANY)$/i.test(a)) continue;
    else name = a;
  }
  name ??= '.';
  const started = v.world.now();
  const r = yield* ask(v, reverse ? name : name.replace(/\.$/, '') || '.', server);
  const query = reverse ? `${arpa(name)}.` : `${name.replace(/\.$/, '')}.`;
  if (r.kind === 'timeout' || r.kind === 'refused') {
    ctx.stdout.write(`\n; <<>> DiG 9.11.4-P2-RedHat-9.11.4-26.P2.el7_9.16 <<>> ${ctx.argv.slice(1).join(' ')}\n;; global options: +cmd\n;; connection timed out; no servers could be reached\n`);
    return 9;
  }
  const records: string[] = [];
  if (r.kind === 'ptr' && r.name !== undefined) records.push(`${query}\t30\tIN\tPTR\t${r.name}.`);
  if (r.kind === 'found') {
    if (r.cname) records.push(`${r.name}.\t30\tIN\tCNAME\t${r.cname}.`);
    for (const address of r.addresses) records.push(`${r.cname ?? r.name}.\t${r.external ? 300 : 30}\tIN\tA\t${address}`);
  }
  if (short) {
    ctx.stdout.write(records.map((rec) => `${rec.split('\t').pop()}\n`).join(''));
    return 0;
  }
  const status = records.length > 0 ? 'NOERROR' : 'NXDOMAIN';
  const id = v.world.random.fork(`dig/${v.world.now()}/${query}`).int(65536);
  const lines = [
    '', `; <<>> DiG 9.11.4-P2-RedHat-9.11.4-26.P2.el7_9.16 <<>> ${ctx.argv.slice(1).join(' ')}`, ';; global options: +cmd', ';; Got answer:',
    `;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: ${id}`,
    `;; flags: qr ${server === DNS_SERVICE_IP ? 'aa ' : ''}rd${server === DNS_SERVICE_IP ? '' : ' ra'}; QUERY: 1, ANSWER: ${records.length}, AUTHORITY: 0, ADDITIONAL: 1`,
    '', ';; QUESTION SECTION:', `;${query}\t\tIN\t${reverse ? 'PTR' : 'A'}`, '',
    ...(records.length > 0 ? [';; ANSWER SECTION:', ...records, ''] : []),
    `;; Query time: ${Math.max(0, v.world.now() - started)} msec`, `;; SERVER: ${server}#53(${server})`,
    `;; WHEN: ${strftime('%a %b %d %H:%M:%S UTC %Y', v.world.wallNow())}`, `;; MSG SIZE  rcvd: ${48 + records.length * 16 + query.length}`, '', '',
  ];
  ctx.stdout.write(lines.join('\n'));
  return 0;
}

export const nslookup: Command = {
  name: 'nslookup',
  summary: 'query Internet name servers',
  run: nslookupRun,
};

export const dig: Command = {
  name: 'dig',
  summary: 'DNS lookup utility',
  run: digRun,
};
