import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createStore } from 'zustand/vanilla';
import type { CompiledLesson, LessonProgress } from '../../lessons';
import type { AppStore } from '../../store';
import { afterWeave, KUBE_PROXY } from '../diagram/testing/fixtures';
import { StoreContext } from '../storeContext';
import LessonDiagram from './LessonDiagram';

const step = (id: string, highlight?: readonly string[]) => ({
  id, title: id, titleHtml: id, html: '', blocks: [], checks: [], line: 1, ...(highlight ? { highlight } : {}),
});

const LESSON: CompiledLesson = {
  id: 'architecture', lang: 'en', title: 'Architecture', summary: '', order: 7, source: 'lessons/en/07-architecture.md', introHtml: '',
  steps: [step('api-server', ['pod/kube-system/kube-apiserver-node1']), step('kube-proxy', ['pod/kube-system/kube-proxy-*', 'node/*']), step('recap')],
};

function progressAt(current: number): LessonProgress {
  const steps = LESSON.steps.map((s, i) => ({ id: s.id, done: i < current, manual: true, checks: [] }));
  return { lessonId: LESSON.id, steps, doneCount: current, complete: current === steps.length, current };
}

/** The app store as far as the lesson diagram reads it. */
function storeAt(current: number | undefined): AppStore {
  return createStore(() => ({ lang: 'en', lesson: LESSON, lessonProgress: current === undefined ? undefined : progressAt(current) })) as unknown as AppStore;
}

function highlighted(current: number | undefined): string[] {
  const html = renderToStaticMarkup(
    <StoreContext.Provider value={storeAt(current)}>
      <LessonDiagram snapshot={afterWeave()} reducedMotion />
    </StoreContext.Provider>,
  );
  return [...html.matchAll(/<div[^>]*data-id="([^"]+)"[^>]*>/g)].filter((m) => m[0].includes('kp-highlight')).map((m) => m[1]!);
}

describe('LessonDiagram', () => {
  it("highlights what the current step's patterns name", () => {
    expect(highlighted(0)).toEqual(['pod/kube-system/kube-apiserver-node1']);
    expect(highlighted(1).sort()).toEqual(['node/node1', 'node/node2', `pod/kube-system/${KUBE_PROXY.node1}`, `pod/kube-system/${KUBE_PROXY.node2}`]);
  });

  it('highlights nothing for a step without highlights, a finished lesson, or before progress is known', () => {
    expect(highlighted(2)).toEqual([]);
    expect(highlighted(3)).toEqual([]);
    expect(highlighted(undefined)).toEqual([]);
  });
});
