/**
 * The store layer's public surface: the app store, the playground, routing and persistence types.
 */
export { createAppStore } from './appStore';
export type { AppStore, AppState, AppActions, Panel, Notice, NoticeKind, AppStoreInit } from './appStore';
export { Playground, NODE_NAMES } from './playground';
export { loadShellModule } from './shellModule';
export type { NodeName } from './playground';
export { BufferedTerminal } from './bufferedTerminal';
export { parseRoute, formatRoute, parsePageOptions, preferredLang } from './route';
export type { Lang, Theme, Route, PageOptions } from './route';
export { clampSpeed } from './clockDriver';
export type { LessonSource, LessonState, LessonStatus } from './lessonSlice';
export { startWebuiPoller, webuiAddress, POLL_INTERVAL_MS, MAX_IN_FLIGHT, WEBUI_PORT } from './webuiPoller';
export type { WebuiPoller, WebuiView, WebuiTarget, WebuiProblem, BrowserGet, BrowserAnswer, BrowserError } from './webuiPoller';
export { browserGet } from './webuiBrowser';
export { SERIES_LENGTH, parseAnswer, pushSample, speedPoints, currentSpeed, formatSpeed, summarize } from './webuiSamples';
export type { WebuiSample, SpeedPoint, SpeedSummary, ParsedAnswer } from './webuiSamples';
