import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, type Rollup } from 'vite';
import { kubeplayLessons } from './vite-plugin';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(lessons: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'kp-lessons-'));
  dirs.push(root);
  for (const [file, text] of Object.entries(lessons)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  writeFileSync(path.join(root, 'main.js'), [
    "import { catalogue, loadLesson } from 'virtual:kubeplay-lessons';",
    'console.log(catalogue.map((c) => c.title).join());',
    "loadLesson('en', 'demo').then((l) => console.log(l.steps.length));",
  ].join('\n'));
  return root;
}

async function bundle(root: string): Promise<Rollup.OutputChunk[]> {
  return (await output(root)).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
}

async function output(root: string): Promise<(Rollup.OutputChunk | Rollup.OutputAsset)[]> {
  const out = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [kubeplayLessons()],
    build: { write: false, minify: false, rollupOptions: { input: path.join(root, 'main.js') } },
  });
  const outputs = Array.isArray(out) ? out : [out];
  return outputs.flatMap((o) => ('output' in o ? o.output : []));
}

const lesson = (lang: string, title: string, body: string) => `---\nid: demo\ntitle: ${title}\nsummary: A ${lang} demo\n---\n${body}`;

describe('kubeplayLessons', () => {
  it('puts the catalogue in the entry chunk and each lesson in its own JSON asset, fetched when opened', async () => {
    const root = project({
      'lessons/en/01-demo.md': lesson('en', 'Demo title', '## Step\n\nA sentence only the English lesson has.\n'),
      'lessons/es/01-demo.md': lesson('es', 'Título demo', '## Paso {#step}\n\nUna frase que solo tiene la lección en español.\n'),
    });
    const files = await output(root);
    const chunks = files.filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
    const entry = chunks.find((c) => c.isEntry)!;
    expect(entry.code).toContain('Demo title');
    expect(entry.code).toContain('Título demo');
    expect(chunks.some((c) => c.code.includes('A sentence only the English lesson has'))).toBe(false);
    const assets = files.filter((f): f is Rollup.OutputAsset => f.type === 'asset' && f.fileName.endsWith('.json'));
    expect(assets.map((a) => a.fileName).sort()).toEqual([expect.stringMatching(/^assets\/lesson-en-demo-[0-9a-f]{10}\.json$/), expect.stringMatching(/^assets\/lesson-es-demo-[0-9a-f]{10}\.json$/)]);
    const en = JSON.parse(String(assets.find((a) => a.fileName.includes('-en-'))!.source)) as { title: string; steps: { html: string }[] };
    expect(en.title).toBe('Demo title');
    expect(en.steps[0]!.html).toContain('A sentence only the English lesson has');
    expect(entry.code).toContain(path.posix.basename(assets[0]!.fileName));
  });

  it('fails the build with file:line on a compile error', async () => {
    const root = project({
      'lessons/en/01-demo.md': lesson('en', 'Demo', '## Step\n\n```check\n- nodes-redy: { count: 2 }\n```\n'),
    });
    await expect(bundle(root)).rejects.toThrow(/lessons\/en\/01-demo\.md:9: unknown check "nodes-redy" \(did you mean nodes-ready\?\)/);
  });

  it('rejects a folder that is not a language', async () => {
    const root = project({ 'lessons/fr/01-demo.md': lesson('fr', 'Démo', '## Étape\n') });
    await expect(bundle(root)).rejects.toThrow(/lessons\/fr:1: "fr" is not a lesson language; lessons live in lessons\/es\/ and lessons\/en\//);
  });
});
