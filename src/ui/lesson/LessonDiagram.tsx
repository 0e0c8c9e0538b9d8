/**
 * The cluster diagram with the open lesson's current step highlighted: the step's ```highlight
 * patterns (`pod/kube-system/kube-proxy-*`) expanded against the snapshot into the ids the
 * diagram draws. DiagramArea loads this lazily in place of the bare Diagram, so neither the
 * patterns nor React Flow weigh on the first prompt.
 */
import { useMemo, useRef } from 'react';
import { resolveHighlights } from '../../lessons';
import Diagram, { type DiagramProps } from '../diagram/Diagram';
import { useApp } from '../storeContext';

const NONE: readonly string[] = [];

export default function LessonDiagram(props: Omit<DiagramProps, 'highlight'>) {
  // The compiled lesson's array: the same reference while the current step stays the same.
  const patterns = useApp((s) => (s.lesson && s.lessonProgress ? s.lesson.steps[s.lessonProgress.current]?.highlight : undefined));
  const last = useRef<readonly string[]>(NONE);
  const highlight = useMemo(() => {
    const ids = resolveHighlights(patterns, props.snapshot);
    // Same ids as the last frame: keep the old array, so the diagram sees nothing new.
    if (ids.length === last.current.length && ids.every((id, i) => id === last.current[i])) return last.current;
    last.current = ids.length === 0 ? NONE : ids;
    return last.current;
  }, [patterns, props.snapshot]);
  return <Diagram {...props} highlight={highlight} />;
}
