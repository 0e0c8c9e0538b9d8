/**
 * Finds and compiles the built-in lessons: lessons/<lang>/<NN>-<slug>.md. Shared by the Vite
 * plugin (build and dev server) and by `npm run lessons:check`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compileLesson } from '../../src/lessons/compile/compileLesson';
import { LANGS, isLang, type CompileError, type CompiledLesson, type Lang } from '../../src/lessons';

export interface LessonFile {
  readonly lang: Lang;
  /** Absolute path. */
  readonly file: string;
  /** Path relative to the project root with / separators, as errors show it. */
  readonly source: string;
}

export interface Compiled {
  readonly lessons: CompiledLesson[];
  readonly errors: CompileError[];
}

/** Every lesson file, sorted by language (es, en) then file name. */
export function findLessonFiles(dir: string, root: string): { files: LessonFile[]; errors: CompileError[] } {
  const files: LessonFile[] = [];
  const errors: CompileError[] = [];
  const entries = safeReaddir(dir);
  for (const entry of entries) {
    const full = path.join(dir, entry);
    if (!statSync(full).isDirectory()) continue;
    if (!isLang(entry)) {
      errors.push({ source: relative(root, full), line: 1, message: `"${entry}" is not a lesson language; lessons live in ${LANGS.map((l) => `lessons/${l}/`).join(' and ')}` });
      continue;
    }
    for (const name of safeReaddir(full).filter((n) => n.endsWith('.md')).sort()) {
      const file = path.join(full, name);
      files.push({ lang: entry, file, source: relative(root, file) });
    }
  }
  files.sort((a, b) => LANGS.indexOf(a.lang) - LANGS.indexOf(b.lang) || a.source.localeCompare(b.source));
  return { files, errors };
}

export function compileLessonFile(file: LessonFile): ReturnType<typeof compileLesson> {
  return compileLesson(readFileSync(file.file, 'utf8'), { lang: file.lang, source: file.source, requireOrder: true });
}

/** Compiles every lesson; also reports two files of one language sharing an id. */
export function compileAll(dir: string, root: string): Compiled & { files: LessonFile[] } {
  const { files, errors } = findLessonFiles(dir, root);
  const lessons: CompiledLesson[] = [];
  for (const file of files) {
    const result = compileLessonFile(file);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const clash = lessons.find((l) => l.lang === result.lesson.lang && l.id === result.lesson.id);
    if (clash) errors.push({ source: file.source, line: 2, message: `id "${result.lesson.id}" is already used by ${clash.source}` });
    else lessons.push(result.lesson);
  }
  lessons.sort((a, b) => a.order - b.order || LANGS.indexOf(a.lang) - LANGS.indexOf(b.lang) || a.id.localeCompare(b.id));
  return { lessons, errors, files };
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
