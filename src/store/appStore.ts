/**
 * The one zustand store. The engine owns cluster truth; the store holds a reference to the
 * playground, the latest world snapshot (refreshed when the world's revision moves, and every
 * second so ages tick), lesson progress and UI-only state. Persistence and the clock driver hang
 * off it; React components read it through narrow selectors.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { snapshotOf, type WorldSnapshot } from '../engine';
import { Playground, type NodeName } from './playground';
import { startClockDriver, type ClockDriver } from './clockDriver';
import { browserStorage, clearSession, loadSession, saveSession, type StorageLike } from './persistence';
import type { Lang, PageOptions, Theme } from './route';
import { createLessonLoader, type LessonSource, type LessonState } from './lessonSlice';
import type { WebuiTarget } from './webuiPoller';

/** What shows on phones, one at a time; 'webui' only while the web UI is open. */
export type Panel = 'lesson' | 'terminal' | 'diagram' | 'webui';

export type NoticeKind = 'progress-reset' | 'storage-blocked' | 'storage-full' | 'lesson-error';

export interface Notice {
  readonly id: number;
  readonly kind: NoticeKind;
  readonly detail?: string;
}

export interface AppState extends LessonState {
  readonly playground: Playground | undefined;
  readonly snapshot: WorldSnapshot | undefined;
  readonly lang: Lang;
  readonly lessonId: string;
  /** Done step ids per lesson id (language independent). */
  readonly progress: Readonly<Record<string, readonly string[]>>;
  readonly panel: Panel;
  readonly activeNode: NodeName;
  readonly screenReaderMode: boolean;
  readonly diagramAsTable: boolean;
  /** The DockerCoins web UI panel, open on this node and port; undefined when closed. */
  readonly webui: WebuiTarget | undefined;
  readonly theme: Theme;
  readonly embed: boolean;
  readonly speed: number;
  readonly notices: readonly Notice[];
  readonly promptReady: boolean;
}

export interface AppActions {
  boot(): Promise<void>;
  setLang(lang: Lang): void;
  setLesson(lessonId: string): void;
  setPanel(panel: Panel): void;
  setActiveNode(node: NodeName): void;
  setScreenReaderMode(on: boolean): void;
  setDiagramAsTable(on: boolean): void;
  /** Opens the web UI panel on a node and port (or switches it there), or closes it. */
  setWebui(target: WebuiTarget | undefined): void;
  markStepsDone(lessonId: string, stepIds: readonly string[]): void;
  /** A reading step (no checks) the learner marks as done. */
  markStepDone(stepId: string): void;
  markPromptReady(): void;
  dismissNotice(id: number): void;
  notify(kind: NoticeKind, detail?: string): void;
  /** Drops the cluster, terminals and progress, and starts a fresh world. */
  reset(): void;
  /** Saves now (also done on a timer and when the page is hidden). */
  save(): void;
  /** Moves the virtual clock by hand (automation, tests). */
  advance(ms: number): void;
}

export type AppStore = StoreApi<AppState & AppActions>;

export interface AppStoreInit {
  readonly options: PageOptions;
  readonly lang: Lang;
  readonly lessonId: string;
  readonly theme: Theme;
  readonly lessons: LessonSource;
  readonly storage?: StorageLike | undefined;
  /** Fresh seeds and epochs come from real time here, the store's job; the engine never reads it. */
  readonly newSeed?: () => string;
  readonly wallNow?: () => number;
}

const SNAPSHOT_REFRESH_MS = 1_000;
const SAVE_INTERVAL_MS = 2_000;

