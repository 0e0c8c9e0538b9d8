/**
 * git's progress lines, as a terminal shows them: "Title:  45% (n/total)" redrawn in place with a
 * carriage return, ", done." and a newline at the end. Lines relayed from the server start with
 * "remote: " and end with an erase-to-end-of-line before their CR or LF, as git's sideband does on
 * a terminal.
 */

const ERASE_LINE = '\x1b[K';

/** Bytes in git's units: "987 bytes", "12.50 KiB", "28.61 MiB", two decimals, rounded as git rounds. */
export function humanBytes(bytes: number): string {
  const units: readonly [number, string][] = [[2 ** 30, 'GiB'], [2 ** 20, 'MiB'], [2 ** 10, 'KiB']];
  for (const [size, unit] of units) {
    if (bytes > size) {
      // git adds half of the last shown digit before truncating.
      const x = bytes + size / 200;
      return `${Math.floor(x / size)}.${String(Math.floor(((x % size) * 100) / size)).padStart(2, '0')} ${unit}`;
    }
  }
  return `${Math.floor(bytes)} bytes`;
}

export interface Throughput {
  readonly bytes: number;
  /** Bytes per second; 0 before git had a full interval to measure (small transfers). */
  readonly rate: number;
}

/** "Receiving objects:  45% (11177/24837), 12.34 MiB | 11.20 MiB/s" */
export function counterText(title: string, done: number, total: number, throughput?: Throughput): string {
  const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
  const tp = throughput ? `, ${humanBytes(throughput.bytes)} | ${humanBytes(throughput.rate)}/s` : '';
  return `${title}: ${String(percent).padStart(3)}% (${done}/${total})${tp}`;
}

/** A local progress update: redrawn in place; trailing spaces wipe what a longer line left. */
export function localLine(text: string, final: boolean): string {
  return final ? `${text}, done.\n` : `${text}   \r`;
}

/** A line the server sent over the sideband. */
export function remoteLine(text: string, final: boolean): string {
  return final ? `remote: ${text}${ERASE_LINE}\n` : `remote: ${text}${ERASE_LINE}\r`;
}
