/**
 * The cluster diagram with the open lesson's current step highlighted: the step's ```highlight
 * ids and patterns (`pod/kube-system/kube-proxy-*`), which the diagram matches itself. DiagramArea
 * loads this lazily in place of the bare Diagram, so nothing is added to the first prompt.
 */
import Diagram, { type DiagramProps } from '../diagram/Diagram';
import { useApp } from '../storeContext';

export default function LessonDiagram(props: Omit<DiagramProps, 'highlight'>) {
  // The compiled lesson's own array: the same reference while the current step stays the same.
  const highlight = useApp((s) => (s.lesson && s.lessonProgress ? s.lesson.steps[s.lessonProgress.current]?.highlight : undefined));
  return <Diagram {...props} {...(highlight ? { highlight } : {})} />;
}
