/**
 * The web UI's lazily loaded entry (default export, loaded once the first prompt is painted). The
 * app renders it in three places, one `part` each, so that one lazy chunk serves the toolbar button,
 * the phone tab and the panel; the first-prompt bundle only holds the lazy() call.
 *
 * The panel part also wires the ways in: a lesson link to `http://node1:8000` and a clicked address
 * in a terminal open the panel instead of a new tab (no such host exists outside this page).
 */
import './webui.css';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { World } from '../../engine';
import {
  WEBUI_PORT, browserGet, startWebuiPoller, webuiAddress, type AppStore, type NodeName, type Panel, type WebuiPoller, type WebuiTarget, type WebuiView,
} from '../../store';
import { useApp, useAppStore } from '../storeContext';
import { setTerminalLinkFinder } from '../terminal/TerminalView';
import { PHONE_LAYOUT } from '../useMediaQuery';
import { webuiTargetOf } from './links';
import { webuiMessages, type WebuiMessages } from './messages';
import { webuiLinkFinder } from './terminalLinks';
import { WebuiPanel } from './WebuiPanel';

export type WebuiPart = 'button' | 'tab' | 'panel';

export default function WebuiRoot({ part }: { readonly part: WebuiPart }) {
  const t = webuiMessages(useApp((s) => s.lang));
  switch (part) {
    case 'button': return <OpenButton t={t} />;
    case 'tab': return <PhoneTab t={t} />;
    case 'panel': return <PanelHost t={t} />;
  }
}

// On phones, where the learner was when the panel opened (a lesson link, a terminal), to go back there.
let returnTo: Exclude<Panel, 'webui'> = 'terminal';

/** Opens the panel (the page's `panel` only matters on phones, where it picks what shows). */
export function openWebui(store: AppStore, target: WebuiTarget): void {
  const state = store.getState();
  state.setWebui(target);
  if (!window.matchMedia(PHONE_LAYOUT).matches) return;
  if (state.panel !== 'webui') returnTo = state.panel;
  state.setPanel('webui');
}

export function closeWebui(store: AppStore): void {
  const state = store.getState();
  state.setWebui(undefined);
  if (state.panel === 'webui') state.setPanel(returnTo);
}

function OpenButton({ t }: { readonly t: WebuiMessages }) {
  const store = useAppStore();
  const open = useApp((s) => s.webui !== undefined);
  const node = useApp((s) => s.activeNode);
  const target = { node, port: WEBUI_PORT };
  const onClick = () => (open ? closeWebui(store) : openWebui(store, target));
  return (
    <button type="button" className="kp-webui-open" aria-pressed={open} onClick={onClick} title={t.openLabel(webuiAddress(target))} data-testid="webui-open">
      {t.open}
    </button>
  );
}

function PhoneTab({ t }: { readonly t: WebuiMessages }) {
  const open = useApp((s) => s.webui !== undefined);
  const panel = useApp((s) => s.panel);
  const setPanel = useApp((s) => s.setPanel);
  if (!open) return null;
  return (
    <button type="button" aria-pressed={panel === 'webui'} onClick={() => setPanel('webui')} data-testid="panel-webui">
      {t.tab}
    </button>
  );
}

function PanelHost({ t }: { readonly t: WebuiMessages }) {
  const store = useAppStore();
  const target = useApp((s) => s.webui);
  const world = useApp((s) => s.playground?.world);
  useWaysIn(store);
  const view = usePoller(world, target);
  const onClose = useCallback(() => {
    closeWebui(store);
    document.querySelector<HTMLElement>('[data-testid="webui-open"]')?.focus();
  }, [store]);
  const onNode = useCallback((node: NodeName) => store.getState().setWebui({ node, port: target?.port ?? WEBUI_PORT }), [store, target?.port]);
  if (target === undefined || view === undefined) return null;
  return <WebuiPanel view={view} t={t} onClose={onClose} onNode={onNode} />;
}

/** One poller per open page: a new world (start over), node or port is a new page load. */
function usePoller(world: World | undefined, target: WebuiTarget | undefined): WebuiView | undefined {
  const [poller, setPoller] = useState<WebuiPoller | undefined>(undefined);
  const node = target?.node;
  const port = target?.port;
  useEffect(() => {
    if (world === undefined || node === undefined || port === undefined) {
      setPoller(undefined);
      return undefined;
    }
    const started = startWebuiPoller({ world, target: { node, port }, get: browserGet });
    // Replaced in the same commit when the node changes: the panel stays mounted (and keeps focus).
    setPoller(started);
    return () => started.stop();
  }, [world, node, port]);
  const subscribe = useCallback((onChange: () => void) => poller?.subscribe(onChange) ?? (() => undefined), [poller]);
  const read = useCallback(() => poller?.getView(), [poller]);
  return useSyncExternalStore(subscribe, read, read);
}

/** Lesson links and terminal addresses that point at a node's web UI open the panel. */
function useWaysIn(store: AppStore): void {
  useEffect(() => {
    const hosts = () => store.getState().snapshot?.hosts ?? [];
    const open = (target: WebuiTarget) => openWebui(store, target);
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || !(event.target instanceof Element)) return;
      const anchor = event.target.closest('a[href]');
      const target = anchor === null ? undefined : webuiTargetOf(anchor.getAttribute('href') ?? '', { hosts: hosts() });
      if (target === undefined) return;
      event.preventDefault();
      open(target);
    };
    // Capture: before the link's default action (a new tab to a host that only exists in here).
    document.addEventListener('click', onClick, true);
    setTerminalLinkFinder(webuiLinkFinder(hosts, open));
    return () => {
      document.removeEventListener('click', onClick, true);
      setTerminalLinkFinder(undefined);
    };
  }, [store]);
}
