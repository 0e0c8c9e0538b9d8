/**
 * httping 2.5 (EPEL for CentOS 7): "ping" a web server with HEAD requests and print how long each
 * took, then statistics. The workshop uses it to find DockerCoins' bottleneck: with ten workers,
 * `httping -c 3 localhost:8001` (rng, one request at a time) takes most of a second while
 * `localhost:8002` (hasher) answers in a couple of milliseconds. The times are the model's.
 */
import { httpExchange, responseHead, type HttpOutcome } from '../../../engine';
import { Interrupt, sleep, type Command, type CommandContext, type Program } from '../../types';
import { destinationOf } from './target';
import { awaitCallback } from './wait';

interface HttpingOptions {
  readonly url: string;
  readonly count: number | undefined;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly get: boolean;
  readonly showStatus: boolean;
  readonly quiet: boolean;
}

const VERSION = 'HTTPing v2.5, (C) 2003-2016 folkert@vanheusden.com\nSSL support included (-l)\n';

function usage(prog: string): string {
  return `\n${VERSION}\n\nPlease run:\n\t${prog} --help\nto see a list of options.\n\n`;
}

type Parsed = { readonly ok: true; readonly opts: HttpingOptions } | { readonly ok: false; readonly code: number; readonly out: string; readonly err: string };

function parse(prog: string, args: readonly string[]): Parsed {
  let url: string | undefined;
  let count: number | undefined;
  let intervalMs = 1000;
  let timeoutMs = 30_000;
  let get = false;
  let showStatus = false;
  let quiet = false;
  let port: number | undefined;
  const withArg = new Set(['c', 'i', 't', 'g', 'h', 'p']);
  const long: Readonly<Record<string, string>> = { count: 'c', interval: 'i', timeout: 't', url: 'g', hostname: 'h', port: 'p', 'get-request': 'G', 'show-statuscodes': 's', quiet: 'q', version: 'V', help: '?' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    let letter: string | undefined;
    let value: string | undefined;
    if (a.startsWith('--')) letter = long[a.slice(2)];
    else if (a.startsWith('-') && a.length >= 2) {
      letter = a[1];
      if (a.length > 2) value = a.slice(2);
    } else {
      url = a;
      continue;
    }
    if (letter === undefined || !'cigthpGsqV?'.includes(letter)) return { ok: false, code: 1, out: '', err: `${prog}: unrecognized option '${a}'\n${usage(prog)}` };
    if (withArg.has(letter)) {
      value ??= args[++i];
      if (value === undefined) return { ok: false, code: 1, out: '', err: `${prog}: option requires an argument -- '${letter}'\n${usage(prog)}` };
    }
    switch (letter) {
      case 'c': count = Math.trunc(Number(value)) || 0; break;
      case 'i': intervalMs = Math.max(0, Number(value) * 1000 || 0); break;
      case 't': timeoutMs = Math.max(1, Number(value) * 1000 || 30_000); break;
      case 'g': url = value; break;
      case 'h': url = `http://${value}/`; break;
      case 'p': port = Number(value) || undefined; break;
      case 'G': get = true; break;
      case 's': showStatus = true; break;
      case 'q': quiet = true; break;
      case 'V': return { ok: false, code: 0, out: VERSION, err: '' };
      default: return { ok: false, code: 0, out: `${VERSION}\n -g url         url (e.g. -g http://localhost/)\n -h hostname    hostname (e.g. localhost)\n -p portnr      portnumber (e.g. 80)\n -c count       how many times to connect\n -i interval    delay between each connect, can be only smaller than 1 if user is root\n -t timeout     timeout (default: 30s)\n -G             do a GET request instead of HEAD (read the\n                contents of the page as well)\n -s             show statuscodes\n -q             quiet, only returncode\n -V             show the version\n\n`, err: '' };
    }
  }
  if (url === undefined) return { ok: false, code: 1, out: '', err: 'No URL/host to ping given\n\n' };
  if (port !== undefined) url = url.replace(/^(https?:\/\/)?([^/:]+)(:\d+)?/, (_, s: string | undefined, h: string) => `${s ?? ''}${h}:${port}`);
  return { ok: true, opts: { url, count, intervalMs, timeoutMs, get, showStatus, quiet } };
}

