/**
 * The page's language for the diagram's words: a `lang` prop when given (tests, embedding), else
 * the app store's, else English (the diagram rendered on its own, as in server-side tests).
 */
import { useContext, useSyncExternalStore } from 'react';
import type { Lang } from '../../store';
import { StoreContext } from '../storeContext';

const NO_STORE = () => () => undefined;

export function useLang(given: Lang | undefined): Lang {
  const store = useContext(StoreContext);
  const read = () => store?.getState().lang;
  const fromStore = useSyncExternalStore(store?.subscribe ?? NO_STORE, read, read);
  return given ?? fromStore ?? 'en';
}
