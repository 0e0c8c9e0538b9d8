/**
 * How a completed word is written back into the line, as bash does it: inside an open quote the
 * text stays quoted (and the quote is closed once the word is complete); outside quotes the
 * characters the shell would interpret are escaped with a backslash ("my\ file"). A leading "~"
 * stays unescaped so tilde expansion still works.
 */
import type { Quote } from './context';

const SPECIAL_UNQUOTED = /[ \t\n"'\\|&;()<>$`!*?[\]{}]/g;
const SPECIAL_IN_DOUBLE = /["\\$`]/g;

/** Quotes `value` for insertion; `close` ends an open quote (the word is complete). */
export function quoteWord(value: string, quote: Quote, close: boolean): string {
  switch (quote) {
    case "'":
      return `'${value}${close ? "'" : ''}`;
    case '"':
      return `"${value.replace(SPECIAL_IN_DOUBLE, '\\$&')}${close ? '"' : ''}`;
    case '': {
      const tilde = value.startsWith('~') ? '~' : '';
      const rest = value.slice(tilde.length).replace(SPECIAL_UNQUOTED, '\\$&');
      const hash = tilde === '' && rest.startsWith('#') ? '\\' : '';
      return tilde + hash + rest;
    }
  }
}
