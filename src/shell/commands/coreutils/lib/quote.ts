/**
 * How coreutils quote file names in messages. Newer coreutils use two styles: shell quoting
 * ('name', bare-safe names still quoted) for "cannot stat 'x'" and prompts, and locale quotes
 * (‘name’) for messages such as mkdir's "cannot create directory ‘a/b’".
 */
export function shq(name: string): string {
  if (!name.includes("'")) return `'${name}'`;
  if (!/["\\$`]/.test(name)) return `"${name}"`;
  return `'${name.replace(/'/g, "'\\''")}'`;
}

export function lq(name: string): string {
  return `‘${name}’`;
}
