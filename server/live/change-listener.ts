// One LISTEN connection per Sift instance, whatever the number of browsers watching: it hears every review's
// changes from every instance on the database and hands each to the streams open on that review here.
import pg from "pg";
import { parseReviewChange, REVIEW_CHANGES_CHANNEL, type ReviewChange } from "./review-changes";

/** A change to the review watched, or null: changes may have been missed (the connection was lost and is back). */
export type ChangeHeard = (change: ReviewChange | null) => void;

export interface ChangeListener {
  /** Hears the changes to one review until the returned function is called. */
  subscribe(reviewId: string, heard: ChangeHeard): () => void;
  /** Resolves once the connection listens (a change committed after that is heard). */
  listening(): Promise<void>;
  close(): Promise<void>;
}

const MAX_RETRY_MS = 30_000;

/** Waits 0.5 s after the first loss, doubling to 30 s, so a database that is down is not hammered. */
export const retryDelay = (attempt: number) => Math.min(500 * 2 ** attempt, MAX_RETRY_MS);

export function createChangeListener(databaseUrl: string): ChangeListener {
  const byReview = new Map<string, Set<ChangeHeard>>();
  let closed = false;
  let client: pg.Client | null = null;
  let attempt = 0;
  let retry: NodeJS.Timeout | null = null;
  let ready: Promise<void>;

  const tell = (reviewId: string, change: ReviewChange | null) => {
    for (const heard of byReview.get(reviewId) ?? []) heard(change);
  };

  function lost(from: pg.Client, err?: Error) {
    if (client !== from) return;
    client = null;
    from.end().catch(() => {});
    if (closed) return;
    if (attempt === 0 && err)
      console.error(`sift: live updates lost the database connection (${err.message}); reconnecting`);
    retry = setTimeout(() => {
      retry = null;
      ready = connect(true);
    }, retryDelay(attempt++));
    retry.unref();
  }

  async function connect(reconnecting: boolean): Promise<void> {
    const next = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
    client = next;
    next.on("error", (err) => lost(next, err));
    next.on("end", () => lost(next));
    next.on("notification", (message) => {
      const change = parseReviewChange(message.payload);
      if (change) tell(change.reviewId, change);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${REVIEW_CHANGES_CHANNEL}`);
    } catch (err) {
      lost(next, err as Error);
      return;
    }
    attempt = 0;
    // Whatever was committed while nobody listened is caught up by a fetch, not replayed.
    if (reconnecting) for (const reviewId of byReview.keys()) tell(reviewId, null);
  }

  ready = connect(false);

  return {
    subscribe(reviewId, heard) {
      const set = byReview.get(reviewId) ?? new Set();
      byReview.set(reviewId, set.add(heard));
      return () => {
        set.delete(heard);
        if (set.size === 0 && byReview.get(reviewId) === set) byReview.delete(reviewId);
      };
    },
    listening: () => ready,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  };
}

const globalForListener = globalThis as unknown as { siftChangeListener?: ChangeListener };

/** The instance's listener on DATABASE_URL, made when the first browser watches; kept on globalThis, as Next.js loads this module more than once. */
export function changeListener(): ChangeListener {
  if (!globalForListener.siftChangeListener) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForListener.siftChangeListener = createChangeListener(url);
  }
  return globalForListener.siftChangeListener;
}
