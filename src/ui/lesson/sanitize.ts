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
