/**
 * window.kubeplay: the automation API for tests and embedding pages (docs/automation.md), also
 * reachable over postMessage from origins the page was told to trust (`?origin=`). Every method
 * validates its input and answers with data, never throws across the boundary for bad input.
 */
import { snapshotOf } from '../engine';
import { NODE_NAMES, type AppStore, type NodeName } from '../store';

export interface RunResult {
  readonly output: string;
  readonly exitCode: number;
}

export interface ProgressReport {
  readonly lang: string;
  readonly lessonId: string;
  readonly steps: readonly { readonly id: string; readonly title: string; readonly done: boolean }[];
  readonly done: number;
  readonly total: number;
}

export interface KubeplayApi {
  readonly version: 1;
  run(node: string, command: string, opts?: { timeoutMs?: number }): Promise<RunResult>;
  type(node: string, text: string): void;
  screen(node: string): string;
  snapshot(): unknown;
  advance(ms: number): void;
  progress(): ProgressReport | undefined;
}

export interface AutomationDeps {
  readonly store: AppStore;
  /** Text of a node's terminal (scrollback + viewport, wrapped rows joined). */
  readonly screen: (node: NodeName) => string;
  readonly progress: () => ProgressReport | undefined;
}

function asNode(node: string): NodeName {
  if (!(NODE_NAMES as readonly string[]).includes(node)) throw new TypeError(`unknown node "${node}" (expected ${NODE_NAMES.join(' or ')})`);
  return node as NodeName;
}

export function createAutomationApi(deps: AutomationDeps): KubeplayApi {
  const terminal = (node: string) => {
    const playground = deps.store.getState().playground;
    if (!playground) throw new Error('kubeplay is still starting');
    return playground.terminal(asNode(node));
  };
  return {
    version: 1,
    async run(node, command, opts) {
      if (typeof command !== 'string') throw new TypeError('command must be a string');
      const session = terminal(node).session;
      const run = session.run(command);
      const timeoutMs = opts?.timeoutMs;
      if (timeoutMs === undefined) return run;
      let timer = 0;
      const timeout = new Promise<RunResult>((resolve) => {
        timer = window.setTimeout(() => {
          session.input('\x03');
          resolve(run);
        }, timeoutMs);
      });
      try {
        return await Promise.race([run, timeout]);
      } finally {
        window.clearTimeout(timer);
      }
    },
    type(node, text) {
      if (typeof text !== 'string') throw new TypeError('text must be a string');
      terminal(node).session.input(text);
    },
    screen: (node) => deps.screen(asNode(node)),
    snapshot() {
      const playground = deps.store.getState().playground;
      return playground ? JSON.parse(JSON.stringify(snapshotOf(playground.world))) : undefined;
    },
    advance(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new RangeError('advance(ms) takes a non-negative number');
      deps.store.getState().advance(ms);
    },
    progress: deps.progress,
  };
}

interface Request {
  readonly kubeplay: 1;
  readonly id: string | number;
  readonly method: keyof KubeplayApi;
  readonly params?: readonly unknown[];
}

const METHODS = new Set(['run', 'type', 'screen', 'snapshot', 'advance', 'progress']);

function isRequest(data: unknown): data is Request {
  if (typeof data !== 'object' || data === null) return false;
  const r = data as Record<string, unknown>;
  return r['kubeplay'] === 1 && (typeof r['id'] === 'string' || typeof r['id'] === 'number')
    && typeof r['method'] === 'string' && METHODS.has(r['method']) && (r['params'] === undefined || Array.isArray(r['params']));
}

/**
 * The same API over postMessage. Only origins in the allow-list are answered, replies go to that
 * exact origin (never '*'), and malformed messages are ignored.
 */
export function listenForMessages(api: KubeplayApi, allowedOrigins: readonly string[]): () => void {
  if (allowedOrigins.length === 0) return () => {};
  const onMessage = (event: MessageEvent) => {
    if (!allowedOrigins.includes(event.origin) || !isRequest(event.data)) return;
    const { id, method, params = [] } = event.data;
    const source = event.source as Window | null;
    const reply = (payload: Record<string, unknown>) => source?.postMessage({ kubeplay: 1, id, ...payload }, event.origin);
    Promise.resolve()
      .then(() => (api[method] as (...args: unknown[]) => unknown)(...params))
      .then((result) => reply({ result }), (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }));
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}
