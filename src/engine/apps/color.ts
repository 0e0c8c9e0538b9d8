/**
 * jpetazzo/color, the workshop's "which pod answered?" server: a small Go HTTP server on port 80
 * (or $PORT) whose page names the pod that served it ("This is pod default/blue-… on linux/amd64,
 * serving / for 10.32.0.1:43962.") on a background coloured after the pod's name up to its first
 * dash, so `blue` and `green` deployments make literal blue/green demos. One log line per request.
 *
 * Go installs handlers for SIGTERM even as PID 1, so the server exits (status 2) at once.
 */
import type { ProgramMain } from '../containers/process';
import { httpDate, response, textBytes, type HttpService } from '../net/http';
import { ProgramBase, signals } from './program';

const CIRCLES: Readonly<Record<string, string>> = {
  red: '🔴', orange: '🟠', yellow: '🟡', green: '🟢', blue: '🔵', purple: '🟣', brown: '🟤', black: '⚫', white: '⚪',
};

const SERVICE_ACCOUNT_NAMESPACE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

/** The page, with the carriage returns the original template puts between its lines. */
function page(namespace: string, hostname: string, url: string, remote: string): string {
  const podColor = hostname.split('-', 1)[0] ?? hostname;
  const who = namespace === '' ? hostname : `pod ${namespace}/${hostname}`;
  const circles = (CIRCLES[namespace] ?? '') + (CIRCLES[podColor] ?? '');
  return [
    '<!DOCTYPE html>', '<html>', `<body style="background: ${namespace}; text-align: center;">`, '<div style="padding: 4em;"></div>',
    `<span style="padding: 4em; background: ${podColor};">`, '<span style="padding: 2px; background: white;">',
  ].join('\r') + `\r${circles}This is ${who} on linux/amd64, serving ${url} for ${remote}.\n` + ['</span>', '</span>', '</body>', '</html>', ''].join('\r');
}

export const colorProgram: ProgramMain = (sb, exitFn) => {
  const p = new ProgramBase(sb, exitFn);
  const world = p.world;
  const random = world.random.fork(`jpetazzo/color/${sb.id}`);
  const portText = sb.env['PORT'] || '80';
  const port = Number(portText);
  const hostname = sb.env['HOSTNAME'] ?? sb.hostname;
  const namespace = sb.env['NAMESPACE'] || sb.readFile?.(SERVICE_ACCOUNT_NAMESPACE) || '';

  p.out(`Starting HTTP server (linux/amd64) listening on port ${portText}.`);
  const service: HttpService = {
    kind: 'http',
    owner: p.owner,
    handle(ex) {
      if (!p.alive) return ex.reset();
      const { method, path, version, clientIp, headers } = ex.request;
      // The client's ephemeral port, as Go's RemoteAddr shows it.
      const remote = `${clientIp}:${random.between(32768, 60999)}`;
      const body = textBytes(page(namespace, hostname, path, remote));
      ex.respond(response('1.1', 200, [
        ['Date', httpDate(world.wallNow())], ['Content-Length', String(body.length)], ['Content-Type', 'text/html; charset=utf-8'],
      ], method === 'HEAD' ? new Uint8Array(0) : body));
      const agents = headers.filter(([k]) => k.toLowerCase() === 'user-agent').map(([, v]) => v);
      p.out(`${remote} ${method} ${path} HTTP/${version} [${agents.join(' ')}]`);
    },
  };
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    // Go's net package: a name is looked up as a service, a number must fit in 16 bits.
    const why = /^\d+$/.test(portText) ? `address ${portText}: invalid port` : `lookup tcp/${portText}: unknown port`;
    p.out(`Couldn't create server on port ${portText} (listen tcp: ${why}).`);
    p.out('You can change the port by setting the PORT environment variable.');
    p.exit(1);
    return signals(p, () => undefined);
  }
  sb.listen(port, service);
  return signals(p, () => p.exit(2));
};
