/**
 * The browser tab that shows DockerCoins' web UI: it asks `GET /json` of `http://<node>:<port>`
 * once per second of *virtual* time, as the real page's setInterval(refresh, 1000) does, and keeps
 * the page's series of samples (webuiSamples.ts). The ticks are timers on the world's clock, so they
 * fire exactly where the store's frame loop (or window.kubeplay.advance, or `?speed=`) moves time,
 * never from a real timer; answers come back at the virtual instant the model answers them.
 *
 * The request goes in from outside the nodes, as PWK's port proxy did: to the node (by name) and
 * the published port, so "connection refused" is what a browser gets when nothing listens there.
 * Like the real page, a tick sends a new request whether or not the previous one was answered
 * (a web UI waiting on a stopped Redis piles them up), up to the browser's six connections per host.
 */
import type { BrowserError, TimerId, Unsubscribe, World } from '../engine';
import type { NodeName } from './playground';
import { parseAnswer, pushSample, type WebuiSample } from './webuiSamples';

/** What a browser can report about one request. */
export type BrowserAnswer =
  | { readonly kind: 'response'; readonly status: number; readonly body: string }
  /** `code` is Chromium's, shown under its error page: ERR_CONNECTION_REFUSED. */
  | { readonly kind: 'error'; readonly error: BrowserError; readonly code: string };

export type { BrowserError };

/**
 * Sends one HTTP GET from outside the nodes; `done` runs later, on the world's clock (or now).
 * Returns a way to drop the request (the tab closed), if it can be dropped.
 */
export type BrowserGet = (world: World, url: string, done: (answer: BrowserAnswer) => void) => (() => void) | void;

/** The last request that did not give a sample. */
export type WebuiProblem =
  | { readonly kind: 'network'; readonly error: BrowserError; readonly code: string }
  | { readonly kind: 'http'; readonly status: number }
  | { readonly kind: 'not-webui' };

export interface WebuiTarget {
  readonly node: NodeName;
  readonly port: number;
}

export interface WebuiView {
  readonly target: WebuiTarget;
  /** What the address bar shows: http://node1:8000/ */
  readonly address: string;
  /** The page's rolling series; empty until the first answer. */
  readonly series: readonly WebuiSample[];
  /** Set when the latest finished request gave no sample; cleared by the next good answer. */
  readonly problem: WebuiProblem | undefined;
  /** Requests sent so far (a tick while six are outstanding sends none). */
  readonly sent: number;
  /** Answers that gave a sample. */
  readonly received: number;
}

export interface WebuiPoller {
  getView(): WebuiView;
  subscribe(listener: () => void): Unsubscribe;
  stop(): void;
}

export const POLL_INTERVAL_MS = 1_000;
/** Browsers open at most six connections per host; further requests wait, so none are sent. */
export const MAX_IN_FLIGHT = 6;
export const WEBUI_PORT = 8000;

export interface WebuiPollerInit {
  readonly world: World;
  readonly target: WebuiTarget;
  readonly get: BrowserGet;
}

export function webuiAddress(target: WebuiTarget): string {
  return `http://${target.node}:${target.port}/`;
}

export function startWebuiPoller({ world, target, get }: WebuiPollerInit): WebuiPoller {
  const listeners = new Set<() => void>();
  let view: WebuiView = { target, address: webuiAddress(target), series: [], problem: undefined, sent: 0, received: 0 };
  const inFlight = new Set<() => void>();
  let timer: TimerId | undefined;
  let stopped = false;

  const publish = (next: WebuiView) => {
    view = next;
    for (const listener of [...listeners]) listener();
  };

  const answered = (answer: BrowserAnswer) => {
    if (stopped) return;
    const outcome = readAnswer(answer);
    publish(outcome.ok
      ? { ...view, series: pushSample(view.series, outcome.sample), problem: undefined, received: view.received + 1 }
      : { ...view, problem: outcome.problem });
  };

  const tick = () => {
    timer = world.clock.schedule(POLL_INTERVAL_MS, tick, 'browser:webui');
    if (inFlight.size >= MAX_IN_FLIGHT) return;
    view = { ...view, sent: view.sent + 1 };
    let done = false;
    let cancel: () => void = () => undefined;
    const finish = (answer: BrowserAnswer) => {
      if (done) return;
      done = true;
      inFlight.delete(cancel);
      answered(answer);
    };
    const dropped = get(world, `http://${target.node}:${target.port}/json`, finish);
    if (!done) {
      cancel = () => {
        if (typeof dropped === 'function') dropped();
      };
      inFlight.add(cancel);
    }
  };

  // The page asks at once when it opens, then every second.
  tick();

  return {
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    stop() {
      stopped = true;
      world.clock.cancel(timer);
      // A closed tab's requests are dropped: their answers (and time-outs) concern nobody.
      for (const cancel of inFlight) cancel();
      inFlight.clear();
      listeners.clear();
    },
  };
}

type ReadAnswer = { readonly ok: true; readonly sample: WebuiSample } | { readonly ok: false; readonly problem: WebuiProblem };

function readAnswer(answer: BrowserAnswer): ReadAnswer {
  switch (answer.kind) {
    case 'error':
      return { ok: false, problem: { kind: 'network', error: answer.error, code: answer.code } };
    case 'response': {
      if (answer.status !== 200) return { ok: false, problem: { kind: 'http', status: answer.status } };
      const parsed = parseAnswer(answer.body);
      return parsed.ok ? { ok: true, sample: parsed.sample } : { ok: false, problem: { kind: 'not-webui' } };
    }
  }
}
