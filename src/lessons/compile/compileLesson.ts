/**
 * Compiles one lesson's Markdown into a CompiledLesson (pure; runs at build time for the
 * built-in lessons and, loaded lazily, in the page for a teacher's own lesson).
 *
 * Structure: front matter, an intro before the first `##`, one step per `##` section
 * (`## Title {#step-id}`), runnable ```bash node1 blocks, hidden ```check and ```highlight blocks.
 * Every problem is reported with its line, all at once, so a teacher fixes a file in one pass.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { ValidateContext } from '../checks/types';
import { DEFAULT_NODES, type CheckSpec, type CompileError, type CompiledLesson, type CompiledStep, type Lang, type RunnableBlock } from '../model';
import { VARIABLES, variableNamed } from '../variables/registry';
import { variablesIn } from '../variables/template';
import { parseHighlightBlock } from '../highlight';
import { parseCheckBlock } from './checkBlock';
import { classifyInfoString } from './codeBlocks';
import { ID_PATTERN, splitFrontMatter, type LineError } from './frontMatter';
import { createLessonMarkdown, plainText, type LessonMarkdown } from './markdown';
import { didYouMean } from './suggest';

export interface CompileOptions {
  readonly lang: Lang;
  /** Shown in errors and kept in the lesson: "lessons/en/01-start-the-cluster.md". */
  readonly source: string;
  /** Nodes runnable blocks may name; default node1, node2. */
  readonly nodes?: readonly string[];
  /**
   * Built-in lessons need a place in the list (front matter `order` or the file name's number);
   * a teacher's single lesson does not, and gets order 1.
   */
  readonly requireOrder?: boolean;
}

export type CompileResult = { readonly ok: true; readonly lesson: CompiledLesson } | { readonly ok: false; readonly errors: readonly CompileError[] };

/** What a step's fenced blocks contribute. */
interface Found {
  readonly blocks: RunnableBlock[];
  readonly checks: CheckSpec[];
  readonly highlight: string[];
}

interface Section {
  readonly heading: Tokens.Heading | undefined;
  readonly line: number;
  readonly tokens: Token[];
  readonly lines: number[];
}

export function compileLesson(markdown: string, options: CompileOptions): CompileResult {
  const errors: LineError[] = [];
  const fail = (): CompileResult => ({
    ok: false,
    errors: [...errors].sort((a, b) => a.line - b.line).map((e) => ({ source: options.source, line: e.line, message: e.message })),
  });
  const front = splitFrontMatter(markdown);
  if (!front.ok) {
    errors.push(...front.errors);
    return fail();
  }
  const order = resolveOrder(front.frontMatter.order, options.source, options.requireOrder ?? false, errors);
  const ctx: ValidateContext = { nodes: options.nodes ?? DEFAULT_NODES };
  const md = createLessonMarkdown();
  const sections = splitSections(md, front.body, front.bodyStartLine);
  const [intro, ...stepSections] = sections as [Section, ...Section[]];
  if (stepSections.length === 0) {
    errors.push({ line: front.bodyStartLine, message: 'a lesson needs at least one step: start each step with a "## Title" line' });
  }
  const counter = { next: 0 };
  collectCode(md, intro, ctx, counter, errors, undefined);
  const steps: CompiledStep[] = [];
  const seenIds = new Map<string, number>();
  stepSections.forEach((section, i) => {
    const heading = section.heading!;
    const { id, title, titleHtml } = parseHeading(md, heading, i, section.line, errors);
    const previous = seenIds.get(id);
    if (previous !== undefined) errors.push({ line: section.line, message: `step id "${id}" is already used by the step on line ${previous}: give one of them another {#id}` });
    seenIds.set(id, section.line);
    const found: Found = { blocks: [], checks: [], highlight: [] };
    collectCode(md, section, ctx, counter, errors, found);
    steps.push({
      id, title, titleHtml, html: render(md, section.tokens), blocks: found.blocks, checks: found.checks,
      ...(found.highlight.length > 0 ? { highlight: found.highlight } : {}),
      line: section.line,
    });
  });
  if (errors.length > 0 || order === undefined) return fail();
  const fm = front.frontMatter;
  return {
    ok: true,
    lesson: {
      id: fm.id,
      lang: options.lang,
      title: fm.title,
      summary: fm.summary,
      order,
      ...(fm.estimatedMinutes !== undefined ? { estimatedMinutes: fm.estimatedMinutes } : {}),
      source: options.source,
      introHtml: render(md, intro.tokens),
      steps,
    },
  };
}

/** `order` from the front matter, else the file name's number ("01-..." → 1); both must agree. */
function resolveOrder(declared: number | undefined, source: string, required: boolean, errors: LineError[]): number | undefined {
  const m = source.split('/').pop()?.match(/^(\d+)-/);
  const fromName = m ? Number(m[1]) : undefined;
  if (declared !== undefined && fromName !== undefined && declared !== fromName) {
    errors.push({ line: 1, message: `"order: ${declared}" disagrees with the file name's number ${m![1]}: change one of them` });
    return undefined;
  }
  const order = declared ?? fromName ?? (required ? undefined : 1);
  if (order === undefined) errors.push({ line: 1, message: 'give the lesson an "order" in the front matter, or start its file name with a number ("01-...")' });
  return order;
}

