/**
 * What the control loops here share: the context they work through, and the switch that says
 * whether the process that runs them is up (kube-controller-manager's or kube-scheduler's pod).
 */
import type { WatchEvent } from '../api/types';
import type { ControllerContext } from './context';
import type { Controller, ReconcileResult } from './manager';

export abstract class ControlLoop implements Controller {
  abstract readonly name: string;

  constructor(
    protected readonly ctx: ControllerContext,
    private readonly running: () => boolean = () => true,
  ) {}

  enabled(): boolean {
    return this.running();
  }

  abstract keysFor(event: WatchEvent): readonly string[];
  abstract resync(): readonly string[];
  abstract reconcile(key: string): ReconcileResult | void;
}
