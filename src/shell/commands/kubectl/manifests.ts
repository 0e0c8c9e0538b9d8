/**
 * Reading manifests for `kubectl apply -f` / `create -f` / `delete -f`: a file, a directory (its
 * .json, .yaml and .yml files in name order), stdin (`-`) or an http(s) URL fetched through the
 * simulated internet (three attempts a second apart, as kubectl retries). YAML is read with
 * YAML 1.1 rules like go-yaml v2 (so `yes` is a boolean and `0644` an octal number), several
 * documents per file, and `kind: List` is expanded into its items.
 */
import { loadYamlDocuments, registerPublicSites, resolvePath } from '../../../engine';
import { goYamlError } from '../../format/yamlErrors';
import { sleep, type Effect } from '../../types';
import type { Invocation } from './invocation';

export interface ManifestObject {
  /** Where it came from, as kubectl names it in messages: the path or URL given. */
  readonly source: string;
  readonly object: Record<string, unknown>;
}

export type ManifestRead = { readonly ok: true; readonly objects: readonly ManifestObject[] } | { readonly ok: false; readonly error: string };

const EXTENSIONS = ['.json', '.yaml', '.yml'];

/** Reads every -f argument in order; the first unreadable one stops everything, as kubectl does. */
export function* readManifests(inv: Invocation, filenames: readonly string[], recursive: boolean): Generator<Effect, ManifestRead, unknown> {
  const objects: ManifestObject[] = [];
  for (const name of filenames) {
    const read = yield* readSource(inv, name, recursive);
    if (!read.ok) return read;
    objects.push(...read.objects);
  }
  return { ok: true, objects };
}

function* readSource(inv: Invocation, name: string, recursive: boolean): Generator<Effect, ManifestRead, unknown> {
  if (name === '-') {
    const text = yield* inv.ctx.stdin.readAll();
    return parseManifest(text, 'STDIN');
  }
  if (/^https?:\/\//i.test(name)) return yield* readUrl(inv, name);
  const fs = inv.ctx.host.fs;
  const path = resolvePath(name, inv.ctx.cwd);
  if (!fs.exists(path)) return { ok: false, error: `the path "${name}" does not exist` };
  if (fs.isDir(path)) {
    const files = listManifestFiles(inv, path, name, recursive);
    if (files.length === 0) return { ok: false, error: `error reading [${name}]: recognized file extensions are [${EXTENSIONS.join(' ')}]` };
    const objects: ManifestObject[] = [];
    for (const file of files) {
      const text = fs.readFile(file.path);
      if (!text.ok) continue;
      const parsed = parseManifest(text.value, file.shown);
      if (!parsed.ok) return parsed;
      objects.push(...parsed.objects);
    }
    return { ok: true, objects };
  }
  const text = fs.readFile(path);
  if (!text.ok) return { ok: false, error: `open ${name}: permission denied` };
  return parseManifest(text.value, name);
}

function listManifestFiles(inv: Invocation, dir: string, shown: string, recursive: boolean): { path: string; shown: string }[] {
  const fs = inv.ctx.host.fs;
  const entries = fs.readdir(dir);
  if (!entries.ok) return [];
  const out: { path: string; shown: string }[] = [];
  for (const entry of entries.value) {
    const path = `${dir}/${entry}`;
    const display = `${shown.replace(/\/$/, '')}/${entry}`;
    if (fs.isDir(path)) {
      if (recursive) out.push(...listManifestFiles(inv, path, display, true));
    } else if (EXTENSIONS.some((ext) => entry.endsWith(ext))) {
      out.push({ path, shown: display });
    }
  }
  return out;
}

function* readUrl(inv: Invocation, url: string): Generator<Effect, ManifestRead, unknown> {
  registerPublicSites(inv.ctx.world.internet);
  let result = inv.ctx.world.internet.fetch(url);
  for (let attempt = 1; attempt < 3 && !result.ok && result.status === 0; attempt++) {
    yield sleep(1000);
    result = inv.ctx.world.internet.fetch(url);
  }
  if (result.ok) return parseManifest(result.body, url);
  if ('error' in result) {
    const host = result.hostname;
    const error = result.error === 'refused' ? `dial tcp ${host}: connect: connection refused` : `dial tcp: lookup ${host} on 127.0.0.11:53: no such host`;
    return { ok: false, error: `Get "${url}": ${error}` };
  }
  return { ok: false, error: `unable to read URL "${url}", server reported ${result.status} ${result.statusText}, status code=${result.status}` };
}

/** Parses a multi-document YAML or JSON stream into objects (List items expanded, empty documents skipped). */
export function parseManifest(text: string, source: string): ManifestRead {
  const objects: ManifestObject[] = [];
  // kubectl's YAMLReader reads line by line (CRLF or LF, each line given back with "\n") and ends a
  // document at a line starting with "---" followed by nothing but blanks or a comment. Each
  // document is converted on its own, so go-yaml's line numbers count from the document's start.
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  let document = '';
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    if (line !== undefined && !line.startsWith('---')) {
      document += `${line}\n`;
      continue;
    }
    const after = line?.slice(3).trim() ?? '';
    if (after !== '' && !after.startsWith('#')) return { ok: false, error: `error parsing ${source}: invalid Yaml document separator: ${after}` };
    const read = readDocument(document, source);
    if (!read.ok) return read;
    objects.push(...read.objects);
    document = '';
  }
  return { ok: true, objects };
}

function readDocument(text: string, source: string): ManifestRead {
  const read = loadYamlDocuments(text, 'kubernetes');
  if (!read.ok) return { ok: false, error: `error parsing ${source}: error converting YAML to JSON: ${goYamlError(text, read.problem)}` };
  const objects: ManifestObject[] = [];
  for (const value of read.value) {
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, error: `error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'number'} into Go value of type map[string]interface {}` };
    }
    const obj = value as Record<string, unknown>;
    if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) {
      for (const item of obj.items) {
        if (item && typeof item === 'object' && !Array.isArray(item)) objects.push({ source, object: item as Record<string, unknown> });
      }
    } else {
      objects.push({ source, object: obj });
    }
  }
  return { ok: true, objects };
}
