/**
 * wget. On a node, GNU Wget 1.14 (CentOS 7): the `--2023-06-01 09:00:05--  http://…` line,
 * `Connecting to 10.44.0.3:80... connected.`, the response, `Saving to: ‘index.html’` (index.html.1
 * when it exists), the bar and the summary, all on stderr; exit 4 for network failures, 8 for an
 * HTTP error. Inside a busybox container, busybox's wget (`Connecting to …`, `saving to
 * 'index.html'`, `-qO-`). Requests go through the engine's Network, so Services, kube-proxy and
 * the overlay apply; outside sites come from the world's Internet.
 */
import { bytesText, httpExchange, textBytes, EMPTY_BODY, type HttpHeader, type HttpOutcome, type World } from '../../../engine';
import { resolvePath } from '../../../engine';
import { sleep, type Command, type CommandContext, type Effect, type Program } from '../../types';
import { strftime } from '../coreutils/time';
import { parseTarget, type Target } from '../net/target';
import { awaitCallback } from '../net/wait';
import { resolveHost, RESOLVER_GIVE_UP_MS, vantageOf, type Vantage } from './where';

interface WgetOptions {
  quiet: boolean;
  output: string | undefined;
  timeoutMs: number;
  spider: boolean;
  agent: string | undefined;
  url: string | undefined;
}

const BUSYBOX_USAGE = 'BusyBox v1.36.1 (2023-06-02 00:42:02 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n';

function parse(args: readonly string[]): WgetOptions | { readonly error: string } {
  const o: WgetOptions = { quiet: false, output: undefined, timeoutMs: 900_000, spider: false, agent: undefined, url: undefined };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--spider') o.spider = true;
    else if (a === '--quiet') o.quiet = true;
    else if (a.startsWith('--output-document=')) o.output = a.slice(18);
    else if (a.startsWith('--timeout=')) o.timeoutMs = Number(a.slice(10)) * 1000;
    else if (a.startsWith('--user-agent=')) o.agent = a.slice(13);
    else if (a.startsWith('--')) return { error: `unrecognized option '${a}'` };
    else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'q') o.quiet = true;
        else if (c === 'O' || c === 'T' || c === 'U') {
          const value = a.slice(j + 1) || args[++i];
          if (value === undefined) return { error: `option requires an argument -- '${c}'` };
          if (c === 'O') o.output = value;
          else if (c === 'T') o.timeoutMs = Number(value) * 1000;
          else o.agent = value;
          break;
        } else if (!'cS4'.includes(c)) return { error: `invalid option -- '${c}'` };
      }
    } else o.url = a;
  }
  return o;
}

type Fetched =
  | { readonly ok: true; readonly status: number; readonly reason: string; readonly version: string; readonly type: string; readonly body: string; readonly length: number }
  | { readonly ok: false; readonly why: 'refused' | 'unreachable' | 'reset' | 'timeout' | 'ssl' };

/** One GET (HEAD for --spider) from the vantage, answered on the virtual clock. */
function* fetch(v: Vantage, target: Target, ip: string, external: boolean, o: WgetOptions): Generator<Effect, Fetched, unknown> {
  const world: World = v.world;
  if (external) {
    yield sleep(120 + world.random.fork(`wget/${target.host}`).int(200));
    const r = world.internet.fetch(target.url);
    const body = r.ok ? r.body : '';
    return r.ok ? { ok: true, status: 200, reason: 'OK', version: '1.1', type: r.contentType, body, length: textBytes(body).length }
      : { ok: true, status: r.status || 404, reason: 'Not Found', version: '1.1', type: 'text/html', body: '', length: 0 };
  }
  if (target.scheme === 'https') return { ok: false, why: 'ssl' };
  const headers: HttpHeader[] = [['User-Agent', o.agent ?? (v.flavour === 'busybox' ? 'Wget' : 'Wget/1.14 (linux-gnu)')], ['Accept', '*/*'], ['Host', target.hostHeader], ['Connection', v.flavour === 'busybox' ? 'close' : 'Keep-Alive']];
  const outcome = yield* awaitCallback<HttpOutcome | 'timeout'>((done) => {
    httpExchange(world, v.client, ip, target.port, { method: o.spider ? 'HEAD' : 'GET', path: target.path, version: '1.1', headers, body: EMPTY_BODY }, done);
    world.clock.schedule(o.timeoutMs, () => done('timeout'), 'wget');
  });
  if (outcome === 'timeout') return { ok: false, why: 'timeout' };
  if (!outcome.ok) return { ok: false, why: outcome.error === 'refused' || outcome.error === 'unreachable' ? outcome.error : 'reset' };
  const res = outcome.response;
  const type = res.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  return { ok: true, status: res.status, reason: res.reason, version: res.version, type, body: bytesText(res.body), length: res.body.length };
}

