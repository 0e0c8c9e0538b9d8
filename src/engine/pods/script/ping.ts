/**
 * busybox's ping, as `kubectl run pingpong --image alpine -- ping 1.1.1.1` runs it: the PING
 * line, one reply line per second (`64 bytes from 1.1.1.1: seq=0 ttl=57 time=1.190 ms`), and the
 * statistics when the count is reached or it is interrupted. Who answers and how fast comes from
 * the engine's echo model (../icmp.ts). Options: -c COUNT, -i SECONDS, -w DEADLINE, -W TIMEOUT,
 * -s SIZE, -q, -4.
 */
import { isIpv4 } from '../../net/resolve';
import { icmpEcho } from '../icmp';
import type { CommandImpl } from './shell';

const usage = 'BusyBox v1.36.1 (2023-06-02 00:42:02 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n';

const ms3 = (ms: number): string => (Math.round(ms * 1000) / 1000).toFixed(3);

export const ping: CommandImpl = (call) => {
  const { host, io } = call;
  let count = Infinity;
  let intervalMs = 1000;
  let deadlineMs = Infinity;
  let timeoutMs = 10_000;
  let size = 56;
  let quiet = false;
  let target: string | undefined;
  const args = [...call.args];
  while (args.length > 0) {
    const a = args.shift()!;
    const value = (): number => Number(args.shift());
    if (a === '-c') count = value();
    else if (a === '-i') intervalMs = value() * 1000;
    else if (a === '-w') deadlineMs = value() * 1000;
    else if (a === '-W') timeoutMs = value() * 1000;
    else if (a === '-s') size = value();
    else if (a === '-q') quiet = true;
    else if (a === '-4') continue;
    else if (/^-c\d+$/.test(a)) count = Number(a.slice(2));
    else if (a.startsWith('-')) {
      io.err(`ping: unrecognized option '${a}'\n${usage}`);
      return 1;
    } else target = a;
  }
  if (target === undefined || [count, intervalMs, deadlineMs, size].some((n) => Number.isNaN(n))) {
    io.err(usage);
    return 1;
  }
  const ip = isIpv4(target) ? target : host.resolve(target);
  if (ip === undefined) {
    io.err(`ping: bad address '${target}'\n`);
    return 1;
  }
  const random = host.world.random.fork(`ping/${host.ip}/${host.world.now()}/${target}`);
  const started = host.world.now();
  let sent = 0;
  let received = 0;
  const rtts: number[] = [];
  let finished = false;
  io.out(`PING ${target} (${ip}): ${size} data bytes\n`);

  const finish = (): void => {
    if (finished) return;
    finished = true;
    io.out(`\n--- ${target} ping statistics ---\n`);
    io.out(`${sent} packets transmitted, ${received} packets received, ${sent === 0 ? 0 : Math.floor(((sent - received) * 100) / sent)}% packet loss\n`);
    if (received > 0) {
      const min = Math.min(...rtts);
      const max = Math.max(...rtts);
      const avg = rtts.reduce((a, b) => a + b, 0) / rtts.length;
      io.out(`round-trip min/avg/max = ${ms3(min)}/${ms3(avg)}/${ms3(max)} ms\n`);
    }
    call.done(received > 0 ? 0 : 1);
  };

  const send = (): void => {
    if (finished) return;
    if (host.world.now() - started >= deadlineMs) return finish();
    const seq = sent++;
    const last = sent >= count;
    const echo = icmpEcho(host.world, { node: host.node, ip: host.ip }, ip, random);
    if (echo.reply) {
      host.setTimer(Math.max(0, Math.floor(echo.rttMs)), () => {
        if (finished) return;
        received++;
        rtts.push(echo.rttMs);
        if (!quiet) io.out(`${size + 8} bytes from ${ip}: seq=${seq} ttl=${echo.ttl} time=${ms3(echo.rttMs)} ms\n`);
        // With -c, the answer to the last request ends it.
        if (last) finish();
      });
    }
    if (last) {
      if (!echo.reply) host.setTimer(Math.min(timeoutMs, intervalMs), finish);
      return;
    }
    host.setTimer(intervalMs, send);
  };
  send();
  // busybox ping prints its statistics on SIGINT; other signals end it quietly.
  return { signal: (sig) => (sig === 'SIGINT' ? finish() : (finished = true)) };
};
