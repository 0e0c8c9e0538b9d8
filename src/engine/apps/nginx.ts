/**
 * The official nginx image (1.25, Debian bookworm) as a pod runs it: the entrypoint's
 * configuration lines, nginx's notices, then HTTP on port 80 serving /usr/share/nginx/html from
 * the container's files (so a page written with `kubectl exec … sh -c 'echo hi > …'` is served),
 * one access-log line per request on stdout and an error line per missing file on stderr.
 *
 * The image's STOPSIGNAL is SIGQUIT, which containerd sends instead of SIGTERM: nginx shuts
 * down gracefully and exits 0 at once, so an nginx pod never waits out its grace period.
 */
import type { ProgramMain } from '../containers/process';
import { httpDate, response, textBytes, type HttpExchange, type HttpHeader, type HttpResponse, type HttpService } from '../net/http';
import { rackTime } from './logTime';
import { ProgramBase, signals } from './program';

export const NGINX_PORT = 80;
export const NGINX_VERSION = '1.25.0';
const SERVER = `nginx/${NGINX_VERSION}`;
const HTML_ROOT = '/usr/share/nginx/html';
/** The entrypoint's scripts, then nginx reading its configuration. */
const STARTUP_MS = 60;
/** One worker per CPU (worker_processes auto) on our 8-CPU nodes. */
const WORKERS = 8;
const FIRST_WORKER_PID = 29;
/** When the image's index.html was built (its Last-Modified and ETag). */
const PAGE_MTIME_S = 1684854500;

export const NGINX_WELCOME_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** nginx's built-in error pages. */
function errorPage(status: number, text: string): string {
  return `<html>\n<head><title>${status} ${text}</title></head>\n<body>\n<center><h1>${status} ${text}</h1></center>\n<hr><center>${SERVER}</center>\n</body>\n</html>\n`;
}

const ENTRYPOINT_LINES = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** nginx's error-log time: "2023/06/01 09:00:05". */
function errorLogTime(wallMs: number): string {
  const d = new Date(Math.floor(wallMs / 1000) * 1000);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

export const nginxProgram: ProgramMain = (sb, exitFn) => {
  const p = new ProgramBase(sb, exitFn);
  const world = p.world;
  let connections = 0;
  let serving = false;
  const notice = (pid: number, text: string): void => p.err(`${errorLogTime(world.wallNow())} [notice] ${pid}#${pid}: ${text}`);

  for (const line of ENTRYPOINT_LINES) p.out(line);

  const page = (path: string): string | undefined => {
    const file = path.endsWith('/') ? `${path}index.html` : path;
    return sb.readFile?.(`${HTML_ROOT}${file}`) ?? (file === '/index.html' && !sb.readFile ? NGINX_WELCOME_PAGE : undefined);
  };

  const reply = (ex: HttpExchange, res: HttpResponse, bytes: number): void => {
    const { method, path, version, clientIp, headers } = ex.request;
    ex.respond(method === 'HEAD' ? { ...res, body: new Uint8Array(0) } : res);
    const agent = headers.find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? '-';
    const referer = headers.find(([k]) => k.toLowerCase() === 'referer')?.[1] ?? '-';
    p.out(`${clientIp} - - [${rackTime(world.wallNow())}] "${method} ${path} HTTP/${version}" ${res.status} ${method === 'HEAD' ? 0 : bytes} "${referer}" "${agent}" "-"`);
  };

  const errorReply = (ex: HttpExchange, status: number, text: string): void => {
    const body = textBytes(errorPage(status, text));
    const headers: HttpHeader[] = [['Server', SERVER], ['Date', httpDate(world.wallNow())], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']];
    reply(ex, { ...response('1.1', status, headers, body), reason: text }, body.length);
  };

  const service: HttpService = {
    kind: 'http',
    owner: p.owner,
    handle(ex) {
      if (!p.alive || !serving) {
        ex.reset();
        return;
      }
      connections++;
      const { method } = ex.request;
      const path = ex.request.path.replace(/[?#].*/, '') || '/';
      if (method !== 'GET' && method !== 'HEAD') return errorReply(ex, 405, 'Not Allowed');
      const content = path.includes('..') ? undefined : page(path);
      if (content === undefined) {
        const worker = FIRST_WORKER_PID + (connections % WORKERS);
        const host = ex.request.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? sb.ip;
        p.err(`${errorLogTime(world.wallNow())} [error] ${worker}#${worker}: *${connections} open() "${HTML_ROOT}${path}" failed (2: No such file or directory), client: ${ex.request.clientIp}, server: localhost, request: "${method} ${ex.request.path} HTTP/${ex.request.version}", host: "${host}"`);
        return errorReply(ex, 404, 'Not Found');
      }
      const body = textBytes(content);
      const unchanged = content === NGINX_WELCOME_PAGE;
      const headers: HttpHeader[] = [
        ['Server', SERVER], ['Date', httpDate(world.wallNow())], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)],
        ['Last-Modified', httpDate(unchanged ? PAGE_MTIME_S * 1000 : world.wallNow())], ['Connection', 'keep-alive'],
        ['ETag', `"${(unchanged ? PAGE_MTIME_S : Math.floor(world.wallNow() / 1000)).toString(16)}-${body.length.toString(16)}"`], ['Accept-Ranges', 'bytes'],
      ];
      reply(ex, response('1.1', 200, headers, body), body.length);
    },
  };

  p.after(STARTUP_MS, () => {
    notice(1, 'using the "epoll" event method');
    notice(1, SERVER);
    notice(1, 'built by gcc 12.2.0 (Debian 12.2.0-14) ');
    notice(1, 'OS: Linux 4.4.0-210-generic');
    notice(1, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
    notice(1, 'start worker processes');
    for (let i = 0; i < WORKERS; i++) notice(1, `start worker process ${FIRST_WORKER_PID + i}`);
    sb.listen(NGINX_PORT, service);
    serving = true;
  });

  // containerd sends the image's STOPSIGNAL (SIGQUIT) where the kubelet asks for SIGTERM.
  return signals(p, (sig) => {
    notice(1, sig === 'SIGTERM' ? 'signal 3 (SIGQUIT) received, shutting down' : 'signal 2 (SIGINT) received, exiting');
    for (let i = 0; i < WORKERS; i++) {
      const pid = FIRST_WORKER_PID + i;
      if (sig === 'SIGTERM') notice(pid, 'gracefully shutting down');
      notice(pid, 'exiting');
      notice(pid, 'exit');
    }
    for (let i = 0; i < WORKERS; i++) {
      notice(1, `signal 17 (SIGCHLD) received from ${FIRST_WORKER_PID + i}`);
      notice(1, `worker process ${FIRST_WORKER_PID + i} exited with code 0`);
    }
    notice(1, 'exit');
    p.exit(0);
  });
};