function splitSections(md: LessonMarkdown, body: string, startLine: number): Section[] {
  const tokens = md.marked.lexer(body);
  const sections: Section[] = [{ heading: undefined, line: startLine, tokens: [], lines: [] }];
  let line = startLine;
  for (const token of tokens) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 2) {
      sections.push({ heading: token as Tokens.Heading, line, tokens: [], lines: [] });
    } else {
      const section = sections[sections.length - 1]!;
      section.tokens.push(token);
      section.lines.push(line);
    }
    line += countNewlines(token.raw);
  }
  return sections;
}

function parseHeading(md: LessonMarkdown, heading: Tokens.Heading, index: number, line: number, errors: LineError[]) {
  const m = heading.text.match(/^(.*?)\s*\{#([^}]*)\}\s*$/);
  const titleText = (m ? m[1]! : heading.text).trim();
  const title = plainText(Lexer.lexInline(titleText));
  if (title === '') errors.push({ line, message: 'this step has no title: write "## What the step does"' });
  const explicit = m?.[2]?.trim();
  if (explicit !== undefined && !ID_PATTERN.test(explicit)) {
    errors.push({ line, message: `step id "{#${explicit}}" must be lowercase letters, digits and dashes, like {#join-node2}` });
  }
  const id = explicit ?? (slugify(title) || `step-${index + 1}`);
  const titleHtml = md.marked.parseInline(titleText) as string;
  return { id, title, titleHtml };
}

/** "Únete al clúster (node2)" → "unete-al-cluster-node2". */
export function slugify(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Finds every fenced block of a section (nested in lists and quotes too), decides how it renders,
 * and collects runnable blocks and checks. `found` is undefined for the intro, which has neither.
 */
function collectCode(
  md: LessonMarkdown,
  section: Section,
  ctx: ValidateContext,
  counter: { next: number },
  errors: LineError[],
  found: Found | undefined,
): void {
  section.tokens.forEach((top, i) => {
    const topLine = section.lines[i]!;
    let cursor = 0;
    for (const code of codeTokens(top)) {
      const fence = code.raw.split('\n')[0]!.trim();
      const at = top.raw.indexOf(fence, cursor);
      cursor = at < 0 ? cursor : at + fence.length;
      const line = topLine + (at < 0 ? 0 : countNewlines(top.raw.slice(0, at)));
      const kind = classifyInfoString(code.lang, ctx.nodes);
      switch (kind.kind) {
        case 'show':
          break;
        case 'error':
          errors.push({ line, message: kind.message });
          break;
        case 'check': {
          md.codeActions.set(code, { kind: 'hidden' });
          if (!found) {
            errors.push({ line, message: 'checks belong to a step: move this ```check block under a "## Step" heading' });
            break;
          }
          const parsed = parseCheckBlock(code.text, line + 1, ctx);
          found.checks.push(...parsed.checks);
          errors.push(...parsed.errors);
          break;
        }
        case 'highlight': {
          md.codeActions.set(code, { kind: 'hidden' });
          if (!found) {
            errors.push({ line, message: 'highlights belong to a step: move this ```highlight block under a "## Step" heading' });
            break;
          }
          const parsed = parseHighlightBlock(code.text, line + 1, ctx.nodes);
          for (const id of parsed.ids) if (!found.highlight.includes(id)) found.highlight.push(id);
          errors.push(...parsed.errors);
          break;
        }
        case 'run': {
          if (!found) {
            errors.push({ line, message: `runnable blocks belong to a step: move this \`\`\`bash ${kind.node} block under a "## Step" heading` });
            break;
          }
          const command = code.text.replace(/\s+$/, '');
          if (command.trim() === '') {
            errors.push({ line, message: `this \`\`\`bash ${kind.node} block is empty: write the command to run` });
            break;
          }
          for (const use of variablesIn(command)) {
            if (variableNamed(use.name)) continue;
            const names = VARIABLES.map((v) => v.name);
            errors.push({ line: line + 1 + use.lineOffset, message: `unknown variable {{${use.name}}}${didYouMean(use.name, names)}; variables are ${names.map((n) => `{{${n}}}`).join(', ')}` });
          }
          const index = counter.next++;
          md.codeActions.set(code, { kind: 'block', index });
          const variables = [...new Set(variablesIn(command).map((u) => u.name))];
          found.blocks.push({
            index, node: kind.node, command, variables, mayFail: kind.mayFail, line,
            ...(kind.interruptAfterMs !== undefined ? { interruptAfterMs: kind.interruptAfterMs } : {}),
          });
          break;
        }
      }
    }
  });
}

function codeTokens(token: Token): Tokens.Code[] {
  if (token.type === 'code') return [token as Tokens.Code];
  const out: Tokens.Code[] = [];
  const children = [...((token as { items?: Token[] }).items ?? []), ...((token as { tokens?: Token[] }).tokens ?? [])];
  for (const child of children) out.push(...codeTokens(child));
  return out;
}

function render(md: LessonMarkdown, tokens: Token[]): string {
  return (md.marked.parser(tokens) as string).trim();
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
