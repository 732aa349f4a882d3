// Screening announces that decisions changed, once the change's transaction has committed; whoever needs to act on
// that (prioritise retrains the rankings that learn from them) listens. So screening imports no domain that reacts
// to it: the listeners are registered where a process starts (server/wiring/domain-events.ts), and an announcement
// that nobody hears is reported rather than lost without a word.
import type { Db } from "../db/client";
import type { Stage } from "../shared/stages";

export interface DecisionsChanged {
  /** The client the change was committed through, for listeners that read more. */
  db: Db;
  reviewId: string;
  stage: Stage;
  /** Whose decisions changed; "all": every reviewer's (a lead resolved a conflict, which is a label for everyone). */
  reviewerIds: "all" | string[];
  /** The stage's "likely relevant first" setting when the change has just read it, saving listeners a round trip. */
  prioritise?: boolean;
}

export type DecisionsChangedListener = (event: DecisionsChanged) => void | Promise<void>;

// Kept on globalThis: Next.js bundles its own copy of this module beside the one `sift start` loaded, and a listener
// registered through either must hear announcements made through the other.
const hub = globalThis as unknown as {
  siftDecisionsChanged?: { listeners: Set<DecisionsChangedListener>; unheardReported: boolean };
};
const state = () => (hub.siftDecisionsChanged ??= { listeners: new Set(), unheardReported: false });

/** Registers a listener; returns a function that removes it. */
export function onDecisionsChanged(listener: DecisionsChangedListener): () => void {
  state().listeners.add(listener);
  return () => state().listeners.delete(listener);
}

/**
 * Tells every listener, without waiting for them: a decision never waits for what follows from it. A listener
 * that fails is reported and does not stop the others.
 */
export function decisionsChanged(event: DecisionsChanged): void {
  const { listeners } = state();
  if (listeners.size === 0) {
    if (!state().unheardReported) {
      state().unheardReported = true;
      console.error(
        "sift: decisions changed but nothing listens (wireDomainEvents() was not called when this process started), so rankings are not retrained",
      );
    }
    return;
  }
  for (const listener of listeners) {
    try {
      Promise.resolve(listener(event)).catch(reportFailure);
    } catch (err) {
      reportFailure(err);
    }
  }
}

function reportFailure(err: unknown): void {
  console.error("sift: a listener for changed decisions failed:", (err as Error)?.message ?? err);
}
