/**
 * How kubectl reaches an API server: the server URL from the kubeconfig, a TCP dial through the
 * simulated network from this host, then the TLS check of the cluster's CA. Failures come out as
 * v1.27 prints them: for commands that run discovery (get, describe, apply...) five klog lines
 * from memcache.go:265 a few milliseconds apart, then the one-line summary.
 */
import type { Random} from '../../../engine';
import { base64Encode, isApiServerService, parseUrl, type ApiStore, type Cluster, type World } from '../../../engine';
import { klogLine } from '../../format/time';
import { sleep, type Program } from '../../types';
import type { Invocation } from './invocation';
import type { ClientSettings } from './kubeconfig';

export interface ApiConnection {
  readonly cluster: Cluster;
  readonly store: ApiStore;
  readonly settings: ClientSettings;
}

export type ConnectFailure =
  | { readonly kind: 'config'; readonly message: string }
  | { readonly kind: 'refused'; readonly url: string; readonly hostPort: string; readonly dialAddress: string }
  | { readonly kind: 'unreachable'; readonly url: string; readonly dialAddress: string }
  | { readonly kind: 'dns'; readonly url: string; readonly hostname: string }
  | { readonly kind: 'x509'; readonly url: string; readonly candidate: boolean }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'not-apiserver'; readonly url: string };

export type ConnectResult = { readonly ok: true; readonly conn: ApiConnection } | { readonly ok: false; readonly failure: ConnectFailure };

/** The same resolver PWK nodes use: Docker's embedded DNS. */
const NODE_RESOLVER = '127.0.0.11:53';

/** What connecting needs from the caller: the world and the host it runs on. */
export interface ClientHost {
  readonly ctx: Pick<Invocation['ctx'], 'world' | 'host'>;
}

export function connect(inv: ClientHost, settings: ClientSettings): ConnectResult {
  const url = parseUrl(settings.server);
  if (!url) return { ok: false, failure: { kind: 'config', message: `error: couldn't parse server address "${settings.server}"` } };
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const hostPort = `${url.hostname}:${port}`;
  const base = `${url.protocol}//${hostPort}`;
  const world = inv.ctx.world;
  let ip = url.hostname;
  if (ip === 'localhost') ip = '127.0.0.1';
  else if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) {
    const host = world.host(ip);
    if (!host) return { ok: false, failure: { kind: 'dns', url: base, hostname: url.hostname } };
    ip = host.ip;
  }
  const dialAddress = `${ip}:${port}`;
  const dial = world.network.dial(inv.ctx.host.name, ip, port);
  if (!dial.ok) {
    return dial.reason === 'refused'
      ? { ok: false, failure: { kind: 'refused', url: base, hostPort, dialAddress } }
      : { ok: false, failure: { kind: 'unreachable', url: base, dialAddress } };
  }
  const service = dial.listener.service;
  if (!isApiServerService(service)) return { ok: false, failure: { kind: 'not-apiserver', url: base } };
  const cluster = service.cluster;
  if (url.protocol === 'https:' && !settings.cluster?.insecureSkipTlsVerify) {
    const ca = caData(inv, settings);
    if (ca !== cluster.ca.certData) return { ok: false, failure: { kind: 'x509', url: base, candidate: ca !== undefined } };
  }
  if (!settings.user?.hasCredentials) return { ok: false, failure: { kind: 'unauthorized' } };
  return { ok: true, conn: { cluster, store: cluster.store, settings } };
}

function caData(inv: ClientHost, settings: ClientSettings): string | undefined {
  if (settings.cluster?.certificateAuthorityData) return settings.cluster.certificateAuthorityData.replace(/\s/g, '');
  const path = settings.cluster?.certificateAuthority;
  if (!path) return undefined;
  const file = inv.ctx.host.fs.readFile(path);
  return file.ok ? base64Encode(file.value) : undefined;
}

const X509 = 'tls: failed to verify certificate: x509: certificate signed by unknown authority';
const X509_CANDIDATE = `${X509} (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "kubernetes")`;

/** The error of one request, as Go's net/http formats it after `Get "<url>": `. */
function dialError(f: ConnectFailure): string {
  switch (f.kind) {
    case 'refused': return `dial tcp ${f.dialAddress}: connect: connection refused`;
    case 'unreachable': return `dial tcp ${f.dialAddress}: connect: no route to host`;
    case 'dns': return `dial tcp: lookup ${f.hostname} on ${NODE_RESOLVER}: no such host`;
    case 'x509': return f.candidate ? X509_CANDIDATE : X509;
    case 'not-apiserver': return 'EOF';
    case 'config': return f.message;
    case 'unauthorized': return 'Unauthorized';
  }
}

/** The last line kubectl prints for a failed connection. */
export function summaryLine(f: ConnectFailure): string {
  switch (f.kind) {
    case 'refused': return `The connection to the server ${f.hostPort} was refused - did you specify the right host or port?`;
    case 'config': return f.message;
    case 'unauthorized': return 'error: You must be logged in to the server (Unauthorized)';
    case 'unreachable':
    case 'dns':
    case 'x509':
    case 'not-apiserver':
      return `Unable to connect to the server: ${dialError(f)}`;
  }
}

/** Milliseconds one failed attempt takes: a refused dial is instant, "no route to host" waits for ARP. */
function attemptMs(f: ConnectFailure): number {
  return f.kind === 'unreachable' ? 3_000 : f.kind === 'x509' ? 25 : 1;
}

/**
 * Prints a connection failure. With discovery (the commands that map resource types), five klog
 * lines first; the exit code is 1.
 */
export function* reportFailure(inv: Invocation, f: ConnectFailure, discovery: boolean): Program {
  if (discovery && f.kind !== 'config' && f.kind !== 'unauthorized') {
    const rnd = kubectlRandom(inv.ctx.world);
    for (let i = 0; i < 5; i++) {
      yield sleep(attemptMs(f));
      const micros = inv.ctx.world.wallNow() * 1000 + rnd.int(1000);
      const msg = `couldn't get current server API group list: Get "${'url' in f ? f.url : ''}/api?timeout=32s": ${dialError(f)}`;
      inv.err(`${klogLine('E', micros, inv.pid, 'memcache.go:265', msg)}\n`);
    }
  } else {
    yield sleep(attemptMs(f));
  }
  inv.err(`${summaryLine(f)}\n`);
  return 1;
}

const streams = new WeakMap<World, Random>();

/**
 * kubectl's own randomness (process ids, klog microseconds): one stream per world, drawn in the
 * order commands run, so a replay gives the same transcript.
 */
export function kubectlRandom(world: World): Random {
  let r = streams.get(world);
  if (!r) {
    r = world.random.fork('kubectl');
    streams.set(world, r);
  }
  return r;
}
