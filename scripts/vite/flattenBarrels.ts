import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Rewrites imports of a layer's index.ts into imports of the modules that define each name.
 *
 * Source code keeps importing a layer through its one public index.ts (lint enforces it). But a
 * barrel that the first-prompt code imports links every module it re-exports into the entry's
 * static graph, so the bundler puts code only lazy chunks use (the cluster machinery, kubeadm)
 * on the path to the first prompt — rolldown/rolldown#8920. Resolving each name to its defining
 * module at build time gives the chunking a barrel-free graph, as Next.js' optimizePackageImports
 * does for packages. Names the barrel defines itself, and `import type`, are left alone.
 */
export function flattenBarrels(options: { root: string; barrels: readonly string[] }): Plugin {
  const barrels = new Set(options.barrels.map((b) => path.resolve(options.root, b)));
  const cache = new Map<string, Map<string, Origin>>();

  const reExportsOf = (file: string): Map<string, Origin> => {
    const known = cache.get(file);
    if (known) return known;
    const map = new Map<string, Origin>();
    cache.set(file, map);
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(/export\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g)) {
      const target = resolveModule(path.dirname(file), m[2]!);
      if (!target) continue;
      for (const spec of splitSpecifiers(m[1]!)) {
        if (spec.type) continue;
        map.set(spec.exported, resolveName(target, spec.local));
      }
    }
    return map;
  };

  /** Follows nested barrels to the module that defines `name`. */
  const resolveName = (file: string, name: string): Origin => {
    const next = reExportsOf(file).get(name);
    return next ?? { file, name };
  };

  return {
    name: 'kubeplay-flatten-barrels',
    enforce: 'pre',
    apply: 'build',
    buildStart() {
      cache.clear();
    },
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!/\.(ts|tsx)$/.test(file) || !file.startsWith(path.resolve(options.root, 'src'))) return null;
      let changed = false;
      const out = code.replace(/import\s*\{([^}]*)\}\s*from\s*(['"])([^'"]+)\2;?/g, (whole, specs: string, _q: string, spec: string) => {
        if (!spec.startsWith('.')) return whole;
        const target = resolveModule(path.dirname(file), spec);
        if (!target || !barrels.has(target) || target === file) return whole;
        const bySource = new Map<string, string[]>();
        const keep: string[] = [];
        for (const s of splitSpecifiers(specs)) {
          if (s.type) continue;
          const origin = reExportsOf(target).get(s.exported);
          if (!origin) {
            keep.push(s.exported === s.local ? s.exported : `${s.exported} as ${s.local}`);
            continue;
          }
          const list = bySource.get(origin.file) ?? [];
          list.push(origin.name === s.local ? origin.name : `${origin.name} as ${s.local}`);
          bySource.set(origin.file, list);
        }
        changed = true;
        const lines = [...bySource].map(([source, names]) => `import { ${names.join(', ')} } from '${relativeSpecifier(file, source)}';`);
        if (keep.length > 0) lines.push(`import { ${keep.join(', ')} } from '${spec}';`);
        return lines.join(' ');
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}

interface Origin {
  readonly file: string;
  readonly name: string;
}

interface Specifier {
  /** The name as the barrel exports it. */
  readonly exported: string;
  /** The name in the importing module. */
  readonly local: string;
  readonly type: boolean;
}

function splitSpecifiers(list: string): Specifier[] {
  return list.split(',').map((s) => s.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '').trim()).filter(Boolean).map((s) => {
    const type = s.startsWith('type ');
    const [exported, local] = s.replace(/^type\s+/, '').split(/\s+as\s+/) as [string, string | undefined];
    return { exported: exported.trim(), local: (local ?? exported).trim(), type };
  });
}

function resolveModule(dir: string, spec: string): string | undefined {
  const base = path.resolve(dir, spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function relativeSpecifier(from: string, to: string): string {
  const rel = path.relative(path.dirname(from), to).replace(/\\/g, '/').replace(/\.tsx?$/, '');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
