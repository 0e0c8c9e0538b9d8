/**
 * Container images as containerd on a host knows them: what each image weighs (so pulls take
 * believable time), its digest, which images a host already holds, and a pull queue per host
 * (the kubelet pulls one image at a time by default: serializeImagePulls).
 *
 * The store lives beside the host, not in the kubelet: `kubeadm reset` stops the kubelet but the
 * images stay in containerd, so a second `kubeadm init` finds them "already present on machine".
 */
import type { Host } from '../../host/host';
import { Random } from '../../random';
import { registryAnswer, type RegistryAnswer } from '../../containers/publicRegistries';

export interface ImageRecord {
  /** Fully qualified reference: "registry.k8s.io/etcd:3.5.7-0", "docker.io/library/redis:latest". */
  readonly ref: string;
  readonly sizeBytes: number;
  /** "sha256:<64 hex>", the same for the same reference in every world (a registry's content digest). */
  readonly digest: string;
}

/** Compressed sizes of the images the lessons use, close to what their registries report. */
const SIZES: ReadonlyArray<readonly [RegExp, number]> = [
  [/\/kube-apiserver:/, 33_400_000],
  [/\/kube-controller-manager:/, 31_000_000],
  [/\/kube-scheduler:/, 18_200_000],
  [/\/kube-proxy:/, 23_900_000],
  [/\/pause:/, 320_000],
  [/\/etcd:/, 101_600_000],
  [/\/coredns:/, 16_200_000],
  [/weaveworks\/weave-kube:/, 30_900_000],
  [/weaveworks\/weave-npc:/, 12_400_000],
  [/library\/redis:/, 40_100_000],
  [/library\/alpine:/, 3_400_000],
  [/library\/busybox:/, 2_200_000],
  [/library\/nginx:/, 67_300_000],
  [/dockercoins\//, 48_000_000],
];
const DEFAULT_SIZE = 30_000_000;

/**
 * Normalizes a reference the way containerd's CRI plugin does: Docker Hub images get `docker.io/`
 * (and `library/` for official ones) and a missing tag means `latest`.
 */
export function normalizeImageRef(image: string): string {
  const ref = image.trim();
  const slash = ref.indexOf('/');
  const first = slash < 0 ? '' : ref.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  let full = hasRegistry ? ref : slash < 0 ? `docker.io/library/${ref}` : `docker.io/${ref}`;
  if (full.includes('@')) return full;
  if (!full.slice(full.lastIndexOf('/') + 1).includes(':')) full += ':latest';
  return full;
}

/**
 * What the image's registry answers (publicRegistries.ts, the same catalogue `docker pull` uses):
 * found, no such repository (a typo: `ngnix`), or no such tag (`nginx:1.99`, the workshop's
 * deliberately missing `dockercoins/worker:v0.3`).
 */
export function pullAnswer(image: string): RegistryAnswer {
  return registryAnswer(normalizeImageRef(image));
}

export function imageRecord(image: string): ImageRecord {
  const ref = normalizeImageRef(image);
  const size = SIZES.find(([re]) => re.test(ref))?.[1] ?? DEFAULT_SIZE;
  return { ref, sizeBytes: size, digest: `sha256:${Random.fromSeed(`image-digest:${ref}`).hex(64)}` };
}

/** The repository part of a reference, for `imageID`: "registry.k8s.io/etcd@sha256:...". */
export function imageId(record: ImageRecord): string {
  const colon = record.ref.lastIndexOf(':');
  const slash = record.ref.lastIndexOf('/');
  const repo = colon > slash ? record.ref.slice(0, colon) : record.ref;
  return `${repo}@${record.digest}`;
}

export class ImageStore {
  private readonly images = new Map<string, ImageRecord>();
  private readonly inFlight = new Map<string, number>();
  private busyUntil = 0;

  has(image: string): boolean {
    return this.images.has(normalizeImageRef(image));
  }

  get(image: string): ImageRecord | undefined {
    return this.images.get(normalizeImageRef(image));
  }

  /** Images held, sorted by reference (node status lists them; `crictl images` too). */
  list(): ImageRecord[] {
    return [...this.images.values()].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  }

  /**
   * Starts (or joins) a pull and returns the virtual time at which the image is on disk. Pulls are
   * serial per host, so a pull waits for the one before it; asking again for an image being
   * pulled returns the same time.
   */
  schedulePull(image: string, now: number, durationMs: number): number {
    const ref = normalizeImageRef(image);
    const pending = this.inFlight.get(ref);
    if (pending !== undefined && pending >= now) return pending;
    const start = Math.max(now, this.busyUntil);
    const done = start + durationMs;
    this.busyUntil = done;
    this.inFlight.set(ref, done);
    return done;
  }

  /** Marks a pull finished (or an image loaded by `kubeadm config images pull`). */
  add(image: string): ImageRecord {
    const record = imageRecord(image);
    this.images.set(record.ref, record);
    this.inFlight.delete(record.ref);
    return record;
  }

  remove(image: string): boolean {
    return this.images.delete(normalizeImageRef(image));
  }
}

const stores = new WeakMap<Host, ImageStore>();

/** The containerd image store of a host. */
export function imagesOf(host: Host): ImageStore {
  let store = stores.get(host);
  if (!store) {
    store = new ImageStore();
    stores.set(host, store);
  }
  return store;
}
