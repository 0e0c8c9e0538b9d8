/**
 * ping. On a node, iputils' (CentOS 7): `PING 10.44.0.1 (10.44.0.1) 56(84) bytes of data.`, one
 * `64 bytes from …: icmp_seq=1 ttl=64 time=0.534 ms` line a second, `From 192.168.0.8 icmp_seq=1
 * Destination Host Unreachable` for a neighbour nobody holds, and the statistics after -c N
 * answers or Ctrl+C. Inside a container, busybox's (`seq=0`, `round-trip min/avg/max`). Who
 * answers and how fast is the engine's echo model: pods across the overlay take longer than on
 * the same node, a ClusterIP never answers, the outside world does from a datacenter's distance.
 */
import { icmpEcho, type Random } from '../../../engine';
import { Interrupt, sleep, type Command, type CommandContext, type Program } from '../../types';
import { resolveHost, reverseName, RESOLVER_GIVE_UP_MS, vantageOf, type Vantage } from './where';

interface PingOptions {
  count: number;
  intervalMs: number;
  deadlineMs: number;
  timeoutMs: number;
  size: number;
  quiet: boolean;
  target: string | undefined;
}

const BUSYBOX_USAGE = 'BusyBox v1.36.1 (2023-06-02 00:42:02 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n';
const IPUTILS_USAGE = 'Usage: ping [-aAbBdDfhLnOqrRUvV] [-c count] [-i interval] [-I interface]\n            [-m mark] [-M pmtudisc_option] [-l preload] [-p pattern] [-Q tos]\n            [-s packetsize] [-S sndbuf] [-t ttl] [-T timestamp_option]\n            [-w deadline] [-W timeout] [hop1 ...] destination\n';

function parse(args: readonly string[]): PingOptions | { readonly error: string } {
  const o: PingOptions = { count: Infinity, intervalMs: 1000, deadlineMs: Infinity, timeoutMs: 10_000, size: 56, quiet: false, target: undefined };
  const numbers: Record<string, (n: number) => void> = {
    c: (n) => (o.count = n), i: (n) => (o.intervalMs = n * 1000), w: (n) => (o.deadlineMs = n * 1000), W: (n) => (o.timeoutMs = n * 1000), s: (n) => (o.size = n),
    t: () => undefined,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') {
      o.target = a;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const set = numbers[c];
      if (set) {
        const raw = a.slice(j + 1) || args[++i];
        const n = Number(raw);
        if (raw === undefined || !Number.isFinite(n)) return { error: c === 'c' ? `bad number of packets to transmit.` : `invalid argument: '${raw ?? ''}'` };
        set(n);
        break;
      }
      if (c === 'q') o.quiet = true;
      else if (!'4nvaAdD'.includes(c)) return { error: `invalid option -- '${c}'` };
    }
  }
  return o;
}

const ms3 = (ms: number): string => ms.toFixed(3);

/** Reply times as ping prints them: three decimals below 100 ms, fewer above (iputils). */
function replyTime(ms: number, busybox: boolean): string {
  if (busybox) return ms3(ms);
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms3(ms);
}

interface Tally {
  sent: number;
  received: number;
  errors: number;
  readonly rtts: number[];
}

function statistics(v: Vantage, shown: string, t: Tally, elapsedMs: number): string {
  const loss = t.sent === 0 ? 0 : Math.floor(((t.sent - t.received) * 100) / t.sent);
  const rtts = t.rtts;
  const min = Math.min(...rtts);
  const max = Math.max(...rtts);
  const avg = rtts.reduce((a, b) => a + b, 0) / Math.max(1, rtts.length);
  if (v.flavour === 'busybox') {
    const tail = rtts.length > 0 ? `round-trip min/avg/max = ${ms3(min)}/${ms3(avg)}/${ms3(max)} ms\n` : '';
    return `\n--- ${shown} ping statistics ---\n${t.sent} packets transmitted, ${t.received} packets received, ${loss}% packet loss\n${tail}`;
  }
  const mdev = Math.sqrt(Math.max(0, rtts.reduce((a, b) => a + b * b, 0) / Math.max(1, rtts.length) - avg * avg));
  const errors = t.errors > 0 ? `, +${t.errors} errors` : '';
  const tail = rtts.length > 0 ? `rtt min/avg/max/mdev = ${ms3(min)}/${ms3(avg)}/${ms3(max)}/${ms3(mdev)} ms\n` : t.errors > 0 ? `pipe ${Math.min(4, t.errors)}\n` : '';
  return `\n--- ${shown} ping statistics ---\n${t.sent} packets transmitted, ${t.received} received${errors}, ${loss}% packet loss, time ${Math.round(elapsedMs)}ms\n${tail}`;
}

