/**
 * `hash-rate: { host: node1, atLeast: 9 }`: DockerCoins on that host mines at least `atLeast`
 * hashes per second, measured as the web UI would: from how fast the `hashes` counter of the
 * Redis running there grew over the last `window` seconds (10 by default: long enough to smooth
 * the worker's lumps of 4 every 1.2 s). The rate comes out of the model, never from a constant.
 */
import { hashStats } from '../../engine';
import type { Lang } from '../model';
import { ArgReader } from './args';
import { definePredicate, type ArgDoc } from './types';

interface Args {
  readonly host: string;
  readonly atLeast: number;
  readonly windowSeconds: number;
}

const ARGS: readonly ArgDoc[] = [
  { name: 'host', required: true, description: 'the node whose Redis holds the counter, e.g. host: node1' },
  { name: 'atLeast', required: true, description: 'hashes per second, e.g. atLeast: 9 (fractions allowed)' },
  { name: 'window', required: false, description: 'seconds the rate is measured over, default 10 (at most 119)' },
];

export const hashRate = definePredicate<Args>({
  name: 'hash-rate',
  summary: "DockerCoins on a host mines at least `atLeast` hashes/second (the growth of Redis' `hashes` counter)",
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('hash-rate', raw, ARGS, ctx);
    const host = r.host('host');
    const atLeast = r.amount('atLeast', 0.1);
    const windowSeconds = r.count('window', 1, 10);
    if (windowSeconds !== undefined && windowSeconds > 119) {
      return { ok: false, errors: ['"window" of hash-rate must be at most 119 seconds (Redis keeps two minutes of the counter)'] };
    }
    return r.finish(() => ({ host: host!, atLeast: atLeast!, windowSeconds: windowSeconds! }));
  },
  describe({ host, atLeast }, lang: Lang) {
    return lang === 'es' ? `DockerCoins mina al menos ${atLeast} hashes/segundo en ${host}` : `DockerCoins mines at least ${atLeast} hashes/second on ${host}`;
  },
  evaluate(world, { host, atLeast, windowSeconds }) {
    const rate = hashStats(world, { node: host, windowMs: windowSeconds * 1000 }).reduce((sum, s) => sum + s.hashesPerSecond, 0);
    return rate >= atLeast;
  },
});
