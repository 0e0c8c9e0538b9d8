/** The size of a build context as the CLI counts what it tars up for the daemon. */
import type { VirtualFs } from '../../../engine';

export function contextSize(fs: VirtualFs, dir: string): number {
  let total = 0;
  const walk = (path: string): void => {
    const entries = fs.readdir(path);
    if (!entries.ok) return;
    for (const name of entries.value) {
      const child = `${path === '/' ? '' : path}/${name}`;
      // A tar entry: a 512-byte header, then the content padded to 512 bytes.
      total += 512;
      if (fs.isDir(child)) walk(child);
      else {
        const r = fs.readFile(child);
        if (r.ok) total += Math.ceil(r.value.length / 512) * 512;
      }
    }
  };
  walk(dir);
  return total + 1024;
}
