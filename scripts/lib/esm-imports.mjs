// Finds the modules a bundled chunk imports *statically*: `import ... from "x"`, `import "x"`,
// `export ... from "x"`. Those load before the chunk runs, so they belong to the same critical path;
// `import("x")` loads later and does not. A regular expression over minified code would also match
// text inside strings, comments, template literals and regular expressions, so this is a small
// tokenizer that skips those and only looks at declarations at the top level (brace depth 0),
// the only place the ES grammar allows them.

const KEYWORDS_BEFORE_EXPRESSION = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else',
  'yield', 'await',
]);

/** @param {string} ch */
function isIdentifierStart(ch) {
  return /[A-Za-z_$#]/.test(ch) || ch.charCodeAt(0) >= 0x80 || ch === '\\';
}

/** @param {string} ch */
function isIdentifierPart(ch) {
  return /[\w$]/.test(ch) || ch.charCodeAt(0) >= 0x80 || ch === '\\';
}

/**
 * A `/` starts a regular expression unless the previous token ends an expression (a name, a number,
 * a string, `)`, `]` or `}`). This is the heuristic every JS highlighter uses; it is exact for the
 * code bundlers emit.
 * @param {{ type: string, value: string } | undefined} previous
 */
function slashStartsRegex(previous) {
  if (previous === undefined) return true;
  switch (previous.type) {
    case 'name':
      return KEYWORDS_BEFORE_EXPRESSION.has(previous.value);
    case 'number':
    case 'string':
    case 'template':
    case 'regex':
      return false;
    default:
      return !(previous.value === ')' || previous.value === ']' || previous.value === '}');
  }
}

/**
 * Splits code into the tokens this module cares about. Each token records the nesting depth of
 * (), [], {} and template `${}` at which it starts.
 * @param {string} code
 * @returns {{ type: 'name' | 'number' | 'string' | 'template' | 'regex' | 'punct', value: string, depth: number }[]}
 */
export function tokenize(code) {
  /** @type {{ type: 'name' | 'number' | 'string' | 'template' | 'regex' | 'punct', value: string, depth: number }[]} */
  const tokens = [];
  /** @type {('bracket' | 'template')[]} open brackets; 'template' marks a `${` inside a template literal */
  const stack = [];
  let i = code.startsWith('#!') ? code.indexOf('\n') : 0;
  if (i < 0) return tokens;

  // Reads a template literal's text from i (just after ` or }) up to its end or the next `${`.
  const readTemplate = () => {
    while (i < code.length) {
      const ch = code[i];
      if (ch === '\\') { i += 2; continue; }
      if (ch === '`') { i += 1; return; }
      if (ch === '$' && code[i + 1] === '{') { i += 2; stack.push('template'); return; }
      i += 1;
    }
  };

  while (i < code.length) {
    const ch = code[i] ?? '';
    const next = code[i + 1];
    const depth = stack.length;
    if (/\s/.test(ch)) { i += 1; continue; }
    if (ch === '/' && next === '/') {
      const end = code.indexOf('\n', i);
      i = end < 0 ? code.length : end;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 2;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let value = '';
      while (j < code.length && code[j] !== ch && code[j] !== '\n') {
        if (code[j] === '\\') { value += code[j + 1] ?? ''; j += 2; continue; }
        value += code[j];
        j += 1;
      }
      tokens.push({ type: 'string', value, depth });
      i = j + 1;
      continue;
    }
    if (ch === '`') {
      i += 1;
      readTemplate();
      tokens.push({ type: 'template', value: '`', depth });
      continue;
    }
    if (ch === '/' && slashStartsRegex(tokens[tokens.length - 1])) {
      let j = i + 1;
      let inClass = false;
      while (j < code.length && code[j] !== '\n') {
        const c = code[j];
        if (c === '\\') { j += 2; continue; }
        if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        else if (c === '/' && !inClass) break;
        j += 1;
      }
      j += 1;
      while (j < code.length && /[A-Za-z]/.test(code[j] ?? '')) j += 1;
      tokens.push({ type: 'regex', value: code.slice(i, j), depth });
      i = j;
      continue;
    }
    if (isIdentifierStart(ch)) {
      let j = i + 1;
      while (j < code.length && isIdentifierPart(code[j] ?? '')) j += code[j] === '\\' ? 2 : 1;
      tokens.push({ type: 'name', value: code.slice(i, j), depth });
      i = j;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(next ?? ''))) {
      let j = i + 1;
      while (j < code.length && /[\w.]/.test(code[j] ?? '')) j += 1;
      tokens.push({ type: 'number', value: code.slice(i, j), depth });
      i = j;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') {
      tokens.push({ type: 'punct', value: ch, depth });
      stack.push('bracket');
      i += 1;
      continue;
    }
    if (ch === ')' || ch === ']' || ch === '}') {
      const opened = stack.pop();
      i += 1;
      if (opened === 'template') {
        // The `}` closing a `${...}` resumes the template literal's text.
        readTemplate();
        continue;
      }
      tokens.push({ type: 'punct', value: ch, depth: stack.length });
      continue;
    }
    tokens.push({ type: 'punct', value: ch, depth });
    i += 1;
  }
  return tokens;
}

/**
 * The specifiers of the static import and re-export declarations of an ES module, in source order,
 * without duplicates. Dynamic `import()` and `import.meta` are not included.
 * @param {string} code
 * @returns {string[]}
 */
export function staticImportSpecifiers(code) {
  const tokens = tokenize(code);
  /** @type {string[]} */
  const found = [];
  // Scans forward from a declaration's first token for `from "<specifier>"`, stopping at the
  // end of the statement.
  const fromClause = (/** @type {number} */ start) => {
    for (let k = start; k < tokens.length; k += 1) {
      const token = tokens[k];
      if (token === undefined) break;
      if (token.depth === 0 && token.type === 'punct' && (token.value === ';' || token.value === '(')) break;
      if (token.type === 'name' && token.value === 'from' && tokens[k + 1]?.type === 'string') {
        return tokens[k + 1]?.value;
      }
      if (token.depth === 0 && token.type === 'name' && k > start && (token.value === 'import' || token.value === 'export')) break;
    }
    return undefined;
  };

  tokens.forEach((token, index) => {
    if (token.type !== 'name' || token.depth !== 0) return;
    const previous = tokens[index - 1];
    if (previous !== undefined && previous.type === 'punct' && previous.value === '.') return;
    const next = tokens[index + 1];
    if (next === undefined) return;
    let specifier;
    if (token.value === 'import') {
      if (next.type === 'punct' && (next.value === '(' || next.value === '.')) return;
      specifier = next.type === 'string' ? next.value : fromClause(index + 1);
    } else if (token.value === 'export') {
      if (!(next.type === 'punct' && (next.value === '{' || next.value === '*'))) return;
      specifier = fromClause(index + 1);
    }
    if (specifier !== undefined && !found.includes(specifier)) found.push(specifier);
  });
  return found;
}
