/**
 * The addresses on the world's Internet that answer: GitHub (the repositories learners clone, and
 * Weave's release manifest) and cloud.weave.works. Registered by whoever first fetches, so they
 * answer from the first command, not only after `git clone` or `kubeadm init` ran; idempotent.
 */
import type { Internet } from './internet';
import { registerWeaveSites } from './cluster/addons/weaveSites';
import { registerSourceSites } from './sources/sites';

export function registerPublicSites(internet: Internet): void {
  registerSourceSites(internet);
  registerWeaveSites(internet);
}
