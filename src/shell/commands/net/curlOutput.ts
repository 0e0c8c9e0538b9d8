/**
 * What curl prints around a transfer: the progress meter (on stderr when the body does not go to
 * the terminal), --write-out's variables, and bodies made safe for the terminal.
 */
import { utf8Decode } from '../../../engine';

/** Everything curl measured about one transfer, for the meter and --write-out. */
export interface Transfer {
  readonly url: string;
  readonly status: number;
  readonly contentType: string | undefined;
  readonly headerBytes: number;
  readonly requestBytes: number;
  readonly downloaded: number;
  readonly uploaded: number;
  /** Total size when the server said (Content-Length). */
  readonly expected: number | undefined;
  readonly totalMs: number;
  readonly connectMs: number;
  readonly remoteIp: string;
  readonly remotePort: number;
  readonly redirects: number;
  readonly redirectUrl: string;
}

export const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** curl's max5data: a number in five columns, with k, M, G suffixes beyond that. */
function five(n: number): string {
  const v = Math.floor(n);
  if (v < 100000) return String(v).padStart(5);
  if (v < 10000 * 1024) return `${String(Math.floor(v / 1024)).padStart(4)}k`;
  if (v < 100 * 1024 * 1024) return `${(v / (1024 * 1024)).toFixed(1).padStart(4)}M`;
  return `${String(Math.floor(v / (1024 * 1024))).padStart(4)}M`;
}

/** curl's time2str: "--:--:--" for nothing, else H:MM:SS. */
function clock(seconds: number): string {
  const s = Math.floor(seconds);
  if (s <= 0) return '--:--:--';
  return `${String(Math.floor(s / 3600)).padStart(2)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The meter's last line (no newline): what stays on screen once a transfer ends. */
export function meterLine(t: Pick<Transfer, 'downloaded' | 'uploaded' | 'expected' | 'totalMs'>): string {
  const total = (t.expected ?? t.downloaded) + t.uploaded;
  const received = t.downloaded;
  const percent = (part: number, whole: number): string => String(whole > 0 ? Math.floor((part * 100) / whole) : 0).padStart(3);
  const seconds = t.totalMs / 1000;
  const dl = seconds > 0 ? received / seconds : 0;
  const ul = seconds > 0 ? t.uploaded / seconds : 0;
  return `${percent(received + t.uploaded, total)} ${five(total)}  ${percent(received, t.expected ?? received)} ${five(received)}  ` +
    `${percent(t.uploaded, t.uploaded)} ${five(t.uploaded)}  ${five(dl)}  ${five(ul)} ${clock(seconds)} ${clock(seconds)} --:--:-- ${five(dl)}`;
}

/** The meter of a transfer that never started (a refused connection). */
export const EMPTY_METER = '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

export type WriteOut = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** --write-out: %{variable}, %%, and the backslash escapes curl knows. */
export function writeOut(format: string, t: Transfer): WriteOut {
  const seconds = (ms: number): string => (ms / 1000).toFixed(3);
  const vars: Readonly<Record<string, string>> = {
    url_effective: t.url, http_code: String(t.status).padStart(3, '0'), response_code: String(t.status).padStart(3, '0'), http_connect: '000',
    time_total: seconds(t.totalMs), time_namelookup: seconds(0), time_connect: seconds(t.connectMs), time_appconnect: seconds(0),
    time_pretransfer: seconds(t.connectMs), time_starttransfer: seconds(t.totalMs), time_redirect: seconds(0),
    size_download: String(t.downloaded), size_upload: String(t.uploaded), size_header: String(t.headerBytes), size_request: String(t.requestBytes),
    speed_download: (t.totalMs > 0 ? t.downloaded / (t.totalMs / 1000) : 0).toFixed(3), speed_upload: (t.totalMs > 0 ? t.uploaded / (t.totalMs / 1000) : 0).toFixed(3),
    content_type: t.contentType ?? '', num_connects: '1', num_redirects: String(t.redirects), redirect_url: t.redirectUrl,
    ftp_entry_path: '', ssl_verify_result: '0', filename_effective: '', remote_ip: t.remoteIp, remote_port: String(t.remotePort),
    local_ip: '', local_port: '',
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '%' && format[i + 1] === '%') {
      out += '%';
      i++;
    } else if (c === '%' && format[i + 1] === '{') {
      const end = format.indexOf('}', i);
      if (end < 0) {
        out += c;
        continue;
      }
      const name = format.slice(i + 2, end);
      const value = vars[name];
      if (value === undefined) return { ok: false, message: `curl: unknown --write-out variable: '${name}'` };
      out += value;
      i = end;
    } else if (c === '\\' && i + 1 < format.length) {
      const e = format[++i]!;
      out += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e;
    } else out += c;
  }
  return { ok: true, text: out };
}

/**
 * A body as text. On a terminal, bytes are shown as the terminal would decode them, but control
 * characters other than newline and tab are dropped: random bytes from rng must not turn into
 * escape sequences that recolour or clear the learner's screen.
 */
export function bodyText(bytes: Uint8Array, forTerminal: boolean): string {
  const text = utf8Decode(Array.from(bytes));
  // eslint-disable-next-line no-control-regex
  return forTerminal ? text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '') : text;
}
