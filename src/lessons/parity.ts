/**
 * The languages of a lesson must teach the same thing: same step ids in the same order, the same
 * runnable blocks (node, command, options such as may-fail and interrupt-after), the same
 * checks and the same diagram highlights. Only the prose differs. Progress is stored by step id,
 * so a learner who switches language keeps their place.
 */
import { deepEqual } from '../engine';
import type { CompiledLesson, CompiledStep, RunnableBlock } from './model';

/** Problems as `file:line: message` lines; empty when the two agree. */
export function compareTranslations(a: CompiledLesson, b: CompiledLesson): string[] {
  const problems: string[] = [];
  const where = (lesson: CompiledLesson, line: number) => `${lesson.source}:${line}`;
  if (a.id !== b.id) problems.push(`${a.source} and ${b.source} have different ids (${a.id}, ${b.id})`);
  if (a.order !== b.order) problems.push(`${where(b, 1)}: order ${b.order} differs from ${a.source}'s ${a.order}`);
  const idsA = a.steps.map((s) => s.id).join(', ');
  const idsB = b.steps.map((s) => s.id).join(', ');
  if (idsA !== idsB) {
    problems.push(`${b.source}: steps [${idsB}] differ from ${a.source}'s [${idsA}]; give matching steps the same {#id} in both languages`);
    return problems;
  }
  a.steps.forEach((stepA, i) => problems.push(...compareSteps(a, stepA, b, b.steps[i]!)));
  return problems;
}

function compareSteps(a: CompiledLesson, sa: CompiledStep, b: CompiledLesson, sb: CompiledStep): string[] {
  const problems: string[] = [];
  const at = `${b.source}:${sb.line}`;
  if (sa.blocks.length !== sb.blocks.length) {
    problems.push(`${at}: step "${sb.id}" has ${sb.blocks.length} runnable block(s), ${a.source}:${sa.line} has ${sa.blocks.length}`);
  } else {
    sa.blocks.forEach((ba, i) => {
      const bb = sb.blocks[i]!;
      if (ba.node !== bb.node || ba.command !== bb.command || ba.mayFail !== bb.mayFail || ba.interruptAfterMs !== bb.interruptAfterMs) {
        const [lineB, lineA] = firstDifference(bb.command, ba.command);
        problems.push(`${b.source}:${bb.line}: block ${i + 1} of step "${sb.id}" differs from ${a.source}:${ba.line} (\`${lineB}\` on ${bb.node}${optionsOf(bb)} vs \`${lineA}\` on ${ba.node}${optionsOf(ba)})`);
      }
    });
  }
  const checksA = sa.checks.map((c) => ({ predicate: c.predicate, args: c.args }));
  const checksB = sb.checks.map((c) => ({ predicate: c.predicate, args: c.args }));
  if (!deepEqual(checksA, checksB)) {
    problems.push(`${at}: the checks of step "${sb.id}" differ from ${a.source}:${sa.line}`);
  }
  if (!deepEqual(sa.highlight ?? [], sb.highlight ?? [])) {
    problems.push(`${at}: the highlights of step "${sb.id}" differ from ${a.source}:${sa.line}`);
  }
  return problems;
}

/** The block's options as the info string spells them: " (may-fail, interrupt-after=30s)". */
function optionsOf(block: RunnableBlock): string {
  const options = [
    ...(block.mayFail ? ['may-fail'] : []),
    ...(block.interruptAfterMs !== undefined ? [`interrupt-after=${block.interruptAfterMs / 1000}s`] : []),
  ];
  return options.length > 0 ? ` (${options.join(', ')})` : '';
}

/** The first line where two commands differ (the first line when only node or options do). */
function firstDifference(a: string, b: string): [string, string] {
  const la = a.split('\n');
  const lb = b.split('\n');
  const i = Math.max(0, la.findIndex((line, k) => line !== lb[k]));
  return [clip(la[i] ?? ''), clip(lb[i] ?? '')];
}

function clip(line: string): string {
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/** Every lesson id must exist in every language; pairs each translation with the first language's. */
export function compareCatalogue(lessons: readonly CompiledLesson[], langs: readonly string[]): string[] {
  const problems: string[] = [];
  const ids = [...new Set(lessons.map((l) => l.id))].sort();
  for (const id of ids) {
    const versions = langs.map((lang) => lessons.find((l) => l.id === id && l.lang === lang));
    const present = versions.filter((v): v is CompiledLesson => v !== undefined);
    langs.forEach((lang, i) => {
      if (!versions[i]) problems.push(`lesson "${id}" has no ${lang} version (it exists in ${present.map((p) => p.source).join(', ')})`);
    });
    const [first, ...rest] = present;
    if (first) for (const other of rest) problems.push(...compareTranslations(first, other));
  }
  return problems;
}
