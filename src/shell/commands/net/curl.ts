/**
 * curl 7.29.0, as CentOS 7 ships it: fetches URLs from the node's point of view. Playground
 * addresses go through the engine's Network to the DockerCoins model (`curl localhost:8001/32`,
 * `curl -X POST --data-binary hello localhost:8002`, `curl localhost:8000/json`), other sites
 * through the simulated internet. -s -S -v -i -I -o -O -w -L -X -d --data-binary -H -f -k -m -D,
 * the progress meter when the body does not go to the terminal, curl's errors and exit codes.
 */
import { basename, resolvePath, textBytes, utf8Decode } from '../../../engine';
import type { Command, CommandContext, Effect, Program } from '../../types';
import { CURL_LONG_OPTIONS, parseCurlArgs, type CurlOptions } from './curlArgs';
import { bodyText, EMPTY_METER, METER_HEADER, meterLine, writeOut, type Transfer } from './curlOutput';
import { requestHeaders, transfer, verboseResponse, type TransferResult } from './curlTransfer';
import { parseTarget, type Target } from './target';

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const MAX_REDIRECTS = 50;

const VERSION_TEXT =
  'curl 7.29.0 (x86_64-redhat-linux-gnu) libcurl/7.29.0 NSS/3.53.1 zlib/1.2.7 libidn/1.28 libssh2/1.8.0\n' +
  'Protocols: dict file ftp ftps gopher http https imap imaps ldap ldaps pop3 pop3s rtsp scp sftp smtp smtps telnet tftp \n' +
  'Features: AsynchDNS GSS-Negotiate IDN IPv6 Largefile NTLM NTLM_WB SSL libz unix-sockets \n';

const HELP_TEXT = [
  'Usage: curl [options...] <url>',
  'Options: (H) means HTTP/HTTPS only',
  ' -D, --dump-header FILE  Write the headers to this file',
  ' -d, --data DATA     HTTP POST data (H)',
  '     --data-binary DATA  HTTP POST binary data (H)',
  ' -f, --fail          Fail silently (no output at all) on HTTP errors (H)',
  ' -G, --get           Send the -d data with a HTTP GET (H)',
  ' -H, --header LINE   Custom header to pass to server (H)',
  ' -I, --head          Show document info only',
  ' -h, --help          This help text',
  ' -i, --include       Include protocol headers in the output (H)',
  ' -k, --insecure      Allow connections to SSL sites without certs (H)',
  ' -L, --location      Follow redirects (H)',
  ' -m, --max-time SECONDS  Maximum time allowed for the transfer',
  ' -o, --output FILE   Write output to <file> instead of stdout',
  ' -O, --remote-name   Write output to a file named as the remote file',
  ' -s, --silent        Silent mode. Don\'t output anything',
  ' -S, --show-error    Show error. With -s, make curl show errors when they occur',
  ' -A, --user-agent STRING  User-Agent to send to server (H)',
  ' -v, --verbose       Make the operation more talkative',
  ' -V, --version       Show version number and quit',
  ' -w, --write-out FORMAT  What to output after completion',
  ' -X, --request COMMAND  Specify request command to use',
  '',
].join('\n');

/** The request body from -d / --data-binary (with @file and @- for stdin), joined by "&". */
function* requestBody(ctx: CommandContext, opts: CurlOptions): Generator<Effect, string, unknown> {
  const parts: string[] = [];
  for (const { value, binary } of opts.data) {
    if (!value.startsWith('@')) {
      parts.push(value);
      continue;
    }
    const name = value.slice(1);
    let content = '';
    if (name === '-') content = yield* ctx.stdin.readAll();
    else {
      const r = ctx.host.fs.readFile(resolvePath(name, ctx.cwd));
      if (r.ok) content = r.value;
      else ctx.stderr.write(`Warning: Couldn't read data from file "${name}", this makes an empty \nWarning: POST.\n`);
    }
    // -d strips newlines from files; --data-binary sends them as they are.
    parts.push(binary ? content : content.replace(/[\r\n]/g, ''));
  }
  return parts.join('&');
}

