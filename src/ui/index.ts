/**
 * The UI layer's surface for main.tsx.
 */
import type { AppStore } from '../store';
import { createAutomationApi, listenForMessages, type KubeplayApi } from './automation';
import { readScreen } from './screens';
import { currentProgress } from './lesson/progressReport';

export { App } from './App';
export { StoreContext } from './storeContext';
export { syncRoute } from './routeSync';
export type { KubeplayApi } from './automation';

declare global {
  interface Window {
    kubeplay?: KubeplayApi;
  }
}

/** Publishes window.kubeplay and, for trusted embedding origins, the postMessage bridge. */
export function installAutomation(store: AppStore, allowedOrigins: readonly string[]): void {
  const api = createAutomationApi({ store, screen: (node) => readScreen(store, node), progress: () => currentProgress(store) });
  window.kubeplay = api;
  listenForMessages(api, allowedOrigins);
}
