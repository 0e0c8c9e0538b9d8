/** chmod's mode language: octal (755) or symbolic clauses (u+x, go-w, a=r, +x, u=rwX,g=u). */
export function parseMode(text: string, current: number, isDir = false): number | undefined {
  if (/^[0-7]{1,4}$/.test(text)) return parseInt(text, 8);
  let mode = current & 0o7777;
  for (const clause of text.split(',')) {
    const m = /^([ugoa]*)((?:[-+=](?:[ugo]|[rwxXst]*))+)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] === '' || m[1]!.includes('a') ? 'ugo' : m[1]!;
    // Without u/g/o/a, the umask (022) keeps + from granting write to group and others.
    const mask = m[1] === '' ? 0o7755 : 0o7777;
    for (const action of m[2]!.match(/[-+=](?:[ugo]|[rwxXst]*)/g) ?? []) {
      const op = action[0]!;
      const perms = action.slice(1);
      let bits: number;
      if (/^[ugo]$/.test(perms)) {
        const shift = perms === 'u' ? 6 : perms === 'g' ? 3 : 0;
        const v = (mode >> shift) & 7;
        bits = (v << 6) | (v << 3) | v;
      } else {
        let rwx = 0;
        if (perms.includes('r')) rwx |= 4;
        if (perms.includes('w')) rwx |= 2;
        if (perms.includes('x') || (perms.includes('X') && (isDir || (mode & 0o111) !== 0))) rwx |= 1;
        bits = (rwx << 6) | (rwx << 3) | rwx;
        if (perms.includes('s')) bits |= 0o6000;
        if (perms.includes('t')) bits |= 0o1000;
      }
      let whoMask = 0;
      if (who.includes('u')) whoMask |= 0o4700;
      if (who.includes('g')) whoMask |= 0o2070;
      if (who.includes('o')) whoMask |= 0o1007;
      const effective = bits & whoMask & (op === '=' ? 0o7777 : mask);
      if (op === '+') mode |= effective;
      else if (op === '-') mode &= ~effective;
      else mode = (mode & ~whoMask) | effective;
    }
  }
  return mode;
}
