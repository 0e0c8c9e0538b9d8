/**
 * `{{name}}` in a runnable block. Go-template actions that kubectl users type
 * (`{{.metadata.name}}`, `{{range .items}}`, `{{end}}`, `{{else}}`) are not ours and pass through
 * untouched: only a bare camelCase identifier is a variable.
 */
import type { World } from '../../engine';
import type { Lang } from '../model';
import { variableNamed } from './registry';

const VARIABLE = /\{\{\s*([a-z][A-Za-z0-9]*)\s*\}\}/g;

/** Go template keywords that look like identifiers: left as written. */
const GO_TEMPLATE_WORDS = new Set(['end', 'else', 'break', 'continue', 'nil', 'true', 'false']);

export interface VariableUse {
  readonly name: string;
  /** 0-based line within the block. */
  readonly lineOffset: number;
}

export function variablesIn(command: string): VariableUse[] {
  const out: VariableUse[] = [];
  command.split('\n').forEach((line, lineOffset) => {
    for (const m of line.matchAll(VARIABLE)) {
      const name = m[1]!;
      if (!GO_TEMPLATE_WORDS.has(name)) out.push({ name, lineOffset });
    }
  });
  return out;
}

export type Resolution =
  | { readonly ok: true; readonly command: string }
  | { readonly ok: false; readonly variable: string; readonly message: string };

/** The command with every variable replaced by its value now, or why one isn't available. */
export function resolveCommand(command: string, world: World, lang: Lang): Resolution {
  let failure: { variable: string; message: string } | undefined;
  const resolved = command.replace(VARIABLE, (whole, name: string) => {
    if (GO_TEMPLATE_WORDS.has(name) || failure) return whole;
    const variable = variableNamed(name);
    if (!variable) {
      failure = { variable: name, message: lang === 'es' ? `Variable desconocida {{${name}}}` : `Unknown variable {{${name}}}` };
      return whole;
    }
    const value = variable.resolve(world);
    if (value === undefined) {
      failure = { variable: name, message: variable.unavailable(world, lang) };
      return whole;
    }
    return value;
  });
  return failure ? { ok: false, ...failure } : { ok: true, command: resolved };
}
