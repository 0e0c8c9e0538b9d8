export function parseAttributes(source: string): Map<string, string>;
export function entryAssets(html: string): {
  scripts: string[];
  inlineScripts: string[];
  modulePreloads: string[];
  stylesheets: string[];
};
