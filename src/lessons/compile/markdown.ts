/**
 * Markdown to HTML for lesson text, with marked. What the page receives is safe by construction:
 * raw HTML in a lesson is shown as text (no <script>, no inline handlers survive), links and
 * images keep only http(s), mailto and relative URLs, and links open in a new tab with
 * rel="noopener noreferrer" so the playground keeps its state. (The UI also runs DOMPurify on
 * teachers' lessons: defence in depth.)
 */
import { Marked, Renderer, type Token, type Tokens } from 'marked';

/** What a fenced code token becomes in the page. */
export type CodeAction = { readonly kind: 'block'; readonly index: number } | { readonly kind: 'hidden' };

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** http(s), mailto, in-page anchors and relative paths; nothing that runs code. */
export function safeUrl(href: string): string | undefined {
  const url = href.trim();
  const scheme = url.match(/^([a-zA-Z][a-zA-Z0-9+.-]*):/);
  if (scheme) return ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase()) ? url : undefined;
  // Control characters can hide a scheme from the test above ("java\nscript:").
  if ([...url].some((ch) => ch.charCodeAt(0) < 0x20)) return undefined;
  return url;
}

export interface LessonMarkdown {
  readonly marked: Marked;
  /** Decides how each fenced code token renders; set by the compiler before parsing. */
  readonly codeActions: WeakMap<Token, CodeAction>;
}

export function createLessonMarkdown(): LessonMarkdown {
  const codeActions = new WeakMap<Token, CodeAction>();
  const marked = new Marked({ gfm: true, async: false });
  const base = new Renderer();
  marked.use({
    renderer: {
      code(token: Tokens.Code) {
        const action = codeActions.get(token);
        if (action?.kind === 'hidden') return '';
        if (action?.kind === 'block') return `<div data-kp-block="${action.index}"></div>\n`;
        return base.code.call(this, token);
      },
      html(token: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(token.text);
      },
      link(token: Tokens.Link) {
        const inner = this.parser.parseInline(token.tokens);
        const href = safeUrl(token.href);
        if (href === undefined) return inner;
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        const external = href.startsWith('#') ? '' : ' target="_blank" rel="noopener noreferrer"';
        return `<a href="${escapeHtml(href)}"${title}${external}>${inner}</a>`;
      },
      image(token: Tokens.Image) {
        const src = safeUrl(token.href);
        if (src === undefined || src.startsWith('mailto:')) return escapeHtml(token.text);
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        return `<img src="${escapeHtml(src)}" alt="${escapeHtml(token.text)}"${title} loading="lazy">`;
      },
    },
  });
  return { marked, codeActions };
}

/** The plain text of inline tokens: a step title for lists and aria labels. */
export function plainText(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    const children = (token as { tokens?: Token[] }).tokens;
    if (children && children.length > 0) out += plainText(children);
    else if (token.type === 'br') out += ' ';
    else if ('text' in token && typeof token.text === 'string') out += unescapeEntities(token.text);
  }
  return out.replace(/\s+/g, ' ').trim();
}

function unescapeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
