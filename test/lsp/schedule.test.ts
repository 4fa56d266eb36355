/**
 * The server's debounce, counted per burst with fake time (never wall time): a burst typed
 * faster than a validation takes is validated once, slow typing is validated per change,
 * and a validation of an older version is cancelled.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VALIDATION_DELAY_MS, ValidationScheduler, type Cancel, type Clock } from '../../server/src/lsp/schedule.js';

const clock: Clock = { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

describe('ValidationScheduler', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  /** A validation that takes `cost` ms of fake time (asynchronous: changes keep arriving meanwhile). */
  function counting(cost: number) {
    const runs: { uri: string; cancel: Cancel }[] = [];
    const scheduler = new ValidationScheduler(async (uri, cancel) => {
      runs.push({ uri, cancel });
      await new Promise((r) => setTimeout(r, cost));
    }, clock);
    return { runs, scheduler };
  }

  it('a burst of changes faster than a validation is validated once, after the burst', async () => {
    const { runs, scheduler } = counting(20);
    scheduler.opened('a');
    await vi.runAllTimersAsync();
    expect(runs).toHaveLength(1);
    // The first change after a pause is validated at once; the keystrokes typed while it runs wait.
    for (let i = 0; i < 10; i++) {
      scheduler.changed('a');
      await vi.advanceTimersByTimeAsync(5);
    }
    expect(runs).toHaveLength(2);
    // The one started by the first change is cancelled by the next: its result is stale.
    expect(runs[1]!.cancel.isCancellationRequested).toBe(true);
    await vi.runAllTimersAsync();
    // Ten changes, two validations: the last one of the last version.
    expect(runs).toHaveLength(3);
    expect(runs[2]!.cancel.isCancellationRequested).toBe(false);
  });

  it('changes slower than a validation are each validated at once', async () => {
    const { runs, scheduler } = counting(2);
    scheduler.opened('a');
    await vi.runAllTimersAsync();
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(100);
      scheduler.changed('a');
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(runs).toHaveLength(6);
  });

  it('a close cancels the pending validation; documents are scheduled apart', async () => {
    const { runs, scheduler } = counting(1);
    scheduler.changed('a');
    scheduler.changed('b');
    scheduler.closed('a');
    await vi.runAllTimersAsync();
    expect(runs.map((r) => r.uri)).toEqual(['b']);
    scheduler.changed('b');
    scheduler.dispose();
    await vi.runAllTimersAsync();
    expect(runs).toHaveLength(1);
  });
});
