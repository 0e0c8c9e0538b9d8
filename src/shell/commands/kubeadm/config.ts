/** `kubeadm config images list|pull`: the control-plane images of v1.27.2, and pulling them onto this host. */
import { CONTROL_PLANE_IMAGES, pullControlPlaneImages } from '../../../engine';
import { sleep, type CommandContext, type Program } from '../../types';
import type { KubeadmFlag, ParsedFlags } from './flags';

export const CONFIG_IMAGES_FLAGS: readonly KubeadmFlag[] = [
  { name: '--config', takesValue: true, description: 'Path to a kubeadm configuration file.' },
  { name: '--cri-socket', takesValue: true, description: 'Path to the CRI socket to connect.' },
  { name: '--image-repository', takesValue: true, description: 'Choose a container registry to pull control plane images from' },
  { name: '--kubernetes-version', takesValue: true, description: 'Choose a specific Kubernetes version for the control plane.' },
  { name: '--output', short: '-o', takesValue: true, description: 'Output format. One of: text|json|yaml' },
];

export function* runConfigImages(ctx: CommandContext, sub: string, _flags: ParsedFlags): Program {
  if (sub === 'list') {
    ctx.stdout.write(CONTROL_PLANE_IMAGES.map((i) => `${i}\n`).join(''));
    return 0;
  }
  const pulls = pullControlPlaneImages(ctx.world, ctx.host);
  let elapsed = 0;
  for (const pull of pulls) {
    if (pull.readyInMs > elapsed) {
      yield sleep(pull.readyInMs - elapsed);
      elapsed = pull.readyInMs;
    }
    ctx.stdout.write(`[config/images] Pulled ${pull.image}\n`);
  }
  return 0;
}
