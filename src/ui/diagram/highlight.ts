/**
 * Which diagram elements a lesson step points at. Ids are exact (`node/node2`, `svc/default/web`)
 * or patterns where `*` stands for any run of characters within one `/`-separated segment
 * (`pod/kube-system/kube-proxy-*`, `kubelet/*`), the same rule the lesson compiler validates.
 */
export interface HighlightMatcher {
  readonly has: (id: string) => boolean;
  readonly empty: boolean;
}

const NONE: HighlightMatcher = { has: () => false, empty: true };

export function highlightMatcher(patterns: readonly string[] | undefined): HighlightMatcher {
  if (patterns === undefined || patterns.length === 0) return NONE;
  const exact = new Set<string>();
  const globs: RegExp[] = [];
  for (const p of patterns) {
    if (p.includes('*')) globs.push(new RegExp(`^${p.split('*').map(escape).join('[^/]*')}$`));
    else exact.add(p);
  }
  return { has: (id) => exact.has(id) || globs.some((re) => re.test(id)), empty: false };
}

function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
