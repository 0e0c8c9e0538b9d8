import { Fragment, useMemo } from 'react';
import type { RunnableBlock as Block } from '../../lessons';
import { RunnableBlock } from './RunnableBlock';
import { sanitizeLessonHtml } from './sanitize';

const PLACEHOLDER = /<div data-kp-block="(\d+)"><\/div>/g;

/** A step's HTML with its runnable blocks mounted where the compiler left placeholders. */
export function LessonHtml({ html, blocks, onRun }: { html: string; blocks: readonly Block[]; onRun?: (block: Block) => void }) {
  const parts = useMemo(() => {
    const out: ({ kind: 'html'; html: string } | { kind: 'block'; block: Block })[] = [];
    let last = 0;
    for (const m of html.matchAll(PLACEHOLDER)) {
      out.push({ kind: 'html', html: sanitizeLessonHtml(html.slice(last, m.index)) });
      const block = blocks.find((b) => b.index === Number(m[1]));
      if (block) out.push({ kind: 'block', block });
      last = m.index + m[0].length;
    }
    out.push({ kind: 'html', html: sanitizeLessonHtml(html.slice(last)) });
    return out;
  }, [html, blocks]);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part.kind === 'html' ? <div className="kp-prose" dangerouslySetInnerHTML={{ __html: part.html }} /> : <RunnableBlock block={part.block} {...(onRun ? { onRun } : {})} />}
        </Fragment>
      ))}
    </>
  );
}
