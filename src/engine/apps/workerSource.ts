/**
 * What the worker learns from its own worker.py, when the runtime shows it the file: the sleep in
 * work_once (edit it and rebuild, and the speed really changes) and where each statement is, so a
 * traceback quotes the lines `cat worker/worker.py` shows. Without the file (a pulled image), the
 * workshop's defaults.
 */
export interface Frame {
  readonly line: number;
  readonly fn: string;
  readonly text: string;
}

/** The statements a traceback can point at. */
export type Statement = 'incrby' | 'get-rng' | 'post-hasher' | 'hset';

const PATTERNS: Readonly<Record<Statement, RegExp>> = {
  incrby: /\.incrby\(/,
  'get-rng': /requests\.get\(|\.get\(\s*["']http:\/\/rng/,
  'post-hasher': /requests\.post\(|\.post\(\s*["']http:\/\/hasher/,
  hset: /\.hset\(/,
};

/** The frames when there is no source to read: the layout of our dockercoins/worker/worker.py. */
const MAIN: Frame = { line: 64, fn: '<module>', text: 'work_loop()' };
const LOOP: Frame = { line: 57, fn: 'work_loop', text: 'work_once()' };
const DEFAULT_FRAMES: Readonly<Record<Statement, readonly Frame[]>> = {
  incrby: [MAIN, { line: 54, fn: 'work_loop', text: 'redis.incrby("hashes", loops_done)' }],
  'get-rng': [MAIN, LOOP, { line: 36, fn: 'work_once', text: 'random_bytes = get_random_bytes()' }, { line: 24, fn: 'get_random_bytes', text: 'return requests.get("http://rng/32").content' }],
  'post-hasher': [MAIN, LOOP, { line: 37, fn: 'work_once', text: 'hex_hash = hash_bytes(random_bytes)' }, { line: 28, fn: 'hash_bytes', text: 'reply = requests.post("http://hasher/", data=data,' }],
  hset: [MAIN, LOOP, { line: 42, fn: 'work_once', text: 'created = redis.hset("wallet", hex_hash, random_bytes)' }],
};

export const DEFAULT_SLEEP_MS = 100;

export interface WorkerSource {
  /** The sleep at the top of each unit of work, in ms. */
  readonly sleepMs: number;
  /** Whether the retry loop's `except:` is bare (it then also catches KeyboardInterrupt). */
  readonly bareExcept: boolean;
  frames(statement: Statement): readonly Frame[];
}

export function defaultWorkerSource(): WorkerSource {
  return { sleepMs: DEFAULT_SLEEP_MS, bareExcept: false, frames: (s) => DEFAULT_FRAMES[s] };
}

function enclosingDef(lines: readonly string[], index: number): string {
  for (let i = index; i >= 0; i--) {
    const m = /^def\s+(\w+)\s*\(/.exec(lines[i]!);
    if (m) return m[1]!;
    // Back at module level (a non-indented statement above us): not inside a function.
    if (i < index && /^\S/.test(lines[i]!) && !lines[i]!.startsWith('#') && !lines[i]!.startsWith('@')) return '<module>';
  }
  return '<module>';
}

export function parseWorkerSource(text: string): WorkerSource {
  const lines = text.split('\n');
  const at = (i: number, fn: string): Frame => ({ line: i + 1, fn, text: lines[i]!.trim() });
  const chain = (first: number): Frame[] => {
    const frames: Frame[] = [];
    let index = first;
    for (let depth = 0; depth < 6 && index >= 0; depth++) {
      const fn = enclosingDef(lines, index);
      frames.unshift(at(index, fn));
      if (fn === '<module>') break;
      const call = new RegExp(`(^|[^\\w.])${fn}\\s*\\(`);
      // The caller: a line that calls fn and is not its definition; the module-level one last.
      const callers = lines.map((l, i) => (call.test(l) && !/^\s*def\s/.test(l) ? i : -1)).filter((i) => i >= 0);
      index = callers.find((i) => enclosingDef(lines, i) !== '<module>') ?? callers[callers.length - 1] ?? -1;
      if (index >= 0 && enclosingDef(lines, index) === fn) index = -1;
    }
    return frames;
  };
  const found = new Map<Statement, readonly Frame[]>();
  for (const [statement, re] of Object.entries(PATTERNS) as [Statement, RegExp][]) {
    const i = lines.findIndex((l) => re.test(l) && !/^\s*#/.test(l));
    if (i >= 0) found.set(statement, chain(i));
  }
  // The sleep of a unit of work: the first sleep inside work_once, else the first short one anywhere.
  const sleeps = lines
    .map((l, i) => ({ i, m: /\bsleep\(\s*([0-9]*\.?[0-9]+)\s*\)/.exec(l) }))
    .filter((x) => x.m !== null && !/^\s*#/.test(lines[x.i]!))
    .map((x) => ({ fn: enclosingDef(lines, x.i), seconds: Number(x.m![1]) }));
  const unit = sleeps.find((s) => s.fn === 'work_once') ?? sleeps.find((s) => s.seconds < 10);
  const sleepMs = unit && Number.isFinite(unit.seconds) ? Math.round(unit.seconds * 1000) : DEFAULT_SLEEP_MS;
  return {
    sleepMs,
    bareExcept: !lines.some((l) => /^\s*except\s+\w/.test(l)),
    frames: (s) => found.get(s) ?? DEFAULT_FRAMES[s],
  };
}
