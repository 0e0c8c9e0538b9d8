/**
 * The playground: one World and a terminal session per node. It records the terminal journal
 * (lines, ^C, ^D with their virtual times) so a saved session is just seed + epoch + journal +
 * clock, replayed on load into the very same world: nothing of the engine's internals is
 * serialized, so engine changes never corrupt saved progress.
 */
import { World, type Unsubscribe } from '../engine';
import { createDeferredShell, createTerminalSession, type JournalEntry, type TerminalSession } from '../shell';
import { loadShellModule, shellModule, shellModuleWhenRequested } from './shellModule';
import type { JournalRecord, SavedSession } from './persistence';
import { BufferedTerminal } from './bufferedTerminal';

export const NODE_NAMES = ['node1', 'node2'] as const;
export type NodeName = (typeof NODE_NAMES)[number];

export interface PlaygroundInit {
  readonly seed: string;
  readonly epochMs: number;
  readonly columns?: number;
}

export class Playground {
  readonly world: World;
  readonly seed: string;
  readonly epochMs: number;
  readonly terminals = new Map<NodeName, BufferedTerminal>();
  private readonly records: JournalRecord[] = [];
  private readonly unsubscribers: Unsubscribe[] = [];
  private replaying = false;

  constructor(init: PlaygroundInit) {
    this.seed = init.seed;
    this.epochMs = init.epochMs;
    this.world = new World({ seed: init.seed, epochMs: init.epochMs, hostNames: NODE_NAMES });
    for (const node of NODE_NAMES) {
      const terminal = this.createTerminal(node, init.columns ?? 80);
      this.terminals.set(node, new BufferedTerminal(terminal));
      this.unsubscribers.push(terminal.onJournal((entry) => this.record(node, entry)));
      terminal.start(banner(this.world, node));
    }
  }

  /** Rebuilds a saved session: same seed and epoch, then every journal entry at its virtual time. */
  static async restore(saved: SavedSession, columns?: number): Promise<Playground> {
    await (await loadShellModule()).preloadCommands();
    const playground = new Playground({ seed: saved.seed, epochMs: saved.epochMs, ...(columns ? { columns } : {}) });
    playground.replaying = true;
    try {
      for (const record of saved.journal) {
        const terminal = playground.terminals.get(record.host as NodeName);
        if (!terminal) continue;
        playground.world.advance(Math.max(0, record.t - playground.world.now()));
        terminal.session.replay(toEntry(record));
        playground.records.push(record);
      }
      playground.world.advance(Math.max(0, saved.now - playground.world.now()));
    } finally {
      playground.replaying = false;
    }
    return playground;
  }

  terminal(node: NodeName): BufferedTerminal {
    return this.terminals.get(node)!;
  }

  get journal(): readonly JournalRecord[] {
    return this.records;
  }

  advance(ms: number): void {
    this.world.advance(ms);
  }

  dispose(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    for (const terminal of this.terminals.values()) terminal.dispose();
  }

  /**
   * The first login shell is the real one if the shell's code is here (a restore), else a deferred
   * shell that shows the prompt at once and hands over when the code arrives. Later logins (after
   * `exit`) always find the code loaded.
   */
  private createTerminal(node: NodeName, columns: number): TerminalSession {
    const real = (m: NonNullable<ReturnType<typeof shellModule>>) => m.createShellSession({ world: this.world, host: node, columns });
    const loaded = shellModule();
    const first = loaded ? real(loaded) : createDeferredShell({ world: this.world, host: node, columns, load: () => shellModuleWhenRequested().then(real), hurry: () => void loadShellModule() });
    return createTerminalSession(first, { newSession: () => real(shellModule()!) });
  }

  private record(host: NodeName, entry: JournalEntry): void {
    if (this.replaying) return;
    this.records.push(entry.kind === 'eof' ? { host, t: entry.t, kind: 'eof' } : { host, t: entry.t, kind: entry.kind, ...(entry.text === undefined ? {} : { text: entry.text }) });
  }
}

function toEntry(record: JournalRecord): JournalEntry {
  switch (record.kind) {
    case 'line': return { t: record.t, kind: 'line', text: record.text ?? '' };
    case 'interrupt': return { t: record.t, kind: 'interrupt', ...(record.text === undefined ? {} : { text: record.text }) };
    case 'eof': return { t: record.t, kind: 'eof' };
    case 'keys': return { t: record.t, kind: 'keys', text: record.text ?? '' };
  }
}

/** Our own short login banner (PWK printed its motd at every shell start). */
function banner(world: World, node: NodeName): string {
  const ip = world.host(node)?.ip ?? '';
  return [
    `\x1b[1mkubeplay\x1b[0m · ${node} · ${ip}`,
    'CentOS 7 with kubeadm, kubelet and kubectl v1.27.',
    'Simulated: nothing typed here can break anything real.',
    '',
  ].join('\r\n') + '\r\n';
}
