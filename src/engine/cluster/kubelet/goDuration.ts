/**
 * Go's time.Duration.String(), which the kubelet prints in its Pulled events
 * ("Successfully pulled image ... in 2.345678901s (2.4s including waiting)").
 */
export function formatGoDuration(nanos: number): string {
  const ns = Math.max(0, Math.round(nanos));
  if (ns === 0) return '0s';
  if (ns < 1_000) return `${ns}ns`;
  if (ns < 1_000_000) return `${trim((ns / 1_000).toFixed(3))}µs`;
  if (ns < 1_000_000_000) return `${trim((ns / 1_000_000).toFixed(6))}ms`;
  let rest = ns;
  const hours = Math.floor(rest / 3_600_000_000_000);
  rest -= hours * 3_600_000_000_000;
  const minutes = Math.floor(rest / 60_000_000_000);
  rest -= minutes * 60_000_000_000;
  const seconds = `${trim((rest / 1_000_000_000).toFixed(9))}s`;
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${minutes}m${seconds}`;
  return seconds;
}

function trim(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}