/** httping's reading of a URL: "localhost:8001" is http://localhost:8001/. */
function interpret(raw: string): { host: string; port: number; path: string; complete: string } {
  let complete = /^https?:\/\//i.test(raw) ? raw : raw.includes('/') ? `http://${raw}` : `http://${raw}/`;
  if (!complete.slice(8).includes('/')) complete += '/';
  const rest = complete.replace(/^https?:\/\//i, '');
  const slash = rest.indexOf('/');
  const hostPort = rest.slice(0, slash);
  const [host, port] = hostPort.split(':');
  return { host: host!, port: port ? Number(port) : /^https/i.test(complete) ? 443 : 80, path: rest.slice(slash), complete };
}

const ms = (n: number): string => n.toFixed(2).padStart(6);

function run(ctx: CommandContext): number | Program {
  const prog = ctx.argv[0] ?? 'httping';
  const parsed = parse(prog, ctx.argv.slice(1));
  if (!parsed.ok) {
    ctx.stdout.write(parsed.out);
    ctx.stderr.write(parsed.err);
    return parsed.code;
  }
  const opts = parsed.opts;
  const { host, port, path, complete } = interpret(opts.url);
  const world = ctx.world;
  const out = (text: string): void => {
    if (!opts.quiet) ctx.stdout.write(text);
  };
  return (function* (): Program {
    out(`PING ${host}:${port} (${path}):\n`);
    const startedAt = world.now();
    const times: number[] = [];
    let sent = 0;
    let failed = 0;
    const finish = (): number => {
      const total = world.now() - startedAt;
      out(`--- ${complete} ping statistics ---\n`);
      out(`${sent} connects, ${times.length} ok, ${(sent ? (failed * 100) / sent : 0).toFixed(2)}% failed, time ${Math.round(total)}ms\n`);
      if (times.length > 0) {
        const avg = times.reduce((a, b) => a + b, 0) / times.length;
        out(`round-trip min/avg/max = ${Math.min(...times).toFixed(1)}/${avg.toFixed(1)}/${Math.max(...times).toFixed(1)} ms\n`);
      }
      return times.length > 0 ? 0 : 127;
    };
    try {
      const dest = destinationOf(world, ctx.host.name, host);
      if (dest.kind !== 'playground') {
        ctx.stderr.write(`Resolving ${host} failed: Name or service not known\n`);
        return 1;
      }
      while (opts.count === undefined || sent < opts.count) {
        sent++;
        const started = world.now();
        const outcome = yield* awaitCallback<HttpOutcome | 'timeout'>((done) => {
          httpExchange(world, { node: ctx.host.name, ip: ctx.host.ip, name: ctx.host.name }, dest.ip, port, {
            method: opts.get ? 'GET' : 'HEAD', path, version: '1.0', body: new Uint8Array(0),
            headers: [['Host', host], ['User-Agent', 'HTTPing v2.5']],
          }, done);
          world.clock.schedule(opts.timeoutMs, () => done('timeout'), 'httping');
        });
        // Sub-millisecond work the virtual clock cannot hold: the kernel's connect and read.
        const took = world.now() - started + 0.05 + ((sent * 37) % 60) / 100;
        if (outcome === 'timeout') {
          failed++;
          out('timeout receiving reply from host\n');
        } else if (!outcome.ok) {
          failed++;
          const loopback = dest.ip.startsWith('127.');
          if (outcome.error === 'refused') out(loopback ? 'problem connecting to host: Connection refused\n' : 'could not connect (Connection refused)\n');
          else if (outcome.error === 'unreachable') out('could not connect (No route to host)\n');
          else out('short read during receiving reply-headers from host\n');
        } else {
          times.push(took);
          const status = opts.showStatus ? `${outcome.response.status} ${outcome.response.reason}` : '';
          out(`connected to ${dest.ip}:${port} (${responseHead(outcome.response).length} bytes), seq=${sent - 1} time=${ms(took)} ms ${status}\n`);
        }
        yield sleep(opts.intervalMs);
      }
    } catch (e) {
      if (!(e instanceof Interrupt)) throw e;
      // httping traps SIGINT, reports it and still prints its statistics.
      ctx.stderr.write('Got signal 2\n');
    }
    return finish();
  })();
}

export const httping: Command = { name: 'httping', summary: 'measure the latency of a webserver', run };
