/**
 * kubectl logs (v1.27): `POD [CONTAINER]`, `TYPE/NAME` (the first pod of a deployment, replica
 * set, service...: "Found 3 pods, using pod/..."), `-l` (every matching pod, the last 10 lines of
 * each unless --tail says otherwise), `-c`, `--all-containers`, `-p/--previous`, `--tail`,
 * `--since`/`--since-time`, `--timestamps`, `--prefix`, and `-f` (new lines as they come, until the
 * container stops or Ctrl+C; at most --max-log-requests streams). The kubelets keep the logs
 * (the engine's podLogs picks the instance and words the API server's errors).
 */
import { parseSelector, podLogs, rfc3339Nano, type InstanceLog, type PodLogEntry, type Pod, type Stored } from '../../../../engine';
import { sleep, type Effect, type Program } from '../../../types';
import type { ApiConnection } from '../client';
import { flagBool, flagInt, flagString } from '../flags';
import { connectOrReport, fail, usageError, type Invocation, type Verb } from '../invocation';
import { chooseContainer, pickPod, podsBySelector } from '../podTargets';
import { LOGS_FLAGS, LOGS_HELP } from './logsHelp';
import { parseGoDuration } from './goDuration';

const POLL_MS = 100;
const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

interface Stream {
  readonly pod: Stored<Pod>;
  readonly container: string;
}

interface Format {
  readonly timestamps: boolean;
  readonly prefix: boolean;
}

function formatLine(s: Stream, e: PodLogEntry, f: Format): string {
  return `${f.prefix ? `[pod/${s.pod.metadata.name}/${s.container}] ` : ''}${f.timestamps ? `${rfc3339Nano(e)} ` : ''}${e.line}\n`;
}

/** The streams a request reads: pods (by name, TYPE/NAME or selector) × containers. */
function* resolveStreams(inv: Invocation, conn: ApiConnection, namespace: string): Generator<Effect, Stream[] | number, unknown> {
  const selectorText = flagString(inv.flags, 'selector');
  let pods: Stored<Pod>[];
  if (selectorText !== undefined) {
    const sel = parseSelector(selectorText);
    if (!sel.ok) return fail(inv, sel.error);
    pods = podsBySelector(conn, namespace, sel.selector).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    if (pods.length === 0) {
      inv.err(`No resources found in ${namespace} namespace.\n`);
      return [];
    }
  } else {
    const timeout = parseGoDuration(flagString(inv.flags, 'pod-running-timeout') ?? '20s') ?? 20_000;
    let waited = 0;
    for (;;) {
      const pick = pickPod(conn, namespace, inv.args[0]!);
      if (pick.kind === 'error') {
        inv.err(`${pick.error}\n`);
        return 1;
      }
      if (pick.kind === 'pod') {
        if (pick.notice) inv.err(pick.notice);
        pods = [pick.pod];
        break;
      }
      if (waited >= timeout) return fail(inv, 'timed out waiting for the condition');
      yield sleep(1_000);
      waited += 1_000;
    }
  }
  const streams: Stream[] = [];
  const requested = flagString(inv.flags, 'container') ?? inv.args[1];
  for (const pod of pods) {
    if (flagBool(inv.flags, 'all-containers')) {
      for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) streams.push({ pod, container: c.name });
      continue;
    }
    const choice = chooseContainer(pod, requested);
    if (!choice.ok) {
      inv.err(`Error from server (BadRequest): container ${choice.name} is not valid for pod ${pod.metadata.name}\n`);
      return 1;
    }
    if (choice.notice) inv.err(choice.notice);
    streams.push({ pod, container: choice.name });
  }
  return streams;
}

function* run(inv: Invocation): Program {
  const selectorText = flagString(inv.flags, 'selector');
  if (selectorText !== undefined && inv.args.length > 0) return usageError(inv, 'only a selector (-l) or a POD name is allowed');
  if ((selectorText === undefined && inv.args.length === 0) || inv.args.length > 2) return usageError(inv, USAGE);
  const sinceText = flagString(inv.flags, 'since');
  const sinceTime = flagString(inv.flags, 'since-time');
  if (sinceText !== undefined && sinceTime !== undefined) return fail(inv, 'at most one of `sinceTime` or `sinceSeconds` may be specified');
  let sinceWallMs: number | undefined;
  if (sinceText !== undefined) {
    const ms = parseGoDuration(sinceText);
    if (ms === undefined) return fail(inv, `invalid argument "${sinceText}" for "--since" flag: time: invalid duration "${sinceText}"`);
    if (ms > 0) sinceWallMs = inv.now() - ms;
  } else if (sinceTime !== undefined) {
    const t = Date.parse(sinceTime);
    if (Number.isNaN(t) || !/^\d{4}-\d\d-\d\dT/.test(sinceTime)) return fail(inv, `parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`);
    sinceWallMs = t;
  }
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const namespace = conn.settings.namespace;
  const streams = yield* resolveStreams(inv, conn, namespace);
  if (typeof streams === 'number') return streams;
  const tailFlag = flagInt(inv.flags, 'tail') ?? -1;
  const tail = tailFlag >= 0 ? tailFlag : selectorText !== undefined ? 10 : undefined;
  const previous = flagBool(inv.flags, 'previous');
  const follow = flagBool(inv.flags, 'follow');
  const ignoreErrors = flagBool(inv.flags, 'ignore-errors');
  const format: Format = { timestamps: flagBool(inv.flags, 'timestamps'), prefix: flagBool(inv.flags, 'prefix') };
  const maxRequests = flagInt(inv.flags, 'max-log-requests') ?? 5;
  if (follow && streams.length > maxRequests) {
    return fail(inv, `you are attempting to follow ${streams.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit`);
  }
  const open: { stream: Stream; log: InstanceLog }[] = [];
  let failed = false;
  for (const stream of streams) {
    const found = podLogs(conn.cluster, stream.pod.metadata.namespace ?? namespace, stream.pod.metadata.name, { container: stream.container, previous });
    if (!found.ok) {
      inv.err(`Error from server (${found.reason}): ${found.message}\n`);
      failed = true;
      if (!ignoreErrors) return 1;
      continue;
    }
    const entries = found.log.entries({ ...(tail !== undefined ? { tail } : {}), ...(sinceWallMs !== undefined ? { sinceWallMs } : {}) });
    for (const e of entries) inv.out(formatLine(stream, e, format));
    open.push({ stream, log: found.log });
  }
  if (!follow || previous) return failed ? 1 : 0;
  const queue: string[] = [];
  let live = 0;
  const offs: (() => void)[] = [];
  for (const { stream, log } of open) {
    live++;
    offs.push(log.follow({ line: (e) => queue.push(formatLine(stream, e, format)), end: () => { live--; } }));
  }
  try {
    for (;;) {
      if (queue.length > 0) inv.out(queue.splice(0).join(''));
      if (live <= 0) return failed ? 1 : 0;
      yield sleep(POLL_MS);
    }
  } finally {
    for (const off of offs) off();
  }
}

export const logs: Verb = {
  name: 'logs',
  summary: 'Print the logs for a container in a pod',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  help: LOGS_HELP,
  flags: LOGS_FLAGS,
  run,
};
