/**
 * The version facts of the kubectl and API server this playground runs (Kubernetes v1.27.2, as on
 * Play with Kubernetes since 2023): version.Info fields in their Go struct order.
 */
export interface VersionInfo {
  readonly major: string;
  readonly minor: string;
  readonly gitVersion: string;
  readonly gitCommit: string;
  readonly gitTreeState: string;
  readonly buildDate: string;
  readonly goVersion: string;
  readonly compiler: string;
  readonly platform: string;
}

/** Field order matters: `kubectl version -o json` prints the struct's order. */
function info(buildDate: string): VersionInfo {
  return {
    major: '1', minor: '27', gitVersion: 'v1.27.2', gitCommit: '7f6f68fdabc4df88cfea2dcf9a19b2b830f1e647', gitTreeState: 'clean',
    buildDate, goVersion: 'go1.20.4', compiler: 'gc', platform: 'linux/amd64',
  };
}

export const CLIENT_VERSION: VersionInfo = info('2023-05-17T14:20:07Z');
export const SERVER_VERSION: VersionInfo = info('2023-05-17T14:13:28Z');
export const KUSTOMIZE_VERSION = 'v5.0.1';

/** Go's %#v-like rendering kubectl 1.27 prints: version.Info{Major:"1", ...}. */
export function goVersionInfo(v: VersionInfo): string {
  return `version.Info{Major:"${v.major}", Minor:"${v.minor}", GitVersion:"${v.gitVersion}", GitCommit:"${v.gitCommit}", ` +
    `GitTreeState:"${v.gitTreeState}", BuildDate:"${v.buildDate}", GoVersion:"${v.goVersion}", Compiler:"${v.compiler}", Platform:"${v.platform}"}`;
}
