/**
 * kubectl rollout: status (rolloutStatus.ts), history and undo (rolloutHistory.ts), and here
 * restart (a restartedAt annotation on the pod template, so every pod is replaced), pause and
 * resume (spec.paused) for deployments and daemon sets.
 */
import { deepClone, rfc3339, type Stored } from '../../../../engine';
import { sleep, type Program } from '../../../types';
import { flagBool, flagInt, flagString, flagStrings } from '../flags';
import { connectOrReport, done, fail, type Invocation, type Verb } from '../invocation';
import { resourceKey } from '../resources';
import { historyText, rollback } from './rolloutHistory';
import { parseDuration, watchStatus } from './rolloutStatus';
import { findTargets, type Target } from './targets';
import { apiErrorText, badOutput, dryRunOf, DRY_RUN_FLAG, printWritten, WRITE_OUTPUT_FLAG } from './write';

const SUBCOMMANDS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];

type Sub = 'history' | 'pause' | 'restart' | 'resume' | 'status' | 'undo';

/** Restart, pause or resume applied to a copy of the object; a string is kubectl's error. */
function change(sub: 'pause' | 'restart' | 'resume', t: Target, draft: Stored, now: number): string | undefined {
  const key = `${resourceKey(t.type)} "${t.obj.metadata.name}"`;
  const kinds = sub === 'restart' ? ['Deployment', 'DaemonSet', 'StatefulSet'] : ['Deployment'];
  if (!kinds.includes(t.obj.kind)) return `${key} ${sub === 'restart' ? 'restarting' : sub === 'pause' ? 'pausing' : 'resuming'} is not supported`;
  const obj = draft as Stored & { spec?: { paused?: boolean; template?: { metadata?: { annotations?: Record<string, string> } } } };
  const spec = (obj.spec ??= {});
  switch (sub) {
    case 'pause':
      if (spec.paused) return `${key} is already paused`;
      spec.paused = true;
      return undefined;
    case 'resume':
      if (!spec.paused) return `${key} is not paused`;
      delete spec.paused;
      return undefined;
    case 'restart': {
      if (spec.paused) return `${key} can't restart paused deployment (run rollout resume first)`;
      const meta = ((spec.template ??= {}).metadata ??= {});
      meta.annotations = { ...meta.annotations, 'kubectl.kubernetes.io/restartedAt': rfc3339(now) };
      return undefined;
    }
  }
}

function* runSub(inv: Invocation, sub: Sub, args: readonly string[]): Program {
  const dryRun = dryRunOf(inv);
  if (typeof dryRun !== 'string') return fail(inv, dryRun.error);
  const badO = badOutput(inv);
  if (badO) return fail(inv, badO);
  if (args.length === 0 && flagStrings(inv.flags, 'filename').length === 0) return fail(inv, 'required resource not specified');
  const timeout = parseDuration(flagString(inv.flags, 'timeout') ?? '0s');
  if (timeout === undefined) return fail(inv, `invalid argument "${flagString(inv.flags, 'timeout')}" for "--timeout" flag: time: invalid duration "${flagString(inv.flags, 'timeout')}"`);
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const found = yield* findTargets(inv, conn, args, { all: sub === 'restart' || sub === 'history' || flagBool(inv.flags, 'all') });
  if (!found.ok) return fail(inv, found.error);
  for (const e of found.errors) inv.err(`${e}\n`);
  let failed = found.errors.length > 0;
  if (sub === 'status') {
    if (found.targets.length !== 1) return failed ? 1 : fail(inv, `rollout status is only supported on individual resources and resource collections, not ${found.targets.length}`);
    const watch = inv.flags.values.get('watch') !== false;
    return yield* watchStatus(inv, conn, found.targets[0]!, { watch, timeoutMs: timeout, revision: flagInt(inv.flags, 'revision') ?? 0 });
  }
  for (const t of found.targets) {
    if (sub === 'history') {
      const h = historyText(conn, t, flagInt(inv.flags, 'revision') ?? 0);
      if ('error' in h) return fail(inv, h.error);
      inv.out(h.text);
      continue;
    }
    let apply: (draft: Stored) => string | undefined;
    let operation: string;
    if (sub === 'undo') {
      const r = rollback(conn, t, flagInt(inv.flags, 'to-revision') ?? 0);
      if (r.kind === 'error') return fail(inv, r.message);
      if (r.kind === 'skipped') {
        printWritten(inv, t.type, t.obj, r.message, dryRun);
        continue;
      }
      const next = r.object as Stored & { spec?: { template?: unknown } };
      apply = (draft) => {
        (draft as unknown as { spec: { template?: unknown } }).spec.template = deepClone(next.spec?.template);
        const meta = draft.metadata as { annotations?: Record<string, string> };
        if (t.obj.kind === 'Deployment') {
          if (next.metadata.annotations) meta.annotations = { ...next.metadata.annotations };
          else delete meta.annotations;
        }
        return undefined;
      };
      operation = 'rolled back';
    } else {
      const now = inv.now();
      apply = (draft) => change(sub, t, draft, now);
      operation = sub === 'restart' ? 'restarted' : sub === 'pause' ? 'paused' : 'resumed';
    }
    const preview = deepClone(t.obj) as Stored;
    const problem = apply(preview);
    if (problem) {
      inv.err(`error: ${problem}\n`);
      failed = true;
      continue;
    }
    yield sleep(3);
    // kubectl sends a patch: it applies to the object as the server holds it by then.
    const r = dryRun !== 'none' ? { ok: true as const, value: preview }
      : conn.store.mutate(t.type, t.obj.metadata.namespace, t.obj.metadata.name, 'user:kubectl', (d) => void apply(d as unknown as Stored));
    if (!r.ok) {
      inv.err(`${apiErrorText(r.error)}\n`);
      failed = true;
      continue;
    }
    printWritten(inv, t.type, r.value, operation, dryRun);
  }
  return failed ? 1 : 0;
}

