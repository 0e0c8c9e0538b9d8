/**
 * Drives the engine's virtual clock from real time: one requestAnimationFrame loop advancing the
 * world by the elapsed time times the speed. Long gaps (a hidden tab) are capped, so coming back
 * to the page never fast-forwards minutes of cluster life in one frame.
 */
const MAX_STEP_MS = 1_000;

export interface ClockDriver {
  stop(): void;
  setSpeed(speed: number): void;
}

export function startClockDriver(advance: (ms: number) => void, onFrame: () => void, speed = 1): ClockDriver {
  let last = performance.now();
  let carry = 0;
  let factor = clampSpeed(speed);
  let handle = 0;
  let stopped = false;
  const frame = (now: number) => {
    if (stopped) return;
    const elapsed = Math.min(Math.max(0, now - last), MAX_STEP_MS) * factor + carry;
    last = now;
    const whole = Math.floor(elapsed);
    carry = elapsed - whole;
    if (whole > 0) advance(whole);
    onFrame();
    handle = requestAnimationFrame(frame);
  };
  handle = requestAnimationFrame(frame);
  return {
    stop() {
      stopped = true;
      cancelAnimationFrame(handle);
    },
    setSpeed(next: number) {
      factor = clampSpeed(next);
    },
  };
}

export function clampSpeed(speed: number): number {
  return Number.isFinite(speed) ? Math.min(100, Math.max(0.1, speed)) : 1;
}
