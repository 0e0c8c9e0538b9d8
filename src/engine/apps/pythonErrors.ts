/**
 * The errors the worker's libraries raise, as Python 3.11 prints them under `log.exception(...)`:
 * chained tracebacks (the OS error, then what the library made of it), the worker's own frames
 * quoted from worker.py, carets under the failing call (PEP 657), then the exception. redis-py
 * 4.5, requests 2.31 and urllib3 2.0 wording (the versions pip installs in the image), with musl's
 * resolver message (python:alpine): "Name does not resolve".
 */
import { SITE_PACKAGES } from './versions';
import type { Frame, Statement } from './workerSource';

export type ConnectProblem = 'dns' | 'refused' | 'unreachable' | 'reset';

const ERRNO: Readonly<Record<Exclude<ConnectProblem, 'reset'>, readonly [number, string, string]>> = {
  dns: [-2, 'Name does not resolve', 'socket.gaierror'],
  refused: [111, 'Connection refused', 'ConnectionRefusedError'],
  unreachable: [113, 'No route to host', 'OSError'],
};

const DIRECT_CAUSE = ['', 'The above exception was the direct cause of the following exception:', ''];
const DURING = ['', 'During handling of the above exception, another exception occurred:', ''];

/** A library frame: file (under site-packages unless absolute), line, function, source, the part carets mark. */
type LibFrame = readonly [file: string, line: number, fn: string, text: string, marked?: string];

function frameLines([file, line, fn, text, marked]: LibFrame): string[] {
  const path = file.startsWith('/') ? file : `${SITE_PACKAGES}/${file}`;
  const out = [`  File "${path}", line ${line}, in ${fn}`, `    ${text}`];
  if (marked) out.push(`    ${' '.repeat(text.indexOf(marked))}${'^'.repeat(marked.length)}`);
  return out;
}

/**
 * Carets under the call a worker.py line makes, as Python 3.11 draws them; none when the call is
 * the whole line (`work_loop()`).
 */
export function caretLine(text: string): string | undefined {
  const m = /^(return\s+|[\w.]+\s*=\s*)?(.*?)(\.\w+)?$/.exec(text);
  if (!m) return undefined;
  const start = m[1]?.length ?? 0;
  let expr = m[2]!;
  // A call left open at the end of the line (continued below) is marked to the line's end.
  if (!expr.endsWith(')')) expr = text.slice(start);
  if (start === 0 && expr.length === text.length) return undefined;
  return `    ${' '.repeat(start)}${'^'.repeat(expr.length)}`;
}

function userFrames(frames: readonly Frame[]): string[] {
  const out: string[] = [];
  for (const f of frames) {
    out.push(`  File "/worker.py", line ${f.line}, in ${f.fn}`, `    ${f.text}`);
    const caret = caretLine(f.text);
    if (caret) out.push(caret);
  }
  return out;
}

const PY = '/usr/local/lib/python3.11';

/** Where the OS error surfaces: the resolver, or connect(). */
function osErrorFrames(problem: Exclude<ConnectProblem, 'reset'>, lookup: LibFrame, connect: LibFrame): LibFrame[] {
  return problem === 'dns'
    ? [lookup, [`${PY}/socket.py`, 962, 'getaddrinfo', 'for res in _socket.getaddrinfo(host, port, family, type, proto, flags):', '_socket.getaddrinfo(host, port, family, type, proto, flags)']]
    : [connect];
}

function redisTrace(statement: 'incrby' | 'hset', user: readonly Frame[], problem: ConnectProblem, host: string, port: number): string[] {
  const command = statement === 'incrby' ? ['incrby', 1872, 'self.execute_command("INCRBY", name, amount)'] as const
    : ['hset', 4948, 'self.execute_command("HSET", name, *items)'] as const;
  const commandFrames: LibFrame[] = [
    ['redis/commands/core.py', command[1], command[0], `return ${command[2]}`, command[2]],
    ['redis/client.py', 1266, 'execute_command', 'conn = self.connection or pool.get_connection(command_name, **options)', 'pool.get_connection(command_name, **options)'],
  ];
  if (problem === 'reset') {
    return ['Traceback (most recent call last):', ...userFrames(user), ...commandFrames.flatMap(frameLines),
      ...frameLines(['redis/connection.py', 824, 'read_response', 'raise ConnectionError(SERVER_CLOSED_CONNECTION_ERROR)']),
      'redis.exceptions.ConnectionError: Connection closed by server.'];
  }
  const [errno, text, type] = ERRNO[problem];
  return [
    'Traceback (most recent call last):',
    ...([
      ['redis/connection.py', 699, 'connect', 'sock = self.retry.call_with_retry(', 'self.retry.call_with_retry('],
      ['redis/retry.py', 46, 'call_with_retry', 'return do()', 'do()'],
      ['redis/connection.py', 700, '<lambda>', 'lambda: self._connect(), lambda error: self.disconnect(error)', 'self._connect()'],
      ...osErrorFrames(problem, ['redis/connection.py', 970, '_connect', 'for res in socket.getaddrinfo(', 'socket.getaddrinfo('], ['redis/connection.py', 994, '_connect', 'sock.connect(socket_address)']),
    ] as LibFrame[]).flatMap(frameLines),
    `${type}: [Errno ${errno}] ${text}`,
    ...DURING,
    'Traceback (most recent call last):',
    ...userFrames(user),
    ...[...commandFrames, ['redis/connection.py', 1461, 'get_connection', 'connection.connect()'] as LibFrame,
      ['redis/connection.py', 705, 'connect', 'raise ConnectionError(self._error_message(e))'] as LibFrame].flatMap(frameLines),
    `redis.exceptions.ConnectionError: Error ${errno} connecting to ${host}:${port}. ${text}.`,
  ];
}

