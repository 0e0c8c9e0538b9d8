/**
 * PS1 expansion, the subset of bash's prompt escapes a playground prompt uses:
 * \h \H \u \w \W \$ \n \s \v \\ and the \[ \] markers (dropped: they only tell readline what is invisible).
 */
export interface PromptInfo {
  readonly hostname: string;
  readonly user: string;
  readonly uid: number;
  readonly cwd: string;
  readonly home: string;
}

export function expandPrompt(ps: string, info: PromptInfo): string {
  let out = '';
  for (let i = 0; i < ps.length; i++) {
    const c = ps[i]!;
    if (c !== '\\' || i + 1 >= ps.length) {
      out += c;
      continue;
    }
    const e = ps[++i]!;
    switch (e) {
      case 'h': out += info.hostname.split('.')[0]; break;
      case 'H': out += info.hostname; break;
      case 'u': out += info.user; break;
      case 'w': out += tildeCwd(info); break;
      case 'W': out += info.cwd === info.home ? '~' : info.cwd === '/' ? '/' : info.cwd.slice(info.cwd.lastIndexOf('/') + 1); break;
      case '$': out += info.uid === 0 ? '#' : '$'; break;
      case 'n': out += '\n'; break;
      case 's': out += 'bash'; break;
      case 'v': out += '4.2'; break;
      case '\\': out += '\\'; break;
      case '[':
      case ']': break;
      default: out += `\\${e}`;
    }
  }
  return out;
}

function tildeCwd(info: PromptInfo): string {
  if (info.cwd === info.home) return '~';
  if (info.home !== '/' && info.cwd.startsWith(`${info.home}/`)) return `~${info.cwd.slice(info.home.length)}`;
  return info.cwd;
}
