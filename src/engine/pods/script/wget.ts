/**
 * busybox's wget for scripts in containers (`while true; do wget -qO- http://web; sleep 1; done`):
 * one HTTP GET through the engine's Network (so Services and their load balancing apply once the
 * service network routes them), the body to stdout or a file, busybox's status lines on stderr
 * and its error messages. Options: -q, -O FILE (- for stdout), -T SECONDS, --spider, -U AGENT.
 */
import { parseUrl } from '../../internet';
import { httpExchange } from '../../net/client';
import { bytesText, EMPTY_BODY, type HttpHeader } from '../../net/http';
import { isIpv4 } from '../../net/resolve';
import type { CommandImpl } from './shell';

const REASONS: Readonly<Record<string, string>> = { refused: 'Connection refused', unreachable: 'Host is unreachable', reset: 'Connection reset by peer' };

export const wget: CommandImpl = (call) => {
  const { host, io } = call;
  let quiet = false;
  let output: string | undefined;
  let timeoutMs = 900_000;
  let spider = false;
  let agent = 'Wget';
  let url: string | undefined;
  const args = [...call.args];
  while (args.length > 0) {
    const a = args.shift()!;
    if (a === '-q') quiet = true;
    else if (a === '-qO-' || a === '-qO') { quiet = true; output = a === '-qO-' ? '-' : args.shift(); }
    else if (a === '-O') output = args.shift();
    else if (a.startsWith('-O')) output = a.slice(2);
    else if (a === '-T') timeoutMs = Number(args.shift()) * 1000;
    else if (a === '--spider') spider = true;
    else if (a === '-U') agent = args.shift() ?? agent;
    else if (a.startsWith('-')) {
      io.err(`wget: unrecognized option '${a}'\n`);
      return 1;
    } else url = a;
  }
  if (url === undefined) {
    io.err('BusyBox v1.36.1 (2023-06-02 00:42:02 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n');
    return 1;
  }
  const parsed = parseUrl(url.includes('://') ? url : `http://${url}`);
  if (!parsed || parsed.protocol !== 'http:') {
    io.err(`wget: not an http or ftp url: ${url}\n`);
    return 1;
  }
  const port = Number(parsed.port || 80);
  const ip = isIpv4(parsed.hostname) ? parsed.hostname : host.resolve(parsed.hostname);
  if (ip === undefined) {
    io.err(`wget: bad address '${parsed.hostname}'\n`);
    return 1;
  }
  const path = (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]+([^#]*)/i.exec(parsed.href)?.[1] ?? '') || '/';
  const file = output ?? (path.replace(/[?#].*/, '').split('/').pop() || 'index.html');
  if (!quiet) io.err(`Connecting to ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''} (${ip}:${port})\n`);
  let finished = false;
  const end = (code: number): void => {
    if (finished) return;
    finished = true;
    call.done(code);
  };
  const timer = host.setTimer(timeoutMs, () => {
    io.err('wget: download timed out\n');
    end(1);
  });
  const headers: HttpHeader[] = [['Host', parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname], ['User-Agent', agent], ['Connection', 'close']];
  httpExchange(host.world, host.client, ip, port, { method: spider ? 'HEAD' : 'GET', path, version: '1.1', headers, body: EMPTY_BODY }, (outcome) => {
    if (finished) return;
    host.clearTimer(timer);
    if (!outcome.ok) {
      io.err(outcome.error === 'protocol' ? 'wget: error getting response: Connection reset by peer\n' : `wget: can't connect to remote host (${ip}): ${REASONS[outcome.error]}\n`);
      return end(1);
    }
    const res = outcome.response;
    if (res.status >= 400) {
      io.err(`wget: server returned error: HTTP/${res.version} ${res.status} ${res.reason}\n`);
      return end(1);
    }
    if (spider) {
      if (!quiet) io.err('remote file exists\n');
      return end(0);
    }
    const text = bytesText(res.body);
    const toStdout = file === '-';
    if (!quiet) io.err(toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`);
    if (toStdout) io.out(text);
    else if (!host.files.writeFile(file, text)) {
      io.err(`wget: can't open '${file}': No such file or directory\n`);
      return end(1);
    }
    if (!quiet) {
      io.err(`${(toStdout ? '-' : file).padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}| ${String(res.body.length).padStart(5)}  0:00:00 ETA\n`);
      io.err(toStdout ? 'written to stdout\n' : `'${file}' saved\n`);
    }
    end(0);
  });
  return { signal: () => end(1) };
};
