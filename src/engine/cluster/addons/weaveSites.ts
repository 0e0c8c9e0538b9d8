/**
 * Where learners fetch Weave Net from: the PWK banner's cloud.weave.works one-liner (any query; the
 * real service shut down with Weaveworks, our world keeps it alive for the lesson) and the static
 * manifest of the v2.8.1 GitHub release. Both answer the same manifest.
 */
import type { Internet } from '../../internet';
import { weaveManifestYaml } from './weaveManifest';

export const WEAVE_CLOUD_URL = 'https://cloud.weave.works/k8s/net';
export const WEAVE_RELEASE_URL = 'https://github.com/weaveworks/weave/releases/download/v2.8.1/weave-daemonset-k8s.yaml';

const registered = new WeakSet<Internet>();

export function registerWeaveSites(internet: Internet): void {
  if (registered.has(internet)) return;
  registered.add(internet);
  let manifest: string | undefined;
  const answer = () => ({ contentType: 'application/x-yaml', body: (manifest ??= weaveManifestYaml()) });
  internet.serve('cloud.weave.works', (url) => (url.pathname === '/k8s/net' || url.pathname === '/k8s/net/' ? answer() : undefined));
  internet.serve('github.com', (url) => (url.pathname === '/weaveworks/weave/releases/download/v2.8.1/weave-daemonset-k8s.yaml' ? answer() : undefined));
}
