/**
 * The errors the worker's libraries raise, as Python prints them under `log.exception(...)`:
 * a traceback (the worker's own frames from worker.py, then the library's), then the exception.
 * redis-py 3.5 and requests 2.24 / urllib3 1.25 wording, with musl's resolver messages
 * (python:alpine): "Name does not resolve".
 */
import type { Frame, Statement } from './workerSource';
import { SITE_PACKAGES } from './versions';

export type ConnectProblem = 'dns' | 'refused' | 'unreachable' | 'reset';

const ERRNO: Readonly<Record<Exclude<ConnectProblem, 'reset'>, readonly [number, string]>> = {
  dns: [-2, 'Name does not resolve'],
  refused: [111, 'Connection refused'],
  unreachable: [113, 'No route to host'],
};

/** Library frames between the worker's call and the raise, per statement kind. */
const REDIS_FRAMES = (command: string): readonly string[] => [
  `  File "${SITE_PACKAGES}/redis/client.py", line ${command === 'incrby' ? 1619 : 3050}, in ${command}`,
  `    return self.execute_command('${command.toUpperCase()}', ${command === 'incrby' ? 'name, amount' : 'name, *items'})`,
  `  File "${SITE_PACKAGES}/redis/client.py", line 898, in execute_command`,
  '    conn = self.connection or pool.get_connection(command_name, **options)',
  `  File "${SITE_PACKAGES}/redis/connection.py", line 1192, in get_connection`,
  '    connection.connect()',
  `  File "${SITE_PACKAGES}/redis/connection.py", line 563, in connect`,
  '    raise ConnectionError(self._error_message(e))',
];

const REQUESTS_FRAMES = (method: 'get' | 'post'): readonly string[] => [
  `  File "${SITE_PACKAGES}/requests/api.py", line ${method === 'get' ? 76 : 119}, in ${method}`,
  `    return request('${method}', url, ${method === 'get' ? 'params=params' : 'data=data, json=json'}, **kwargs)`,
  `  File "${SITE_PACKAGES}/requests/api.py", line 61, in request`,
  '    return session.request(method=method, url=url, **kwargs)',
  `  File "${SITE_PACKAGES}/requests/sessions.py", line 530, in request`,
  '    resp = self.send(prep, **send_kwargs)',
  `  File "${SITE_PACKAGES}/requests/sessions.py", line 643, in send`,
  '    r = adapter.send(request, **kwargs)',
  `  File "${SITE_PACKAGES}/requests/adapters.py", line 516, in send`,
  '    raise ConnectionError(e, request=request)',
];

function userFrames(frames: readonly Frame[]): string[] {
  const out: string[] = [];
  for (const f of frames) out.push(`  File "worker.py", line ${f.line}, in ${f.fn}`, `    ${f.text}`);
  return out;
}

/** The exception line for a Redis connection failure. */
export function redisErrorLine(problem: ConnectProblem, host: string, port: number): string {
  if (problem === 'reset') return 'redis.exceptions.ConnectionError: Connection closed by server.';
  const [errno, text] = ERRNO[problem];
  return `redis.exceptions.ConnectionError: Error ${errno} connecting to ${host}:${port}. ${text}.`;
}

/** The exception line for a failed HTTP request; `objectId` is the urllib3 connection's address. */
export function requestsErrorLine(problem: ConnectProblem, host: string, path: string, objectId: string): string {
  if (problem === 'reset') {
    return "requests.exceptions.ConnectionError: ('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))";
  }
  const [errno, text] = ERRNO[problem];
  return `requests.exceptions.ConnectionError: HTTPConnectionPool(host='${host}', port=80): Max retries exceeded with url: ${path} ` +
    `(Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x${objectId}>: Failed to establish a new connection: [Errno ${errno}] ${text}'))`;
}

/** The traceback lines (after "ERROR:__main__:In work loop:") for an error in `statement`. */
export function traceback(statement: Statement, frames: readonly Frame[], errorLine: string): string[] {
  const library = statement === 'incrby' ? REDIS_FRAMES('incrby')
    : statement === 'hset' ? REDIS_FRAMES('hset')
    : REQUESTS_FRAMES(statement === 'get-rng' ? 'get' : 'post');
  return ['Traceback (most recent call last):', ...userFrames(frames), ...library, errorLine];
}

/** Ctrl+C (SIGINT) lands wherever the loop waits: in time.sleep most of the time. */
export function keyboardInterrupt(frames: readonly Frame[]): string[] {
  return ['Traceback (most recent call last):', ...userFrames(frames.slice(0, 1)), 'KeyboardInterrupt'];
}
