import { describe, expect, it } from 'vitest';
import type { CompiledLesson } from '../lessons';
import { createLessonLoader, type LessonState } from './lessonSlice';

function source() {
  const asked: string[] = [];
  return {
    asked,
    catalogue: [],
    loadLesson(lang: string, id: string) {
      asked.push(`${lang}/${id}`);
      return Promise.resolve({ id, lang, title: id, summary: '', introHtml: '', steps: [] } as unknown as CompiledLesson);
    },
  };
}

async function settled(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('the lesson prefetched at store creation', () => {
  it('is the one the first load of that lesson shows: fetched once', async () => {
    const src = source();
    const states: Partial<LessonState>[] = [];
    const loader = createLessonLoader(src, undefined, (s) => states.push(s), () => {});
    loader.prefetch('en', 'start-the-cluster');
    expect(src.asked).toEqual(['en/start-the-cluster']);
    loader.load('en', 'start-the-cluster', []);
    await settled();
    expect(src.asked).toEqual(['en/start-the-cluster']);
    expect(states.at(-1)).toMatchObject({ lessonStatus: 'ready', lesson: { id: 'start-the-cluster' } });
    // Taken once: opening it again later fetches again, as before.
    loader.load('en', 'start-the-cluster', []);
    expect(src.asked).toHaveLength(2);
  });

  it('is not used for another lesson or language, and not when a teacher URL is open', () => {
    const src = source();
    const loader = createLessonLoader(src, undefined, () => {}, () => {});
    loader.prefetch('en', 'start-the-cluster');
    loader.load('es', 'start-the-cluster', []);
    expect(src.asked).toEqual(['en/start-the-cluster', 'es/start-the-cluster']);
    const teacher = source();
    createLessonLoader(teacher, 'https://example.org/lesson.md', () => {}, () => {}).prefetch('en', 'x');
    expect(teacher.asked).toEqual([]);
  });
});
