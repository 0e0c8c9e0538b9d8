/** Helpers for writing file contents as template literals that read like the files themselves. */

/**
 * A file's text, verbatim: backslashes stay as typed (String.raw), and the newline right after the
 * opening backtick is dropped so the content can start on its own line.
 */
export function file(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  return String.raw({ raw: strings.raw }, ...values).replace(/^\n/, '');
}

/** "${" inside a file(...) literal, where it would otherwise start an interpolation. */
export const DOLLAR_BRACE = '${';
