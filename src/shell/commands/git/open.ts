/** Finding the checkout a subcommand runs in, with git's error when there is none. */
import type { CommandContext } from '../../types';
import { NOT_A_REPOSITORY, findCheckout, type Checkout } from './gitDir';
import { headTree, type HeadTree } from './worktree';

export interface Opened {
  readonly checkout: Checkout;
  readonly tree: HeadTree;
}

/** The checkout around cwd and its HEAD commit's files, or the exit status after printing why not. */
export function openRepository(ctx: CommandContext): Opened | number {
  const checkout = findCheckout(ctx.host.fs, ctx.cwd);
  if (!checkout) {
    ctx.stderr.write(NOT_A_REPOSITORY);
    return 128;
  }
  const tree = headTree(ctx.host.fs, checkout);
  if ('error' in tree) {
    ctx.stderr.write(tree.error);
    return 128;
  }
  return { checkout, tree };
}

/** Pathspecs (relative to cwd) as root-relative prefixes; undefined for one outside the checkout. */
export function pathspecs(checkout: Checkout, cwd: string, args: readonly string[]): { readonly specs: string[]; readonly outside?: string } {
  const specs: string[] = [];
  for (const arg of args) {
    const abs = arg.startsWith('/') ? arg : `${cwd === '/' ? '' : cwd}/${arg}`;
    const parts: string[] = [];
    for (const p of abs.split('/')) {
      if (p === '' || p === '.') continue;
      if (p === '..') parts.pop();
      else parts.push(p);
    }
    const full = `/${parts.join('/')}`;
    const rootPrefix = checkout.root === '/' ? '/' : `${checkout.root}/`;
    if (full === checkout.root) specs.push('');
    else if (full.startsWith(rootPrefix)) specs.push(full.slice(rootPrefix.length));
    else return { specs, outside: arg };
  }
  return { specs };
}

/** Does a root-relative path fall under one of the pathspecs (all paths when there are none)? */
export function matches(specs: readonly string[], path: string): boolean {
  return specs.length === 0 || specs.some((s) => s === '' || path === s || path.startsWith(`${s}/`));
}

/** A word that is neither a revision nor an existing path: git refuses to guess. */
export function ambiguous(ctx: CommandContext, arg: string): number {
  ctx.stderr.write(
    `fatal: ambiguous argument '${arg}': unknown revision or path not in the working tree.\n`
    + "Use '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n",
  );
  return 128;
}