function requestsTrace(statement: 'get-rng' | 'post-hasher', user: readonly Frame[], problem: ConnectProblem, host: string, path: string, objectId: string): string[] {
  const method = statement === 'get-rng' ? 'get' : 'post';
  const call = `request("${method}", url, ${method === 'get' ? 'params=params' : 'data=data, json=json'}, **kwargs)`;
  const api: LibFrame[] = [
    ['requests/api.py', method === 'get' ? 73 : 115, method, `return ${call}`, call],
    ['requests/api.py', 59, 'request', 'return session.request(method=method, url=url, **kwargs)', 'session.request(method=method, url=url, **kwargs)'],
    ['requests/sessions.py', 589, 'request', 'resp = self.send(prep, **send_kwargs)', 'self.send(prep, **send_kwargs)'],
    ['requests/sessions.py', 703, 'send', 'r = adapter.send(request, **kwargs)', 'adapter.send(request, **kwargs)'],
    ['requests/adapters.py', 519, 'send', 'raise ConnectionError(e, request=request)'],
  ];
  const object = `<urllib3.connection.HTTPConnection object at 0x${objectId}>`;
  if (problem === 'reset') {
    return ['Traceback (most recent call last):', ...userFrames(user), ...api.flatMap(frameLines),
      "requests.exceptions.ConnectionError: ('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))"];
  }
  const [errno, text, type] = ERRNO[problem];
  const urllib3Error = problem === 'dns'
    ? `urllib3.exceptions.NameResolutionError: ${object}: Failed to resolve '${host}' ([Errno ${errno}] ${text})`
    : `urllib3.exceptions.NewConnectionError: ${object}: Failed to establish a new connection: [Errno ${errno}] ${text}`;
  const cause = problem === 'dns'
    ? `NameResolutionError("${object}: Failed to resolve '${host}' ([Errno ${errno}] ${text})")`
    : `NewConnectionError('${object}: Failed to establish a new connection: [Errno ${errno}] ${text}')`;
  return [
    'Traceback (most recent call last):',
    ...([
      ['urllib3/connection.py', 203, '_new_conn', 'sock = connection.create_connection(', 'connection.create_connection('],
      ...osErrorFrames(problem,
        ['urllib3/util/connection.py', 60, 'create_connection', 'for res in socket.getaddrinfo(host, port, family, socket.SOCK_STREAM):', 'socket.getaddrinfo(host, port, family, socket.SOCK_STREAM)'],
        ['urllib3/util/connection.py', 73, 'create_connection', 'sock.connect(sa)']),
    ] as LibFrame[]).flatMap(frameLines),
    `${type}: [Errno ${errno}] ${text}`,
    ...DIRECT_CAUSE,
    'Traceback (most recent call last):',
    ...([
      ['urllib3/connectionpool.py', 790, 'urlopen', 'response = self._make_request(', 'self._make_request('],
      ['urllib3/connection.py', 218, '_new_conn', `raise ${problem === 'dns' ? 'NameResolutionError(self.host, self, e) from e' : 'NewConnectionError('}`],
    ] as LibFrame[]).flatMap(frameLines),
    urllib3Error,
    ...DIRECT_CAUSE,
    'Traceback (most recent call last):',
    ...([
      ['requests/adapters.py', 486, 'send', 'resp = conn.urlopen(', 'conn.urlopen('],
      ['urllib3/util/retry.py', 592, 'increment', 'raise MaxRetryError(_pool, url, error or ResponseError(cause))'],
    ] as LibFrame[]).flatMap(frameLines),
    `urllib3.exceptions.MaxRetryError: HTTPConnectionPool(host='${host}', port=80): Max retries exceeded with url: ${path} (Caused by ${cause})`,
    ...DURING,
    'Traceback (most recent call last):',
    ...userFrames(user),
    ...api.flatMap(frameLines),
    `requests.exceptions.ConnectionError: HTTPConnectionPool(host='${host}', port=80): Max retries exceeded with url: ${path} (Caused by ${cause})`,
  ];
}

/** The lines after "ERROR:__main__:In work loop:" for a connection problem in `statement`. */
export function traceback(statement: Statement, frames: readonly Frame[], problem: ConnectProblem, target: { host: string; port: number; path: string; objectId: string }): string[] {
  return statement === 'incrby' || statement === 'hset'
    ? redisTrace(statement, frames, problem, target.host, target.port)
    : requestsTrace(statement, frames, problem, target.host, target.path, target.objectId);
}

/** Ctrl+C (SIGINT) lands in time.sleep most of the time. */
export function keyboardInterrupt(frames: readonly Frame[]): string[] {
  return ['Traceback (most recent call last):', ...userFrames(frames.slice(0, 1)), 'KeyboardInterrupt'];
}
