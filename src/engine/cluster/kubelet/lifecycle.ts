/**
 * The pod lifecycle as data, in the spirit of kwok's stage tables: how long each step a kubelet
 * and containerd take lasts, in a "realistic" profile (what a PWK node felt like) and a "fast" one
 * (tests, time-warped demos), and how particular images behave once started.
 *
 * A pod goes: sandbox (pause container + network namespace; waits for a CNI config unless it uses
 * the host network) → each init container (pull, create, start, run to completion) → each
 * container (pull, create, start) → ready (after its readiness probe first succeeds).
 */
export type ProfileName = 'realistic' | 'fast';

export interface LifecycleProfile {
  readonly name: ProfileName;
  /** RunPodSandbox: the pause container and, for pod-network pods, the CNI ADD. */
  readonly sandboxMs: number;
  /** Registry round trips before the first layer arrives. */
  readonly pullLatencyMs: number;
  /** Download speed, bytes per virtual millisecond. */
  readonly pullBytesPerMs: number;
  readonly createMs: number;
  readonly startMs: number;
  /** How long an init container runs when its image does not say. */
  readonly initRunMs: number;
  /** A probe-less container is ready this long after it starts (the next pod sync). */
  readonly readyMs: number;
  /** A container that handles SIGTERM stops this fast. */
  readonly stopMs: number;
  /** Back-off before the second restart (then doubling, capped), as CrashLoopBackOff does. */
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** Time between pod syncs (PLEG relist + sync), added to every restart. */
  readonly syncMs: number;
  /** Retry after a failed sandbox creation or a failed pull. */
  readonly retryMs: number;
  /**
   * The kubelet's housekeeping: re-reading the manifests directory and the CNI config directory
   * (the real ones watch them with inotify; kubeadm and Weave also poke the kubelet when they write).
   */
  readonly housekeepingMs: number;
  /** nodeStatusUpdateFrequency: how often the kubelet computes and posts node status. */
  readonly nodeStatusMs: number;
  /** Heartbeat of the node's Lease in kube-node-lease. */
  readonly leaseMs: number;
  /** From kube-apiserver's container start to its /healthz answering ok. */
  readonly apiServerWarmupMs: number;
  /** From weave's container start to the CNI config landing in /etc/cni/net.d. */
  readonly weaveCniMs: number;
}

export const PROFILES: Readonly<Record<ProfileName, LifecycleProfile>> = {
  realistic: {
    name: 'realistic',
    sandboxMs: 700,
    pullLatencyMs: 900,
    pullBytesPerMs: 12_000,
    createMs: 120,
    startMs: 260,
    initRunMs: 1_400,
    readyMs: 600,
    stopMs: 400,
    backoffBaseMs: 10_000,
    backoffMaxMs: 300_000,
    syncMs: 1_000,
    retryMs: 5_000,
    housekeepingMs: 5_000,
    nodeStatusMs: 10_000,
    leaseMs: 10_000,
    apiServerWarmupMs: 4_200,
    weaveCniMs: 2_600,
  },
  fast: {
    name: 'fast',
    sandboxMs: 70,
    pullLatencyMs: 90,
    pullBytesPerMs: 120_000,
    createMs: 12,
    startMs: 26,
    initRunMs: 140,
    readyMs: 60,
    stopMs: 40,
    backoffBaseMs: 1_000,
    backoffMaxMs: 30_000,
    syncMs: 100,
    retryMs: 500,
    housekeepingMs: 500,
    nodeStatusMs: 1_000,
    leaseMs: 10_000,
    apiServerWarmupMs: 420,
    weaveCniMs: 260,
  },
};

/** How long pulling `sizeBytes` takes under a profile. */
export function pullDurationMs(profile: LifecycleProfile, sizeBytes: number): number {
  return profile.pullLatencyMs + Math.round(sizeBytes / profile.pullBytesPerMs);
}

/** Back-off before restart number `restarts + 1`: the first restart is immediate, then 10 s, 20 s... */
export function restartDelayMs(profile: LifecycleProfile, restarts: number): number {
  if (restarts <= 0) return profile.syncMs;
  return Math.min(profile.backoffBaseMs * 2 ** (restarts - 1), profile.backoffMaxMs) + profile.syncMs;
}

/** What a container does once started, by image (and whether it was given a command). */
export interface ContainerBehaviour {
  /** Exits by itself after this long (init containers, jobs, shells with nothing to do). */
  readonly exitAfterMs?: number;
  readonly exitCode?: number;
  /** Ready this long after starting (its readiness probe first passing). */
  readonly readyAfterMs?: number;
  /** Ignores SIGTERM, so it only stops when the grace period ends and it is killed. */
  readonly ignoresSigterm?: boolean;
  /**
   * Crashes once shortly after its first start with this probability (seeded per pod), then runs
   * fine: weave-kube often does while its peers and the service network come up.
   */
  readonly firstStartCrash?: { readonly probability: number; readonly afterMs: number; readonly exitCode: number };
}

interface BehaviourRow {
  readonly image: RegExp;
  readonly behaviour: (profile: LifecycleProfile, init: boolean) => ContainerBehaviour;
}

/**
 * The cluster's own components, whose processes are stand-ins: how long they take to be ready,
 * and weave-kube's habit of crashing once. Programs the simulation models (DockerCoins, nginx,
 * command lines…) exit, ignore SIGTERM or serve by themselves (src/engine/pods).
 */
const BEHAVIOURS: readonly BehaviourRow[] = [
  {
    image: /weaveworks\/weave-kube:/,
    behaviour: (p, init) => init
      ? { exitAfterMs: p.initRunMs, exitCode: 0 }
      : { readyAfterMs: 3 * p.readyMs + p.weaveCniMs, firstStartCrash: { probability: 0.5, afterMs: Math.round(p.weaveCniMs * 0.8), exitCode: 1 } },
  },
  { image: /weaveworks\/weave-npc:/, behaviour: (p) => ({ readyAfterMs: p.readyMs }) },
  { image: /\/coredns:/, behaviour: (p) => ({ readyAfterMs: 2 * p.readyMs }) },
  { image: /\/kube-apiserver:/, behaviour: (p) => ({ readyAfterMs: p.apiServerWarmupMs }) },
];

/** An init container whose program the simulation does not model completes after `initRunMs`. */
export function behaviourOf(profile: LifecycleProfile, imageRef: string, init: boolean, modelled: boolean): ContainerBehaviour {
  for (const row of BEHAVIOURS) {
    if (row.image.test(imageRef)) return row.behaviour(profile, init);
  }
  return init && !modelled ? { exitAfterMs: profile.initRunMs, exitCode: 0 } : {};
}
