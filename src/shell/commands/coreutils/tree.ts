/**
 * tree 1.6.0, as CentOS 7 ships it: the directory drawn with "├── ", "└── " and "│   ", names in
 * the C locale's order, hidden files only with -a, then "N directories, M files" (the starting
 * directories are not counted). -d lists directories only, -L limits the depth, -f prints paths,
 * --dirsfirst, --noreport. Symbolic links show "name -> target" and are not followed.
 * tree draws its vertical bar with two no-break spaces in a UTF-8 locale; plain spaces here look
 * the same and keep copied output greppable.
 */
import { resolvePath } from '../../../engine';
import type { Command, CommandContext } from '../../types';

const USAGE = 'usage: tree [-adfCn] [-L level] [--dirsfirst] [--noreport] [--version] [--help]\n\t[<directory list>]\n';

const HELP = `${USAGE}  ------- Listing options -------
  -a            All files are listed (hidden ones too).
  -d            List directories only.
  -f            Print the full path prefix for each file.
  -L level      Descend only level directories deep.
  --noreport    Turn off the file/directory count at the end of the listing.
  --dirsfirst   List directories before files.
  ------- Graphics options -------
  -n            Turn colorization off always.
  -C            Turn colorization on always (there are no colors to show here).
  ------- Miscellaneous options -------
  --version     Print version and exit.
  --help        Print usage and this help message and exit.
`;

interface TreeOptions {
  readonly all: boolean;
  readonly dirsOnly: boolean;
  readonly fullPath: boolean;
  readonly dirsFirst: boolean;
  readonly report: boolean;
  /** Levels below a starting directory to show; Infinity without -L. */
  readonly depth: number;
}

type Parsed = { readonly ok: true; readonly opts: TreeOptions; readonly dirs: readonly string[] } | { readonly ok: false; readonly status: number };

function parse(ctx: CommandContext): Parsed {
  const args = ctx.argv.slice(1);
  const o = { all: false, dirsOnly: false, fullPath: false, dirsFirst: false, report: true, depth: Infinity };
  const dirs: string[] = [];
  const fail = (message: string, usage: boolean): Parsed => {
    ctx.stderr.write(`${message}\n${usage ? USAGE : ''}`);
    return { ok: false, status: 1 };
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      dirs.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      if (a === '--help') {
        ctx.stdout.write(HELP);
        return { ok: false, status: 0 };
      }
      if (a === '--version') {
        ctx.stdout.write('tree v1.6.0 (c) 1996 - 2011 by Steve Baker, Thomas Moore, Francesc Rocher, Kyosuke Tokoro \n');
        return { ok: false, status: 0 };
      }
      if (a === '--dirsfirst') o.dirsFirst = true;
      else if (a === '--noreport') o.report = false;
      else return fail(`tree: Invalid argument \`${a}'.`, true);
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      for (const c of a.slice(1)) {
        if (c === 'a') o.all = true;
        else if (c === 'd') o.dirsOnly = true;
        else if (c === 'f') o.fullPath = true;
        else if (c === 'C' || c === 'n') continue;
        else if (c === 'L') {
          // tree 1.6 takes the level from the next argument only.
          const level = args[++i];
          if (level === undefined) return fail('tree: Missing argument to -L option.', false);
          const n = /^[0-9]+$/.test(level) ? Number(level) : 0;
          if (n < 1) return fail('tree: Invalid level, must be greater than 0.', false);
          o.depth = n;
        } else return fail(`tree: Invalid argument -\`${c}'.`, true);
      }
      continue;
    }
    dirs.push(a);
  }
  return { ok: true, opts: o, dirs: dirs.length > 0 ? dirs : ['.'] };
}

interface Counts {
  dirs: number;
  files: number;
}

function draw(ctx: CommandContext, path: string, shown: string, prefix: string, level: number, o: TreeOptions, counts: Counts): string {
  const fs = ctx.host.fs;
  const names = fs.readdir(path);
  if (!names.ok) return '';
  const entries = names.value
    .filter((n) => o.all || !n.startsWith('.'))
    .map((name) => {
      const full = path === '/' ? `/${name}` : `${path}/${name}`;
      const lst = fs.stat(full, false);
      const link = lst.ok && lst.value.kind === 'symlink' ? lst.value.target : undefined;
      return { name, full, link, isDir: fs.isDir(full) };
    })
    .filter((e) => !o.dirsOnly || e.isDir);
  if (o.dirsFirst) entries.sort((a, b) => Number(b.isDir) - Number(a.isDir));
  let out = '';
  entries.forEach((e, i) => {
    const last = i === entries.length - 1;
    const label = o.fullPath ? `${shown === '/' ? '' : shown}/${e.name}` : e.name;
    out += `${prefix}${last ? '└── ' : '├── '}${label}${e.link !== undefined ? ` -> ${e.link}` : ''}\n`;
    if (e.isDir) counts.dirs++;
    else counts.files++;
    if (e.isDir && e.link === undefined && level < o.depth) {
      out += draw(ctx, e.full, `${shown === '/' ? '' : shown}/${e.name}`, prefix + (last ? '    ' : '│   '), level + 1, o, counts);
    }
  });
  return out;
}

export const tree: Command = {
  name: 'tree',
  summary: 'list contents of directories in a tree-like format.',
  run(ctx) {
    const parsed = parse(ctx);
    if (!parsed.ok) return parsed.status;
    const { opts, dirs } = parsed;
    const counts: Counts = { dirs: 0, files: 0 };
    let out = '';
    for (const dir of dirs) {
      const path = resolvePath(dir, ctx.cwd);
      if (!ctx.host.fs.isDir(path)) {
        out += `${dir} [error opening dir]\n`;
        continue;
      }
      out += `${dir}\n${draw(ctx, path, dir, '', 1, opts, counts)}`;
    }
    if (opts.report) {
      const d = `${counts.dirs} director${counts.dirs === 1 ? 'y' : 'ies'}`;
      out += opts.dirsOnly ? `\n${d}\n` : `\n${d}, ${counts.files} file${counts.files === 1 ? '' : 's'}\n`;
    }
    ctx.stdout.write(out);
    return 0;
  },
};
