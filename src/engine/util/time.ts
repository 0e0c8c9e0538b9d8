/** Virtual time as the API prints it. */

/** RFC 3339 with second precision, as metadata.creationTimestamp: "2026-11-27T23:43:57Z". */
export function rfc3339(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 with microseconds, as MicroTime fields (events, leases): "2026-11-27T23:43:57.123000Z". */
export function rfc3339Micro(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 23)}000Z`;
}

export function parseTime(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