export function createAppStore(init: AppStoreInit): AppStore {
  const storage = init.storage === undefined ? browserStorage() : init.storage;
  const wallNow = init.wallNow ?? (() => Date.now());
  const newSeed = init.newSeed ?? (() => Math.random().toString(36).slice(2, 10));
  let driver: ClockDriver | undefined;
  let lastRevision = -1;
  let lastRefresh = 0;
  let lastSave = 0;
  let savedJournalLength = 0;
  let noticeId = 0;
  let storageWarned = false;

  const store = createStore<AppState & AppActions>()((set, get) => {
    const lessons = createLessonLoader(init.lessons, init.options.lessonUrl, (partial) => set(partial), () => evaluateProgress());
    lessons.prefetch(init.lang, init.lessonId);
    const loadLesson = () => {
      const { lang, lessonId, progress } = get();
      lessons.load(lang, lessonId, progress[lessonId] ?? []);
    };
    const evaluateProgress = () => {
      const playground = get().playground;
      if (!playground) return;
      const progress = lessons.evaluate(playground.world);
      if (progress) get().markStepsDone(progress.lessonId, progress.steps.filter((st) => st.done).map((st) => st.id));
    };

    const refresh = (force = false) => {
      const playground = get().playground;
      if (!playground) return;
      const world = playground.world;
      const due = world.now() - lastRefresh >= SNAPSHOT_REFRESH_MS;
      if (force || world.revision !== lastRevision || due) {
        lastRevision = world.revision;
        lastRefresh = world.now();
        set({ snapshot: snapshotOf(world) });
        evaluateProgress();
      }
    };

    const notify = (kind: NoticeKind, detail?: string) => {
      set({ notices: [...get().notices, { id: ++noticeId, kind, ...(detail === undefined ? {} : { detail }) }] });
    };

    const save = () => {
      const { playground, progress, lang, lessonId } = get();
      if (!playground) return;
      const result = saveSession(storage, {
        seed: playground.seed,
        epochMs: playground.epochMs,
        now: playground.world.now(),
        journal: playground.journal,
        progress,
        lang,
        lessonId,
      }, wallNow());
      if (result !== 'saved' && !storageWarned) {
        storageWarned = true;
        notify(result === 'quota' ? 'storage-full' : 'storage-blocked');
      }
    };

    const start = (playground: Playground) => {
      driver?.stop();
      get().playground?.dispose();
      lastRevision = -1;
      savedJournalLength = playground.journal.length;
      set({ playground, snapshot: snapshotOf(playground.world), promptReady: false });
      driver = startClockDriver((ms) => playground.advance(ms), () => {
        refresh();
        // Save as soon as the learner did something (a new journal entry), and now and then so
        // the virtual clock's progress is kept too.
        const journalGrew = playground.journal.length !== savedJournalLength;
        if (journalGrew || playground.world.now() - lastSave >= SAVE_INTERVAL_MS * get().speed) {
          lastSave = playground.world.now();
          savedJournalLength = playground.journal.length;
          save();
        }
      }, get().speed);
    };

    return {
      playground: undefined,
      snapshot: undefined,
      lang: init.lang,
      lessonId: init.lessonId,
      progress: {},
      panel: 'lesson',
      activeNode: 'node1',
      screenReaderMode: false,
      diagramAsTable: false,
      webui: undefined,
      theme: init.theme,
      embed: init.options.embed,
      speed: init.options.speed,
      notices: [],
      promptReady: false,
      catalogue: init.lessons.catalogue,
      lesson: undefined,
      lessonStatus: 'loading',
      lessonError: undefined,
      lessonProgress: undefined,

      async boot() {
        const loaded = loadSession(storage);
        if (loaded.kind === 'loaded') {
          try {
            const playground = await Playground.restore(loaded.session);
            set({ progress: loaded.session.progress });
            start(playground);
            return;
          } catch {
            clearSession(storage);
            notify('progress-reset');
          }
        } else if (loaded.kind === 'reset') {
          if (loaded.reason === 'blocked') {
            storageWarned = true;
            notify('storage-blocked');
          } else {
            clearSession(storage);
            notify('progress-reset', loaded.reason);
          }
        }
        start(new Playground({ seed: newSeed(), epochMs: wallNow() }));
      },
      setLang(lang) {
        if (lang === get().lang) return;
        set({ lang });
        loadLesson();
      },
      setLesson(lessonId) {
        if (lessonId === get().lessonId) return;
        set({ lessonId });
        loadLesson();
      },
      setPanel: (panel) => set({ panel }),
      setActiveNode: (activeNode) => set({ activeNode }),
      setScreenReaderMode: (screenReaderMode) => set({ screenReaderMode }),
      setDiagramAsTable: (diagramAsTable) => set({ diagramAsTable }),
      setWebui: (webui) => set({ webui }),
      markStepsDone(lessonId, stepIds) {
        const done = get().progress[lessonId] ?? [];
        const added = stepIds.filter((id) => !done.includes(id));
        if (added.length === 0) return;
        set({ progress: { ...get().progress, [lessonId]: [...done, ...added] } });
        save();
      },
      markStepDone(stepId) {
        lessons.markDone(stepId);
        evaluateProgress();
      },
      markPromptReady() {
        if (get().promptReady) return;
        set({ promptReady: true });
        // The prompt comes first, then the lesson. The shell's interpreter loads as soon as a line is
        // entered, else once the lesson is on screen: the UI loads it and the rest in turn, the heavy
        // commands last (src/ui/afterPrompt.ts), so on a slow network nothing competes with the
        // lesson's text. Without a UI, the first line entered loads it.
        loadLesson();
      },
      dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
      notify,
      reset() {
        clearSession(storage);
        set({ progress: {} });
        start(new Playground({ seed: newSeed(), epochMs: wallNow() }));
        loadLesson();
        save();
      },
      save,
      advance(ms) {
        const playground = get().playground;
        if (!playground || !Number.isFinite(ms) || ms < 0) return;
        playground.advance(ms);
        refresh(true);
      },
    };
  });
  return store;
}
