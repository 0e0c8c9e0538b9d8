/**
 * The interface's own words in both languages. A typed dictionary rather than an i18n library:
 * a few dozen strings don't justify kilobytes on the first-prompt path, and a missing key is a
 * compile error here.
 */
import type { Lang } from '../store';

const en = {
  appTagline: 'Play with Kubernetes in your browser',
  language: 'Language',
  reset: 'Start over',
  /** The web UI button's word, for its stand-in until the web UI's chunk arrives (webui/messages.ts `open`). */
  webuiOpen: 'Web UI',
  resetConfirm: 'Start over? This deletes the cluster, both terminals and your lesson progress.',
  lesson: 'Lesson',
  terminal: 'Terminal',
  diagram: 'Diagram',
  panels: 'Panels',
  nodes: 'Nodes',
  runOn: (node: string) => `Run on ${node}`,
  runOnLabel: (node: string, command: string) => `Type this command into ${node}'s terminal: ${command}`,
  stepDone: 'Done',
  stepPending: 'Not done yet',
  stepChecks: 'This step is done when:',
  progress: (done: number, total: number) => `${done} of ${total} steps done`,
  lessonLoading: 'Loading the lesson…',
  lessonMissing: 'This lesson does not exist in this language.',
  lessonError: (detail: string) => `The lesson could not be loaded: ${detail}`,
  lessonsMenu: 'Lessons',
  previousLesson: 'Previous lesson',
  nextLesson: 'Next lesson',
  diagramLoading: 'Loading the diagram…',
  diagramError: (detail: string) => `The diagram could not be loaded: ${detail}. The terminals and the lesson still work; reload the page to try again.`,
  diagramAsTable: 'Show as table',
  diagramAsPicture: 'Show as diagram',
  screenReader: 'Screen reader mode',
  terminalHint: 'Esc leaves the terminal; Tab then moves on.',
  terminalLeave: 'Press Escape, then Tab, to leave the terminal (Shift+Escape while an editor is open).',
  terminalLeft: 'Left the terminal: Tab, then Enter, goes back to the lesson; Shift+Tab returns to the terminal.',
  backToLesson: 'Back to the lesson',
  dismiss: 'Dismiss',
  noticeProgressReset: 'Your saved session could not be read, so kubeplay started a fresh one.',
  noticeStorageBlocked: 'This browser blocks storage here: your work will not be kept after a reload.',
  noticeStorageFull: 'The browser storage is full: recent work is not being saved.',
  noticeLessonError: (detail: string) => `Lesson problem: ${detail}`,
  skipToTerminal: 'Skip to the terminal',
};

export type Messages = typeof en;

const es: Messages = {
  appTagline: 'Juega con Kubernetes en tu navegador',
  language: 'Idioma',
  reset: 'Empezar de nuevo',
  webuiOpen: 'Interfaz web',
  resetConfirm: '¿Empezar de nuevo? Se borran el clúster, las dos terminales y tu progreso en las lecciones.',
  lesson: 'Lección',
  terminal: 'Terminal',
  diagram: 'Diagrama',
  panels: 'Paneles',
  nodes: 'Nodos',
  runOn: (node) => `Ejecutar en ${node}`,
  runOnLabel: (node, command) => `Escribir este comando en la terminal de ${node}: ${command}`,
  stepDone: 'Hecho',
  stepPending: 'Aún no',
  stepChecks: 'Este paso está hecho cuando:',
  progress: (done, total) => `${done} de ${total} pasos hechos`,
  lessonLoading: 'Cargando la lección…',
  lessonMissing: 'Esta lección no existe en este idioma.',
  lessonError: (detail) => `No se pudo cargar la lección: ${detail}`,
  lessonsMenu: 'Lecciones',
  previousLesson: 'Lección anterior',
  nextLesson: 'Lección siguiente',
  diagramLoading: 'Cargando el diagrama…',
  diagramError: (detail) => `No se pudo cargar el diagrama: ${detail}. Las terminales y la lección siguen funcionando; recarga la página para volver a intentarlo.`,
  diagramAsTable: 'Ver como tabla',
  diagramAsPicture: 'Ver como diagrama',
  screenReader: 'Modo lector de pantalla',
  terminalHint: 'Esc sale de la terminal; luego Tab avanza.',
  terminalLeave: 'Pulsa Escape y luego Tab para salir de la terminal (Mayús+Escape con un editor abierto).',
  terminalLeft: 'Fuera de la terminal: Tab y luego Intro vuelven a la lección; Mayús+Tab, a la terminal.',
  backToLesson: 'Volver a la lección',
  dismiss: 'Cerrar',
  noticeProgressReset: 'No se pudo leer tu sesión guardada, así que kubeplay empezó una nueva.',
  noticeStorageBlocked: 'Este navegador bloquea el almacenamiento aquí: tu trabajo no se guardará al recargar.',
  noticeStorageFull: 'El almacenamiento del navegador está lleno: lo último no se está guardando.',
  noticeLessonError: (detail) => `Problema con la lección: ${detail}`,
  skipToTerminal: 'Saltar a la terminal',
};

const MESSAGES: Record<Lang, Messages> = { en, es };

export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}
