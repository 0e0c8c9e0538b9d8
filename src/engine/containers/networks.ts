/**
 * Docker's networks on one host: the predefined bridge (docker0, 172.17.0.0/16), host and none, and
 * user-defined bridges (compose's `<project>_default`) carved from 172.18.0.0/16 upward, as the
 * daemon's default address pools do. Each bridge hands out addresses from .2 (the gateway is .1);
 * an address is held while its container runs and handed back when it stops.
 */
import type { NetworkInfo } from './types';

export class DockerNetwork implements NetworkInfo {
  readonly scope = 'local' as const;
  private readonly used = new Set<number>();

  constructor(
    readonly id: string,
    readonly name: string,
    readonly driver: string,
    /** The /16's first two octets ("172.18"), or "" for host and none. */
    private readonly prefix: string,
    readonly created: number,
    readonly labels: Readonly<Record<string, string>>,
    readonly builtin: boolean,
  ) {}

  get subnet(): string {
    return this.prefix ? `${this.prefix}.0.0/16` : '';
  }

  get gateway(): string {
    return this.prefix ? `${this.prefix}.0.1` : '';
  }

  /** Only user-defined networks have docker's embedded DNS (the default bridge has none). */
  get hasDns(): boolean {
    return this.driver === 'bridge' && !this.builtin;
  }

  /** The lowest free address, or undefined when the network has none to give (host, none, full). */
  allocate(): string | undefined {
    if (!this.prefix) return undefined;
    for (let n = 2; n < 65_535; n++) {
      if (this.used.has(n)) continue;
      this.used.add(n);
      return `${this.prefix}.${n >> 8}.${n & 255}`;
    }
    return undefined;
  }

  release(ip: string): void {
    if (!ip.startsWith(`${this.prefix}.`)) return;
    const [, , c, d] = ip.split('.').map(Number);
    this.used.delete((c! << 8) + d!);
  }
}

/** The /16 prefixes docker's default pool gives user-defined bridges, in order. */
export function nextPrefix(taken: ReadonlySet<string>): string | undefined {
  for (let b = 18; b <= 31; b++) if (!taken.has(`172.${b}`)) return `172.${b}`;
  return undefined;
}

/** The MAC docker derives from an address: 02:42 then the four octets. */
export function macFor(ip: string): string {
  if (!ip) return '';
  return ['02', '42', ...ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0'))].join(':');
}
