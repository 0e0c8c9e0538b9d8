// Measures a Vite production build (dist/) the way a browser downloads it: every file gzipped on
// its own at level 9, and the set of JavaScript the page needs before the first prompt: the
// entry scripts in index.html plus everything they import statically, transitively (a static
// import must load before the importing module runs; a dynamic import() loads later), and the
// stylesheets index.html links.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { entryAssets } from './html-assets.mjs';
import { staticImportSpecifiers } from './esm-imports.mjs';

/** Bytes of `text` (or a file's bytes) once gzipped at level 9, as `gzip -9` would. */
export function gzipSize(/** @type {string | Uint8Array} */ content) {
  return gzipSync(content, { level: 9 }).length;
}

/**
 * Every file under `dir`, as POSIX paths relative to it, sorted so output is stable.
 * @param {string} dir
 * @returns {string[]}
 */
function listFiles(dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ relative) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/**
 * Where a URL written in `fromFile` (relative to dist) points inside dist, or why it can't be
 * measured.
 * @param {string} fromFile
 * @param {string} url
 * @returns {{ ok: true, file: string } | { ok: false, reason: string }}
 */
export function resolveAsset(fromFile, url) {
  const clean = url.replace(/[?#].*$/, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(clean) || clean.startsWith('//')) {
    return { ok: false, reason: `${url} (in ${fromFile}) is loaded from elsewhere and is not measured` };
  }
  if (!clean.startsWith('.') && !clean.startsWith('/')) {
    return { ok: false, reason: `${url} (in ${fromFile}) is a bare module name the browser cannot load` };
  }
  const joined = clean.startsWith('/')
    ? path.posix.normalize(clean.slice(1))
    : path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), clean));
  if (joined.startsWith('..')) return { ok: false, reason: `${url} (in ${fromFile}) points outside dist/` };
  return { ok: true, file: joined };
}

/**
 * @typedef {{ file: string, kind: 'js' | 'css', raw: number, gzip: number, firstPrompt: boolean }} MeasuredFile
 * @typedef {{
 *   files: MeasuredFile[],
 *   inlineScripts: { raw: number, gzip: number },
 *   totals: { firstPromptJs: number, allJs: number, firstPromptCss: number, allCss: number },
 *   problems: string[],
 * }} BundleReport
 */

/**
 * @param {string} distDir a Vite build output folder holding index.html
 * @returns {BundleReport}
 */
export function measureBundle(distDir) {
  const indexPath = path.join(distDir, 'index.html');
  if (!existsSync(indexPath)) {
    throw new Error(`${indexPath} not found: build first (npm run build).`);
  }
  const html = readFileSync(indexPath, 'utf8');
  const assets = entryAssets(html);
  /** @type {string[]} */
  const problems = [];
  /** @type {Set<string>} */
  const firstPrompt = new Set();
  /** @type {string[]} */
  const queue = [];

  const enqueue = (/** @type {string} */ fromFile, /** @type {string} */ url) => {
    const resolved = resolveAsset(fromFile, url);
    if (!resolved.ok) { problems.push(resolved.reason); return; }
    if (!existsSync(path.join(distDir, resolved.file))) {
      problems.push(`${url} (in ${fromFile}) is missing from dist/`);
      return;
    }
    if (firstPrompt.has(resolved.file)) return;
    firstPrompt.add(resolved.file);
    queue.push(resolved.file);
  };

  for (const url of [...assets.scripts, ...assets.modulePreloads]) enqueue('index.html', url);
  /** @type {Set<string>} stylesheets the page links: they block the first paint */
  const linkedCss = new Set();
  for (const url of assets.stylesheets) {
    const resolved = resolveAsset('index.html', url);
    if (resolved.ok) linkedCss.add(resolved.file);
    else problems.push(resolved.reason);
  }
  for (const code of assets.inlineScripts) {
    for (const specifier of staticImportSpecifiers(code)) enqueue('index.html', specifier);
  }
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    const code = readFileSync(path.join(distDir, file), 'utf8');
    for (const specifier of staticImportSpecifiers(code)) enqueue(file, specifier);
  }

  /** @type {MeasuredFile[]} */
  const files = [];
  for (const file of listFiles(distDir)) {
    const kind = /\.(m?js)$/.test(file) ? 'js' : file.endsWith('.css') ? 'css' : undefined;
    if (kind === undefined) continue;
    const content = readFileSync(path.join(distDir, file));
    const first = kind === 'js' ? firstPrompt.has(file) : linkedCss.has(file);
    files.push({ file, kind, raw: content.length, gzip: gzipSize(content), firstPrompt: first });
  }

  const inlineText = assets.inlineScripts.join('\n');
  const inlineScripts = { raw: Buffer.byteLength(inlineText), gzip: inlineText === '' ? 0 : gzipSize(inlineText) };
  const sum = (/** @type {(f: MeasuredFile) => boolean} */ keep) => files.filter(keep).reduce((total, f) => total + f.gzip, 0);
  return {
    files,
    inlineScripts,
    totals: {
      firstPromptJs: sum((f) => f.kind === 'js' && f.firstPrompt) + inlineScripts.gzip,
      allJs: sum((f) => f.kind === 'js') + inlineScripts.gzip,
      firstPromptCss: sum((f) => f.kind === 'css' && f.firstPrompt),
      allCss: sum((f) => f.kind === 'css'),
    },
    problems,
  };
}

/**
 * A chunk's name without Vite's content hash (`assets/index-B2xK9a_Q.js` → `index`), so figures
 * compare across builds.
 * @param {string} file
 */
export function chunkName(file) {
  const base = path.posix.basename(file).replace(/\.(m?js|css)$/, '');
  const withoutHash = base.replace(/-[A-Za-z0-9_-]{8}$/, '');
  return withoutHash === '' ? base : withoutHash;
}
