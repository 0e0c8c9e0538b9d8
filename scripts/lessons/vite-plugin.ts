/**
 * Vite plugin: compiles the built-in lessons at build time and serves them as
 *
 *   import { catalogue, loadLesson } from 'virtual:kubeplay-lessons';
 *
 * The catalogue (ids, titles, order) is a few hundred bytes in the importing chunk; each lesson's
 * compiled JSON is its own lazily imported chunk, so lesson text stays out of the first-prompt
 * bundle and the Markdown/YAML parsers never reach the page. A compile error fails the build (and
 * shows Vite's error overlay in dev) as `lessons/en/01-x.md:12: message`. In dev, editing a lesson
 * updates it; adding or removing one reloads the page.
 *
 * vite.config.ts: `plugins: [react(), kubeplayLessons()]`.
 */
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
