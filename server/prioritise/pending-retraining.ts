// Which retrainings this process has just queued, so a decision that one of them will already learn from does
// not send the queue another request. A retraining starts RETRAIN_AFTER_SECONDS after it was queued and reads
// the labels as they are then: a decision committed well before that start is covered by it.

/**
 * Remembers when each key's retraining was queued (only retrainings this process created: a request the queue
 * turned down joined one whose start it does not know). `covers` says whether a decision committed by `now`
 * will be learnt by the remembered one; `margin` keeps that well short of its start. One entry per reviewer and
 * stage this process has served, at most: no pruning needed.
 */
export class PendingRetrainings {
  private readonly queuedAt = new Map<string, number>();

  constructor(
    private readonly marginMs: number,
    private readonly startAfterMs: number,
  ) {}

  covers(key: string, now: number): boolean {
    const at = this.queuedAt.get(key);
    if (at === undefined) return false;
    if (now - at < this.startAfterMs - this.marginMs) return true;
    this.queuedAt.delete(key);
    return false;
  }

  /** `at`: when the request was sent, so before the queue stamped the job and started its delay. */
  queued(key: string, at: number): void {
    this.queuedAt.set(key, at);
  }
}
