// The server-sent events one browser receives while it watches a review: "change" with the topics that changed
// (a stage, the review's records, or everything after a gap), at most once a second, never what was decided.
// The browser refetches through the procedures, which apply the caller's role and the stage's blinding.
import type { Stage } from "../shared/stages";
import type { ChangeListener } from "./change-listener";
import { coalesce } from "./coalesce";
import type { ReviewChange } from "./review-changes";

/** What a browser refetches: a stage's screening, the review's records (an import), or all of it (after a gap). */
export type LiveTopic = "title_abstract" | "full_text" | "records" | "all";

export interface LiveStreamOptions {
  listener: ChangeListener;
  reviewId: string;
  /** The caller; while a stage is blinded to them they hear only of their own changes there. */
  actorId: string;
  /**
   * The stages at which the caller sees the team's decisions, or null once they may no longer watch (removed,
   * signed out): read when the stream opens and again with each heartbeat, as a lead may blind or unblind a stage.
   */
  access: () => Promise<ReadonlySet<Stage> | null>;
  /** Aborted when the browser goes away. */
  signal?: AbortSignal;
  windowMs?: number;
  heartbeatMs?: number;
}

const encoder = new TextEncoder();

/** One server-sent event. */
export const sseEvent = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export function liveStream(options: LiveStreamOptions): ReadableStream<Uint8Array> {
  const { listener, reviewId, actorId, access, signal, windowMs = 1000, heartbeatMs = 25_000 } = options;
  let end = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      let seesTeam = (await access().catch(() => null)) ?? new Set<Stage>();
      // A co-reviewer's decision at a blinded stage is not passed on at all: even when a co-reviewer decides is
      // hidden from a blinded reviewer, as the team's counts are.
      const hears = (change: ReviewChange) =>
        change.stage === null || seesTeam.has(change.stage) || change.actorId === actorId;
      const batch = coalesce<LiveTopic>((topics) => send(sseEvent("change", { topics })), windowMs);
      const unsubscribe = listener.subscribe(reviewId, (change) => {
        if (change === null) batch.add("all");
        else if (hears(change)) batch.add(change.stage ?? "records");
      });
      // A comment every so often keeps proxies from closing a quiet stream, and is when a caller who lost their
      // place in the review (removed, signed out) stops hearing about it.
      const heartbeat = setInterval(async () => {
        const now = await access().catch(() => null);
        if (!now) return finish(sseEvent("end", { reason: "access" }));
        seesTeam = now;
        send(": still here\n\n");
      }, heartbeatMs);
      heartbeat.unref?.();
      function finish(last?: string) {
        if (!open) return;
        if (last) send(last);
        open = false;
        clearInterval(heartbeat);
        batch.stop();
        unsubscribe();
        signal?.removeEventListener("abort", onAbort);
        if (last) controller.close();
      }
      const onAbort = () => finish();
      end = onAbort;
      signal?.addEventListener("abort", onAbort);
      await listener.listening();
      send(": listening\n\n");
    },
    cancel() {
      end();
    },
  });
}
