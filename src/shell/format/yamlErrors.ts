/**
 * YAML syntax errors the way Go's tools print them. kubectl, kubeadm and client-go read YAML with
 * gopkg.in/yaml.v2, a port of libyaml, so a broken file reads `yaml: line 5: mapping values are not
 * allowed in this context`. Our reader (js-yaml) stops at the same mistake but names it its own way;
 * this maps its problem, and the text around it, to libyaml's message and line.
 *
 * libyaml's line quirk, kept on purpose: a scanner error names the 1-based line of the offending
 * character, a parser error the 0-based one (so the line before it), and none at all on line 0.
 */
import { lineAt, openAt, type YamlProblem } from '../../engine';

/** `yaml: line N: <libyaml's message>` for a problem in `text` (one document as Go read it). */
export function goYamlError(text: string, problem: YamlProblem): string {
  const alias = /^(unidentified|recursive) alias "(.*)"/.exec(problem.reason);
  if (alias) return alias[1] === 'unidentified' ? `yaml: unknown anchor '${alias[2]}' referenced` : `yaml: anchor '${alias[2]}' value contains itself`;
  if (problem.reason.startsWith('aliases exceeded')) return 'yaml: document contains excessive aliasing';
  const line = problem.line - 1;
  const reason = problem.reason;
  const ch = text[problem.offset];
  // libyaml reads an open quote to the end of the stream before it complains.
  const open = problem.unclosed;
  if (open?.kind === 'quote') return scannerError(lineAt(text, text.length) - 1, 'found unexpected end of stream');
  if (open?.kind === 'flow') return parserError(line, open.awaitingNode ? 'did not find expected node content' : `did not find expected ',' or '${closer(open.char)}'`);
  const indentation = /^[ \t]*/.exec(text.slice(problem.offset - problem.column))![0];
  if (reason.startsWith('tab characters') || indentation.includes('\t')) {
    return scannerError(line, indentation.startsWith('\t') ? 'found character that cannot start any token' : 'found a tab character that violates indentation');
  }
  // A key that never got its ':' goes stale at the next token, on a later line.
  if (reason.includes('multiline key') || reason.startsWith("expected ':'")) return scannerError(lineAt(text, nextToken(text, problem.offset)) - 1, "could not find expected ':'");
  if (ch === ':') {
    const flow = openAt(text, problem.offset);
    if (flow?.kind === 'flow') return parserError(line, `did not find expected ',' or '${closer(flow.char)}'`);
    return scannerError(line, 'mapping values are not allowed in this context');
  }
  if (ch === '@' || ch === '`') return scannerError(line, 'found character that cannot start any token');
  if (reason.startsWith('expected the node content')) return parserError(line, 'did not find expected node content');
  if (reason.startsWith('missed comma')) {
    const flow = openAt(text, problem.offset);
    return parserError(line, `did not find expected ',' or '${closer(flow?.char === '{' ? '{' : '[')}'`);
  }
  if (reason === 'unknown escape sequence') return scannerError(line, 'found unknown escape character');
  if (reason.startsWith('bad indentation') || reason === 'deficient indentation' || reason.startsWith('end of the stream or a document separator')) {
    return parserError(line, inBlockSequence(text, problem.offset) ? "did not find expected '-' indicator" : 'did not find expected key');
  }
  return scannerError(line, reason);
}

function scannerError(line0: number, message: string): string {
  return line0 > 0 ? `yaml: line ${line0 + 1}: ${message}` : `yaml: ${message}`;
}

function parserError(line0: number, message: string): string {
  return line0 > 0 ? `yaml: line ${line0}: ${message}` : `yaml: ${message}`;
}

function closer(open: '[' | '{'): string {
  return open === '[' ? ']' : '}';
}

/** The offset of the next character that is not blank (or the end of the text). */
function nextToken(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/**
 * Does the line at `offset` sit where a block sequence expects its next "- " item? It does when the
 * nearest earlier line at the same indentation (before any shallower one) is a list item.
 */
function inBlockSequence(text: string, offset: number): boolean {
  const lines = text.slice(0, offset).split('\n');
  const indent = (line: string) => line.length - line.trimStart().length;
  const current = indent(lines.pop() ?? '');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (indent(line) < current) return false;
    if (indent(line) === current) return trimmed === '-' || trimmed.startsWith('- ');
  }
  return false;
}
