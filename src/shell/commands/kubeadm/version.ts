/** `kubeadm version [-o short|json|yaml]`. */
import { GO_VERSION, KUBEADM_BUILD_DATE, KUBERNETES_GIT_COMMIT, KUBERNETES_VERSION } from '../../../engine';
import type { CommandContext } from '../../types';
import { flagValue, type KubeadmFlag, type ParsedFlags } from './flags';
import { fail } from './output';

export const VERSION_FLAGS: readonly KubeadmFlag[] = [
  { name: '--output', short: '-o', takesValue: true, values: ['short', 'json', 'yaml'], description: 'Output format; available options are \'yaml\', \'json\' and \'short\'' },
];

export function runVersion(ctx: CommandContext, flags: ParsedFlags): number {
  const [major, minor] = KUBERNETES_VERSION.slice(1).split('.');
  const info: ReadonlyArray<readonly [string, string]> = [
    ['major', major!], ['minor', minor!], ['gitVersion', KUBERNETES_VERSION], ['gitCommit', KUBERNETES_GIT_COMMIT], ['gitTreeState', 'clean'],
    ['buildDate', KUBEADM_BUILD_DATE], ['goVersion', GO_VERSION], ['compiler', 'gc'], ['platform', 'linux/amd64'],
  ];
  const output = flagValue(flags, '--output') ?? '';
  switch (output) {
    case '':
      ctx.stdout.write(`kubeadm version: &version.Info{${info.map(([k, v]) => `${k[0]!.toUpperCase()}${k.slice(1)}:"${v}"`).join(', ')}}\n`);
      return 0;
    case 'short':
      ctx.stdout.write(`${KUBERNETES_VERSION}\n`);
      return 0;
    case 'json':
      ctx.stdout.write(`{\n  "clientVersion": {\n${info.map(([k, v]) => `    "${k}": "${v}"`).join(',\n')}\n  }\n}\n`);
      return 0;
    case 'yaml': {
      const sorted = [...info].sort(([a], [b]) => (a < b ? -1 : 1));
      const quote = (v: string) => (/^[\d.]+$|:/.test(v) && !v.includes('/') ? `"${v}"` : v);
      ctx.stdout.write(`clientVersion:\n${sorted.map(([k, v]) => `  ${k}: ${quote(v)}`).join('\n')}\n\n`);
      return 0;
    }
    default:
      return fail(ctx, `invalid output format: ${output}`);
  }
}