const ROLLOUT_HELP = [
  'Follow, inspect and steer how new versions of a workload replace the old ones.',
  '  ',
  ' Valid resource types include:',
  '',
  '  *  deployments',
  '  *  daemonsets',
  '  *  statefulsets',
  '',
  'Examples:',
  '  # Go back to the version before the last change of the worker deployment',
  '  kubectl rollout undo deployment/worker',
  '  ',
  '  # Follow a rolling update until every replica runs the new template',
  '  kubectl rollout status deployment/worker',
  '  ',
  '  # Replace every pod of a deployment, one by one',
  '  kubectl rollout restart deployment/web',
  '',
  'Available Commands:',
  '  history       View rollout history',
  '  pause         Mark the provided resource as paused',
  '  restart       Restart a resource',
  '  resume        Resume a paused resource',
  '  status        Show the status of the rollout',
  '  undo          Undo a previous rollout',
].join('\n');

function run(inv: Invocation): Program {
  const [sub, ...rest] = inv.args;
  if (sub === undefined) {
    inv.out(`${ROLLOUT_HELP}\n\nUsage:\n  kubectl rollout SUBCOMMAND [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`);
    return done(1);
  }
  if (!SUBCOMMANDS.includes(sub)) {
    inv.err(`error: unknown command "${sub}"\nSee 'kubectl rollout -h' for help and examples\n`);
    return done(1);
  }
  return runSub({ ...inv, verb: `rollout ${sub}` }, sub as Sub, rest);
}

export const rollout: Verb = {
  name: 'rollout',
  summary: 'Manage the rollout of a resource',
  usage: 'kubectl rollout SUBCOMMAND [options]',
  help: ROLLOUT_HELP,
  subcommands: SUBCOMMANDS,
  flags: [
    { name: 'watch', short: 'w', kind: 'bool', description: 'Watch the status of the rollout until it\'s done (status).', defaultText: 'true' },
    { name: 'timeout', kind: 'string', description: 'The length of time to wait before ending watch, zero means never (status).', defaultText: '0s' },
    { name: 'revision', kind: 'int', description: 'Pin to a specific revision (status), or see the details of one (history).', defaultText: '0' },
    { name: 'to-revision', kind: 'int', description: 'The revision to rollback to. Default to 0 (last revision) (undo).', defaultText: '0' },
    { name: 'selector', short: 'l', kind: 'string', description: 'Selector (label query) to filter on.', defaultText: "''" },
    { name: 'filename', short: 'f', kind: 'strings', description: 'Filename, directory, or URL to files identifying the resource to get from a server.', defaultText: '[]' },
    { name: 'recursive', short: 'R', kind: 'bool', description: 'Process the directory used in -f, --filename recursively.', defaultText: 'false' },
    DRY_RUN_FLAG,
    WRITE_OUTPUT_FLAG,
  ],
  run,
};
