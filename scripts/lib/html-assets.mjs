// Reads what a built index.html loads before anything runs: its scripts (module or classic, by
// URL or inline), its <link rel="modulepreload"> hints and its stylesheets. Vite writes this file
// itself, so a small attribute parser is enough; HTML comments are removed first so that a
// commented-out tag does not count.

/**
 * @param {string} source the attributes part of a start tag
 * @returns {Map<string, string>} lower-cased names; a bare attribute has the value ''
 */
export function parseAttributes(source) {
  /** @type {Map<string, string>} */
  const attributes = new Map();
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const match of source.matchAll(pattern)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/**
 * @param {string} html
 * @returns {{ scripts: string[], inlineScripts: string[], modulePreloads: string[], stylesheets: string[] }}
 *   URLs as written in the page (relative to it), in document order
 */
export function entryAssets(html) {
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  /** @type {string[]} */ const scripts = [];
  /** @type {string[]} */ const inlineScripts = [];
  /** @type {string[]} */ const modulePreloads = [];
  /** @type {string[]} */ const stylesheets = [];

  for (const match of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = parseAttributes(match[1] ?? '');
    // A nomodule script only runs in browsers without ES modules, never in the ones we support;
    // JSON and other data blocks are not code.
    const type = (attributes.get('type') ?? '').toLowerCase();
    if (attributes.has('nomodule')) continue;
    if (type !== '' && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue;
    const src = attributes.get('src');
    if (src !== undefined && src !== '') scripts.push(src);
    else if ((match[2] ?? '').trim() !== '') inlineScripts.push(match[2] ?? '');
  }

  for (const match of text.matchAll(/<link\b([^>]*)>/gi)) {
    const attributes = parseAttributes(match[1] ?? '');
    const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    const href = attributes.get('href');
    if (href === undefined || href === '') continue;
    if (rel.includes('modulepreload')) modulePreloads.push(href);
    else if (rel.includes('stylesheet')) stylesheets.push(href);
  }
  return { scripts, inlineScripts, modulePreloads, stylesheets };
}
