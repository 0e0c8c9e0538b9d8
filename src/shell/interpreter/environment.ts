/**
 * Shell variables, as bash keeps them: a value (possibly unset after a bare `export NAME`) and an
 * export flag. Commands receive child() — only exported variables, as a new process would — while
 * builtins work on the shell's own table.
 */
import type { Environment } from '../types';

interface Variable {
  value: string | undefined;
  exported: boolean;
}

export class ShellEnvironment implements Environment {
  private readonly vars: Map<string, Variable>;

  constructor(initial: Readonly<Record<string, string>> = {}, exported = true) {
    this.vars = new Map(Object.entries(initial).map(([name, value]) => [name, { value, exported }]));
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  set(name: string, value: string): void {
    const v = this.vars.get(name);
    if (v) v.value = value;
    else this.vars.set(name, { value, exported: false });
  }

  unset(name: string): void {
    this.vars.delete(name);
  }

  export(name: string): void {
    const v = this.vars.get(name);
    if (v) v.exported = true;
    else this.vars.set(name, { value: undefined, exported: true });
  }

  /** `export -n`: keeps the value, stops passing it to commands. */
  unexport(name: string): void {
    const v = this.vars.get(name);
    if (v) v.exported = false;
  }

  isExported(name: string): boolean {
    return this.vars.get(name)?.exported ?? false;
  }

  exported(): ReadonlyArray<readonly [string, string]> {
    const out: [string, string][] = [];
    for (const [name, v] of this.vars) if (v.exported && v.value !== undefined) out.push([name, v.value]);
    return out;
  }

  /** Exported names, set or not, for `export -p`. */
  exportedNames(): ReadonlyArray<readonly [string, string | undefined]> {
    const out: [string, string | undefined][] = [];
    for (const [name, v] of this.vars) if (v.exported) out.push([name, v.value]);
    return out;
  }

  /** Every variable that has a value, for `set`. */
  entries(): ReadonlyArray<readonly [string, string]> {
    const out: [string, string][] = [];
    for (const [name, v] of this.vars) if (v.value !== undefined) out.push([name, v.value]);
    return out;
  }

  child(): ShellEnvironment {
    const env = new ShellEnvironment();
    for (const [name, value] of this.exported()) env.vars.set(name, { value, exported: true });
    return env;
  }

  /** A subshell's copy: every variable, exported or not. */
  clone(): ShellEnvironment {
    const env = new ShellEnvironment();
    for (const [name, v] of this.vars) env.vars.set(name, { ...v });
    return env;
  }
}
