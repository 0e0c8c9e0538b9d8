import type { Plugin } from 'vite';

/**
 * Adds the Content-Security-Policy meta tag to the production build only: the dev server needs an
 * inline script for React Fast Refresh. xterm.js inserts <style> elements at runtime, hence
 * style-src 'unsafe-inline'. frame-ancestors cannot be set from a meta tag (browsers ignore it
 * there); hosts that want to restrict framing set it as a response header (docs/embedding.md).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' https:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'kubeplay-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
    },
  };
}
