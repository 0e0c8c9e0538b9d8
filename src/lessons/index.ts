/**
 * The lessons layer's public surface: the compiled lesson model, progress from world state, the
 * check and variable registries, translation parity, and headless replay. The Markdown compiler
 * (marked + yaml) is only reachable through loadLessonCompiler(), so it stays out of the page's
 * first bundle; built-in lessons arrive precompiled from `virtual:kubeplay-lessons`.
 */
export { LANGS, DEFAULT_NODES, isLang, catalogueEntryOf, formatCompileError } from './model';
export type { Lang, JsonValue, CheckSpec, RunnableBlock, CompiledStep, CompiledLesson, CatalogueEntry, CompileError } from './model';

export { loadLessonCompiler } from './compile/load';
export type { CompileLessonFn } from './compile/load';
export type { CompileOptions, CompileResult } from './compile/compileLesson';

export { ProgressTracker, evaluateStepChecks } from './progress';
export type { CheckStatus, StepProgress, LessonProgress, ProgressOptions } from './progress';

export { PREDICATES, predicateNamed } from './checks/registry';
export { prepareCheck } from './checks/prepare';
export type { PreparedCheck, Prepared } from './checks/prepare';
export type { AnyPredicate, ArgDoc, ValidateContext } from './checks/types';

export { VARIABLES, variableNamed } from './variables/registry';
export { resolveCommand, variablesIn } from './variables/template';
export type { Resolution, VariableUse } from './variables/template';
export type { TemplateVariable } from './variables/types';

export { compareTranslations, compareCatalogue } from './parity';
export { resolveHighlights, unmatchedHighlights, diagramIds } from './highlight';

export { replayLesson, Replay } from './replay/replay';
export { formatStepReport, summaryLine } from './replay/report';
export type { ReplayShell, ReplayOptions, StepReport, StepOutcome } from './replay/types';