function* fetchUrl(ctx: CommandContext, opts: CurlOptions, raw: string): Generator<Effect, number, unknown> {
  const showErrors = !opts.silent || opts.showError;
  const fail = (code: number, message: string): number => {
    if (showErrors) ctx.stderr.write(`curl: (${code}) ${message}\n`);
    return code;
  };
  const parsed = parseTarget(raw);
  if (!parsed.ok) return fail(parsed.code, parsed.message);
  let target: Target = parsed.target;
  const meter = !opts.silent && (opts.output !== undefined || opts.remoteName || !ctx.stdout.isTerminal);
  const v = (line: string): void => {
    if (opts.verbose) ctx.stderr.write(`${line}\n`);
  };

  if (target.scheme === 'file') {
    const r = ctx.host.fs.readFile(resolvePath(target.path, '/'));
    if (!r.ok) return fail(37, `Couldn't open file ${target.path}`);
    ctx.stdout.write(r.value);
    return 0;
  }

  const data = yield* requestBody(ctx, opts);
  const hasData = opts.data.length > 0 && !opts.get;
  if (opts.get && opts.data.length > 0) target = { ...target, path: `${target.path}${target.path.includes('?') ? '&' : '?'}${data}`, url: `${target.url}${target.path.includes('?') ? '&' : '?'}${data}` };
  let method = opts.method ?? (opts.head ? 'HEAD' : hasData ? 'POST' : 'GET');
  let body = hasData ? textBytes(data) : new Uint8Array(0);
  // The meter starts at 0 before anything happens; -v lines follow it on the same line, as 7.29 prints them.
  if (meter) ctx.stderr.write(METER_HEADER + EMPTY_METER);

  let redirects = 0;
  let redirectUrl = '';
  let result: TransferResult;
  let includeText = '';
  for (;;) {
    result = yield* transfer(ctx, target, { method, headers: requestHeaders(target, opts.userAgent, opts.headers, body, hasData && body.length > 0), body }, opts.insecure, opts.maxTimeMs, v);
    // On failure 7.29 leaves the meter's line without a newline: the error follows on the same line.
    if (!result.ok) return fail(result.code, result.message);
    verboseResponse(result, v);
    const location = result.response.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    const status = result.response.status;
    if (location !== undefined && status >= 300 && status < 400) redirectUrl = new URLResolver(target).resolve(location);
    if (!opts.location || location === undefined || status < 300 || status >= 400) break;
    if (opts.include || opts.head) includeText += result.head;
    v(result.keepAlive ? `* Connection #0 to host ${target.host} left intact` : '* Closing connection 0');
    if (++redirects > MAX_REDIRECTS) return fail(47, `Maximum (${MAX_REDIRECTS}) redirects followed`);
    v(`* Issue another request to this URL: '${redirectUrl}'`);
    const next = parseTarget(redirectUrl);
    if (!next.ok) return fail(next.code, next.message);
    target = next.target;
    // A POST answered with 301, 302 or 303 becomes a GET, as browsers (and curl) do.
    if (method === 'POST' && status <= 303 && opts.method === undefined) {
      method = 'GET';
      body = new Uint8Array(0);
    }
    redirectUrl = '';
  }

  const { response } = result;
  if (opts.fail && response.status >= 400) {
    v(result.keepAlive ? `* Connection #0 to host ${target.host} left intact` : '* Closing connection 0');
    if (meter) ctx.stderr.write('\n');
    return fail(22, `The requested URL returned error: ${response.status} ${response.reason}`);
  }
  const content = method === 'HEAD' ? new Uint8Array(0) : response.body;
  const contentLength = response.headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1];
  const stats: Transfer = {
    url: target.url, status: response.status, contentType: response.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1],
    headerBytes: result.head.length, requestBytes: result.requestBytes, downloaded: content.length, uploaded: body.length,
    expected: contentLength !== undefined && method !== 'HEAD' ? Number(contentLength) : undefined, totalMs: result.totalMs, connectMs: result.connectMs,
    remoteIp: result.remoteIp, remotePort: result.remotePort, redirects, redirectUrl,
  };
  if (opts.include || opts.head) includeText += result.head;

  if (opts.dumpHeader !== undefined) {
    if (opts.dumpHeader === '-') ctx.stdout.write(result.head);
    else ctx.host.fs.writeFile(resolvePath(opts.dumpHeader, ctx.cwd), result.head);
  }
  const outName = opts.output ?? (opts.remoteName ? basename(target.path.replace(/\?.*/, '')) : undefined);
  if (opts.remoteName && opts.output === undefined && (outName === undefined || outName === '' || outName === '/')) {
    ctx.stderr.write(`curl: Remote file name has no length!\n${TRY}`);
    return 23;
  }
  if (opts.verbose && (outName !== undefined || !ctx.stdout.isTerminal) && content.length > 0) v('{ [data not shown]');
  if (outName !== undefined && outName !== '-') {
    const written = ctx.host.fs.writeFile(resolvePath(outName, ctx.cwd), includeText + utf8Decode(Array.from(content)));
    if (!written.ok) {
      ctx.stderr.write(`Warning: Failed to create the file ${outName}: No such file or directory\n`);
      return fail(23, `Failed writing body (0 != ${content.length})`);
    }
  } else {
    ctx.stdout.write(includeText + bodyText(content, ctx.stdout.isTerminal));
  }
  if (meter) ctx.stderr.write(`\r${meterLine(stats)}\n`);
  v(result.keepAlive ? `* Connection #0 to host ${target.host} left intact` : '* Closing connection 0');
  if (opts.writeOut !== undefined) {
    const w = writeOut(opts.writeOut, stats);
    if (!w.ok) ctx.stderr.write(`${w.message}\n`);
    else ctx.stdout.write(w.text);
  }
  return 0;
}

/** Resolves a Location header against the URL that answered it. */
class URLResolver {
  constructor(private readonly base: Target) {}

  resolve(location: string): string {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return location;
    const origin = `${this.base.scheme}://${this.base.hostHeader}`;
    if (location.startsWith('/')) return origin + location;
    const dir = this.base.path.replace(/\?.*/, '').replace(/[^/]*$/, '');
    return origin + dir + location;
  }
}

function run(ctx: CommandContext): number | Program {
  const parsed = parseCurlArgs(ctx.argv.slice(1));
  if (!parsed.ok) {
    ctx.stderr.write(`${parsed.message}\n${TRY}`);
    return 2;
  }
  const opts = parsed.options;
  if (opts.help) {
    ctx.stdout.write(HELP_TEXT);
    return 0;
  }
  if (opts.version) {
    ctx.stdout.write(VERSION_TEXT);
    return 0;
  }
  if (opts.urls.length === 0) {
    ctx.stderr.write(opts.data.length || opts.output !== undefined ? `curl: no URL specified!\n${TRY}` : TRY);
    return 2;
  }
  return (function* (): Program {
    // Several URLs are fetched in turn; curl exits with the last transfer's status.
    let code = 0;
    for (const url of opts.urls) code = yield* fetchUrl(ctx, opts, url);
    return code;
  })();
}

export const curl: Command = {
  name: 'curl',
  summary: 'transfer a URL',
  run,
  complete(req) {
    return req.current.startsWith('-') ? CURL_LONG_OPTIONS.filter((o) => o.startsWith(req.current)) : [];
  },
};
