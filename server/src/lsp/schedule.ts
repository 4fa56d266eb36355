/**
 * When to validate a document: the debounce of the language server as a small object with
 * an injectable clock, so that tests count validations per burst of changes with fake time
 * instead of measuring wall time.
 */
/** How long validation waits after a change when the user types faster than a validation takes. */
export const VALIDATION_DELAY_MS = 30;

/**
 * The delay before validating after a change: none while the last validation of the document
 * took less than the time since the previous change (the user does not type faster than the
 * server validates, so no validation would be thrown away); otherwise VALIDATION_DELAY_MS, so
 * that a burst of changes is validated once. An expensive validation (a keystroke in a 10 MB
 * meeting, 30–60 ms on a shared 2-core machine) is not delayed when the keystrokes come
 * slower than that: the delay would only add to the time until the diagnostics. Every
 * version that stays current for long enough is validated.
 */
export function validationDelay(lastCostMs: number | undefined, sincePreviousChangeMs: number): number {
  if (lastCostMs === undefined) return VALIDATION_DELAY_MS;
  return lastCostMs <= sincePreviousChangeMs ? 0 : VALIDATION_DELAY_MS;
}

export interface Cancel {
  isCancellationRequested: boolean;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Schedules `run` per document: at once on open, after `validationDelay` on change (a burst
 * typed faster than a validation takes is validated once), cancelling a pending or running
 * validation of an older version. Records how long each validation took.
 */
export class ValidationScheduler {
  private readonly pending = new Map<string, { timer: unknown; cancel: Cancel }>();
  private readonly cost = new Map<string, number>();
  private readonly changedAt = new Map<string, number>();

  constructor(
    private readonly run: (uri: string, cancel: Cancel) => Promise<void>,
    private readonly clock: Clock = systemClock,
  ) {}

  schedule(uri: string, delay = VALIDATION_DELAY_MS): void {
    this.cancel(uri);
    const cancel: Cancel = { isCancellationRequested: false };
    const timer = this.clock.setTimeout(() => void this.validate(uri, cancel), delay);
    this.pending.set(uri, { timer, cancel });
  }

  opened(uri: string): void {
    this.schedule(uri, 0);
  }

  changed(uri: string): void {
    const now = this.clock.now();
    const since = now - (this.changedAt.get(uri) ?? Number.NEGATIVE_INFINITY);
    this.changedAt.set(uri, now);
    this.schedule(uri, validationDelay(this.cost.get(uri), since));
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.cost.delete(uri);
    this.changedAt.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }

  private cancel(uri: string): void {
    const p = this.pending.get(uri);
    if (!p) return;
    this.clock.clearTimeout(p.timer);
    p.cancel.isCancellationRequested = true;
    this.pending.delete(uri);
  }

  private async validate(uri: string, cancel: Cancel): Promise<void> {
    const started = this.clock.now();
    try {
      await this.run(uri, cancel);
      if (!cancel.isCancellationRequested) this.cost.set(uri, this.clock.now() - started);
    } finally {
      if (this.pending.get(uri)?.cancel === cancel) this.pending.delete(uri);
    }
  }
}