/** An address of the node's own subnet that nobody holds: ARP fails, the kernel reports it (iputils only). */
function unreachableNeighbour(v: Vantage, ip: string): boolean {
  const own = v.world.host(v.node)?.ip ?? '';
  return v.flavour === 'node' && own.split('.').slice(0, 3).join('.') === ip.split('.').slice(0, 3).join('.') && v.world.network.hostOf(ip) === undefined;
}

function* run(ctx: CommandContext): Program {
  const v = vantageOf(ctx);
  const busybox = v.flavour === 'busybox';
  const o = parse(ctx.argv.slice(1));
  if ('error' in o || o.target === undefined) {
    if ('error' in o) ctx.stderr.write(`ping: ${o.error}\n`);
    ctx.stderr.write(busybox ? BUSYBOX_USAGE : IPUTILS_USAGE);
    return busybox ? 1 : 2;
  }
  const target = o.target;
  const found = resolveHost(v, target);
  if (found.kind !== 'found') {
    // A resolver that gets no answer waits for its retries before saying so.
    if (found.kind === 'timeout') yield sleep(RESOLVER_GIVE_UP_MS);
    ctx.stderr.write(busybox ? `ping: bad address '${target}'\n` : `ping: ${target}: Name or service not known\n`);
    return busybox ? 1 : 2;
  }
  const ip = found.ip;
  const byName = target !== ip;
  const peer = byName ? `${found.external ? target : reverseName(v, ip) ?? target} (${ip})` : ip;
  ctx.stdout.write(busybox ? `PING ${target} (${ip}): ${o.size} data bytes\n` : `PING ${target} (${ip}) ${o.size}(${o.size + 28}) bytes of data.\n`);
  const random: Random = v.world.random.fork(`ping/${v.ip}/${v.world.now()}/${target}`);
  const tally: Tally = { sent: 0, received: 0, errors: 0, rtts: [] };
  const started = v.world.now();
  const unreachable = unreachableNeighbour(v, ip);
  // Replies due, by the virtual time they arrive.
  const due: { at: number; line: string; rtt: number }[] = [];
  let nextSend = started;
  let lastSent = started;
  // After the last request: iputils lingers up to -W (10 s) for late answers, busybox one interval.
  const linger = busybox ? Math.min(o.timeoutMs, o.intervalMs) : o.timeoutMs;
  const finished = (): boolean => tally.sent >= o.count && due.length === 0 && (tally.received + tally.errors >= tally.sent || v.world.now() >= lastSent + linger);
  try {
    for (;;) {
      const now = v.world.now();
      if (now - started >= o.deadlineMs) break;
      while (due.length > 0 && due[0]!.at <= now) {
        const reply = due.shift()!;
        if (reply.rtt >= 0) {
          tally.received++;
          tally.rtts.push(reply.rtt);
        } else tally.errors++;
        if (!o.quiet) ctx.stdout.write(reply.line);
      }
      if (tally.sent < o.count && now >= nextSend) {
        const seq = tally.sent++;
        lastSent = now;
        nextSend = now + o.intervalMs;
        const echo = icmpEcho(v.world, { node: v.node, ip: v.ip }, ip, random);
        const shownSeq = busybox ? `seq=${seq}` : `icmp_seq=${seq + 1}`;
        if (echo.reply) {
          const line = busybox ? `${o.size + 8} bytes from ${ip}: ${shownSeq} ttl=${echo.ttl} time=${replyTime(echo.rttMs, true)} ms\n`
            : `${o.size + 8} bytes from ${peer}: ${shownSeq} ttl=${echo.ttl} time=${replyTime(echo.rttMs, false)} ms\n`;
          due.push({ at: now + Math.max(0, Math.floor(echo.rttMs)), line, rtt: echo.rttMs });
        } else if (unreachable) {
          // The kernel gives up on ARP after about three seconds.
          due.push({ at: now + 3000 + seq, line: `From ${v.world.host(v.node)?.ip ?? v.ip} ${shownSeq} Destination Host Unreachable\n`, rtt: -1 });
        }
        due.sort((a, b) => a.at - b.at);
      }
      if (finished()) break;
      const wake = Math.min(due[0]?.at ?? Infinity, tally.sent < o.count ? nextSend : lastSent + linger, started + o.deadlineMs);
      yield sleep(Math.max(1, wake - v.world.now()));
    }
  } catch (e) {
    if (!(e instanceof Interrupt)) throw e;
  }
  const elapsed = busybox ? 0 : Math.max(0, lastSent - started) + (tally.sent > 1 ? 1 + random.int(3) : 0);
  ctx.stdout.write(statistics(v, target, tally, elapsed));
  return tally.received > 0 ? 0 : 1;
}

export const ping: Command = {
  name: 'ping',
  summary: 'send ICMP ECHO_REQUEST to network hosts',
  run,
};