/** Where the body goes: the -O name, or the URL's last part, made unique as GNU wget does. */
function fileFor(ctx: CommandContext, target: Target, o: WgetOptions, busybox: boolean): string {
  if (o.output !== undefined) return o.output;
  const base = target.path.replace(/[?#].*/, '').split('/').pop() || 'index.html';
  if (busybox) return base;
  let name = base;
  for (let n = 1; ctx.host.fs.exists(resolvePath(name, ctx.cwd)); n++) name = `${base}.${n}`;
  return name;
}

function speed(bytes: number, ms: number): string {
  const perSecond = bytes / Math.max(ms, 0.02) * 1000;
  if (perSecond >= 1e6) return `${(perSecond / 1048576).toFixed(1)} MB/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1024).toFixed(1)} KB/s`;
  return `${perSecond.toFixed(0)} B/s`;
}

function* gnu(ctx: CommandContext, v: Vantage, o: WgetOptions, url: string): Program {
  const log = (text: string): void => {
    if (!o.quiet) ctx.stderr.write(text);
  };
  const parsed = parseTarget(url);
  if (!parsed.ok || parsed.target.scheme === 'file') {
    ctx.stderr.write(`${url}: Unsupported scheme.\n`);
    return 1;
  }
  const target = parsed.target;
  const stamp = (): string => strftime('%Y-%m-%d %H:%M:%S', v.world.wallNow());
  log(`--${stamp()}--  ${target.url}\n`);
  const found = resolveHost(v, target.host);
  const named = found.kind === 'found' && found.ip !== target.host;
  if (found.kind !== 'found') {
    if (found.kind === 'timeout') yield sleep(RESOLVER_GIVE_UP_MS);
    log(`Resolving ${target.host} (${target.host})... failed: Name or service not known.\n`);
    ctx.stderr.write(`wget: unable to resolve host address ‘${target.host}’\n`);
    return 4;
  }
  if (named) log(`Resolving ${target.host} (${target.host})... ${found.ip}\n`);
  log(named ? `Connecting to ${target.host} (${target.host})|${found.ip}|:${target.port}... ` : `Connecting to ${found.ip}:${target.port}... `);
  const started = v.world.now();
  const r = yield* fetch(v, target, found.ip, found.external, o);
  if (!r.ok) {
    const why = { refused: 'Connection refused', unreachable: 'No route to host', reset: 'Connection reset by peer', timeout: 'Connection timed out', ssl: '' }[r.why];
    if (r.why === 'ssl') {
      log('connected.\n');
      ctx.stderr.write('Unable to establish SSL connection.\n');
    } else log(`failed: ${why}.\n`);
    return 4;
  }
  log(`connected.\nHTTP request sent, awaiting response... ${r.status} ${r.reason}\n`);
  if (r.status >= 400) {
    ctx.stderr.write(`${stamp()} ERROR ${r.status}: ${r.reason}.\n\n`);
    return 8;
  }
  log(`Length: ${r.length}${r.type ? ` [${r.type.replace(/;.*/, '')}]` : ''}\n`);
  if (o.spider) {
    log('Remote file exists.\n\n');
    return 0;
  }
  const file = fileFor(ctx, target, o, false);
  const toStdout = file === '-';
  log(`Saving to: ‘${toStdout ? 'STDOUT' : file}’\n\n`);
  if (toStdout) ctx.stdout.write(r.body);
  else ctx.host.fs.writeFile(resolvePath(file, ctx.cwd), r.body);
  const ms = v.world.now() - started;
  log(`100%[${'='.repeat(38)}>] ${String(r.length).padEnd(11)} --.-K/s   in 0s      \n\n`);
  log(`${stamp()} (${speed(r.length, ms)}) - ${toStdout ? 'written to stdout' : `‘${file}’ saved`} [${r.length}/${r.length}]\n\n`);
  return 0;
}

function* busybox(ctx: CommandContext, v: Vantage, o: WgetOptions, url: string): Program {
  const parsed = parseTarget(url);
  if (!parsed.ok || parsed.target.scheme === 'file') {
    ctx.stderr.write(`wget: not an http or ftp url: ${url}\n`);
    return 1;
  }
  const target = parsed.target;
  const found = resolveHost(v, target.host);
  if (found.kind !== 'found') {
    if (found.kind === 'timeout') yield sleep(RESOLVER_GIVE_UP_MS);
    ctx.stderr.write(`wget: bad address '${target.host}'\n`);
    return 1;
  }
  if (!o.quiet) ctx.stderr.write(`Connecting to ${target.hostHeader} (${found.ip}:${target.port})\n`);
  const r = yield* fetch(v, target, found.ip, found.external, o);
  if (!r.ok) {
    const why = { refused: 'Connection refused', unreachable: 'Host is unreachable', reset: 'Connection reset by peer', timeout: '', ssl: '' }[r.why];
    ctx.stderr.write(r.why === 'timeout' ? 'wget: download timed out\n' : r.why === 'ssl' ? 'wget: error getting response: Connection reset by peer\n' : `wget: can't connect to remote host (${found.ip}): ${why}\n`);
    return 1;
  }
  if (r.status >= 400) {
    ctx.stderr.write(`wget: server returned error: HTTP/${r.version} ${r.status} ${r.reason}\n`);
    return 1;
  }
  if (o.spider) {
    if (!o.quiet) ctx.stderr.write('remote file exists\n');
    return 0;
  }
  const file = fileFor(ctx, target, o, true);
  const toStdout = file === '-';
  if (!toStdout && o.output === undefined && ctx.host.fs.exists(resolvePath(file, ctx.cwd))) {
    ctx.stderr.write(`wget: can't open '${file}': File exists\n`);
    return 1;
  }
  if (!o.quiet) ctx.stderr.write(toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`);
  if (toStdout) ctx.stdout.write(r.body);
  else ctx.host.fs.writeFile(resolvePath(file, ctx.cwd), r.body);
  if (!o.quiet) {
    ctx.stderr.write(`${(toStdout ? '-' : file).padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}| ${String(r.length).padStart(5)}  0:00:00 ETA\n`);
    ctx.stderr.write(toStdout ? 'written to stdout\n' : `'${file}' saved\n`);
  }
  return 0;
}

function run(ctx: CommandContext): number | Program {
  const v = vantageOf(ctx);
  const o = parse(ctx.argv.slice(1));
  const isBusybox = v.flavour === 'busybox';
  if ('error' in o || o.url === undefined) {
    if (isBusybox) ctx.stderr.write(`${'error' in o ? `wget: ${o.error}\n` : ''}${BUSYBOX_USAGE}`);
    else ctx.stderr.write(`wget: ${'error' in o ? o.error : 'missing URL'}\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`);
    return 1;
  }
  return isBusybox ? busybox(ctx, v, o, o.url) : gnu(ctx, v, o, o.url);
}

export const wget: Command = {
  name: 'wget',
  summary: 'The non-interactive network downloader.',
  run,
};
