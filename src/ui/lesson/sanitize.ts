/**
 * Lesson HTML goes through DOMPurify before it reaches the page: teachers' lessons are untrusted,
 * and ours get the same treatment so there is one path. Links open in a new tab without access
 * to this page (noopener), and only http(s)/mailto links survive.
 */
import DOMPurify from 'dompurify';

let hooked = false;

export function sanitizeLessonHtml(html: string): string {
  if (!hooked) {
    hooked = true;
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      // A code block that scrolls sideways must be reachable by keyboard to be scrolled (axe:
      // scrollable-region-focusable); focusable in the tab order, it scrolls with the arrow keys.
      if (node.tagName === 'PRE') node.setAttribute('tabindex', '0');
      if (node.tagName === 'A') {
        const href = node.getAttribute('href') ?? '';
        if (!/^(https?:|mailto:|#)/i.test(href)) node.removeAttribute('href');
        else if (!href.startsWith('#')) {
          node.setAttribute('target', '_blank');
          node.setAttribute('rel', 'noopener noreferrer');
        }
      }
    });
  }
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'img'],
    FORBID_ATTR: ['style'],
  });
}
