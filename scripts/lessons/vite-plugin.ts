/**
 * Vite plugin: compiles the built-in lessons at build time and serves them as
 *
 *   import { catalogue, loadLesson } from 'virtual:kubeplay-lessons';
 *
 * The catalogue (ids, titles, order) is a few hundred bytes in the importing chunk. In a build,
 * each lesson's compiled JSON is a .json asset fetched when the lesson opens (lesson text is data,
 * not code: it is neither parsed as JavaScript nor counted as such); in dev it is a lazily imported
 * module, so editing a lesson hot-reloads it. Either way lesson text stays out of the first-prompt
 * bundle and the Markdown/YAML parsers never reach the page. A compile error fails the build (and
 * shows Vite's error overlay in dev) as `lessons/en/01-x.md:12: message`. In dev, editing a lesson
 * updates it; adding or removing one reloads the page.
 *
 * vite.config.ts: `plugins: [react(), kubeplayLessons()]`.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { catalogueEntryOf, formatCompileError } from '../../src/lessons';
import { compileAll, compileLessonFile, findLessonFiles, type LessonFile } from './catalogue';

export const VIRTUAL_ID = 'virtual:kubeplay-lessons';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const LESSON_QUERY = '?kubeplay-lesson';

export interface KubeplayLessonsOptions {
  /** Folder with es/ and en/; default <root>/lessons. */
  readonly dir?: string;
}

export function kubeplayLessons(options: KubeplayLessonsOptions = {}): Plugin {
  let root = process.cwd();
  let building = false;
  let dir = path.resolve(root, options.dir ?? 'lessons');
  const isLessonFile = (file: string) => file.endsWith('.md') && path.resolve(file).startsWith(dir + path.sep);

  const invalidateCatalogue = (server: ViteDevServer) => {
    const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
    if (mod) server.moduleGraph.invalidateModule(mod);
    return mod;
  };

  return {
    name: 'kubeplay-lessons',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
      dir = path.resolve(root, options.dir ?? 'lessons');
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id === RESOLVED_ID) {
        const { lessons, errors, files } = compileAll(dir, root);
        this.addWatchFile(dir);
        for (const f of files) this.addWatchFile(f.file);
        if (errors.length > 0) this.error(`lesson compile errors:\n${errors.map(formatCompileError).join('\n')}`);
        if (building) {
          const assets = new Map<string, string>();
          for (const lesson of lessons) {
            const json = JSON.stringify(lesson);
            const hash = createHash('sha256').update(json).digest('hex').slice(0, 10);
            const fileName = `assets/lesson-${lesson.lang}-${lesson.id}-${hash}.json`;
            this.emitFile({ type: 'asset', fileName, source: json });
            assets.set(`${lesson.lang}/${lesson.id}`, path.posix.basename(fileName));
          }
          return fetchingCatalogueModule(lessons.map(catalogueEntryOf), assets);
        }
        return catalogueModule(lessons.map(catalogueEntryOf), new Map(lessons.map((l) => [`${l.lang}/${l.id}`, files.find((f) => f.source === l.source)!])));
      }
      if (id.endsWith(LESSON_QUERY)) {
        const file = id.slice(0, -LESSON_QUERY.length);
        const found = findLessonFiles(dir, root).files.find((f) => f.file === path.resolve(file));
        if (!found) this.error(`${file} is not a lesson under ${dir}`);
        this.addWatchFile(found.file);
        const result = compileLessonFile(found);
        if (!result.ok) this.error(`lesson compile errors:\n${result.errors.map(formatCompileError).join('\n')}`);
        // JSON.parse of a string literal parses faster than the same object as JS source.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(result.lesson))});\n`;
      }
      return undefined;
    },
    configureServer(server) {
      server.watcher.add(dir);
      const onAddOrRemove = (file: string) => {
        if (!isLessonFile(file)) return;
        invalidateCatalogue(server);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', onAddOrRemove);
      server.watcher.on('unlink', onAddOrRemove);
    },
    handleHotUpdate({ file, server, modules }) {
      if (!isLessonFile(file)) return undefined;
      // A title or order may have changed: the catalogue is rebuilt along with the lesson.
      const catalogue = invalidateCatalogue(server);
      return catalogue ? [...modules, catalogue] : modules;
    },
  };
}

/**
 * The built catalogue: lessons are fetched next to the chunk that asks for them (assets/), relative
 * to import.meta.url so any host and sub-path works. The file name is a variable so bundlers leave
 * the `new URL()` alone.
 */
function fetchingCatalogueModule(entries: readonly unknown[], assets: ReadonlyMap<string, string>): string {
  return [
    `export const catalogue = ${JSON.stringify(entries)};`,
    `const assets = ${JSON.stringify(Object.fromEntries(assets))};`,
    'export function loadLesson(lang, id) {',
    '  const file = assets[`${lang}/${id}`];',
    '  if (!file) return Promise.reject(new Error(`No lesson "${id}" in language "${lang}"`));',
    "  return fetch(new URL(file, import.meta.url)).then((r) => {",
    '    if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);',
    '    return r.json();',
    '  });',
    '}',
    '',
  ].join('\n');
}

function catalogueModule(entries: readonly unknown[], files: ReadonlyMap<string, LessonFile>): string {
  const loaders = [...files].map(([key, f]) => `  ${JSON.stringify(key)}: () => import(${JSON.stringify(f.file + LESSON_QUERY)}),`);
  return [
    `export const catalogue = ${JSON.stringify(entries)};`,
    'const loaders = {',
    ...loaders,
    '};',
    'export function loadLesson(lang, id) {',
    '  const load = loaders[`${lang}/${id}`];',
    '  if (!load) return Promise.reject(new Error(`No lesson "${id}" in language "${lang}"`));',
    '  return load().then((m) => m.default);',
    '}',
    '',
  ].join('\n');
}
