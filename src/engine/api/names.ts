/**
 * Generated names as Kubernetes makes them: the 27-character alphabet with no vowels (so no
 * words form) and no 0/1/3, and the ReplicaSet pod-template-hash.
 */
import { utf8Encode } from '../util/utf8';

export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a, 32 bits, over the UTF-16 code units of a string's UTF-8 bytes. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8Encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * apimachinery's SafeEncodeString: each character maps to NAME_ALPHABET[code % 27]. ComputeHash
 * encodes the hash's *decimal* string, so hashes only ever use the ten characters the digits map
 * to (4 5 6 7 8 9 b c d f), as in "coredns-5d78c9869d".
 */
export function safeEncodeString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += NAME_ALPHABET[text.charCodeAt(i) % NAME_ALPHABET.length];
  return out;
}

/** pod-template-hash of a template (any JSON value), with the collision count ComputeHash mixes in. */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  let text = canonicalJson(template);
  if (collisionCount > 0) text += `#${collisionCount}`;
  return safeEncodeString(String(fnv32a(text)));
}

/** JSON with object keys sorted, so equal templates hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
