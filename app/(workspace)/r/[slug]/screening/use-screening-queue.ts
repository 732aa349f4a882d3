"use client";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { Stage } from "@/server/shared/stages";
import type { KeptDraft } from "./decision-panel";
import { errorText } from "./error-text";
import { useQueueApi } from "./queue-api";
import { type ScreeningItem, VERDICT_DONE, type Verdict } from "./screening-types";

interface Queue {
  /** The record on screen; null before the first answer and when nothing is left. */
  current: ScreeningItem | null;
  /** Records already fetched, shown the moment the current one is decided. */
  upcoming: ScreeningItem[];
  loaded: boolean;
}

export interface LastDecision {
  recordId: string;
  title: string;
  verdict: Verdict;
}

/** Says what came back with a refused record, so the reviewer knows nothing they typed was lost. */
function keptWords({ reasonId, note }: KeptDraft): string {
  const kept = [note.trim() && "note", reasonId && "exclusion reason"].filter(Boolean);
  return kept.length ? `, with your ${kept.join(" and ")} kept` : "";
}

function shortTitle(item: ScreeningItem): string {
  const title = item.record.title || "Untitled record";
  return title.length > 80 ? `${title.slice(0, 77)}…` : title;
}

/**
 * The reviewer's queue. A decision moves the prefetched record on screen at once and is sent in the background
 * (a refusal brings the decided record back, with the server's message);
 * the server work (decide, undo, refill) runs one step at a time, in order, so a refill never sees the world
 * before a decision made earlier on this screen. With `roundId`, the records of that calibration round.
 */
export function useScreeningQueue(reviewId: string, stage: Stage, roundId?: string) {
  const api = useQueueApi(reviewId, stage, roundId);
  const [queue, setQueue] = useState<Queue>({ current: null, upcoming: [], loaded: false });
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [last, setLast] = useState<LastDecision | null>(null);
  /** What was typed for refused decisions, by record, until the record is decided again. */
  const [kept, setKept] = useState<ReadonlyMap<string, KeptDraft>>(new Map());
  /** Decided on this screen: kept out of refills even while the decision is still on its way. */
  const decided = useRef(new Set<string>());
  const chain = useRef<Promise<void>>(Promise.resolve());

  function enqueue(task: () => Promise<void>) {
    setPending((n) => n + 1);
    chain.current = chain.current
      .then(task)
      .catch((err: unknown) => setError(errorText(err)))
      .finally(() => setPending((n) => n - 1));
  }

  const refreshCounts = api.refreshCounts;

  async function refill() {
    // One shown and one prefetched: the next record is already on screen the moment a decision is made.
    const items = await api.next(2);
    setQueue((q) => {
      const known = new Set([q.current?.record.id, ...q.upcoming.map((i) => i.record.id)]);
      const fresh = items.filter((i) => !decided.current.has(i.record.id) && !known.has(i.record.id));
      const upcoming = [...q.upcoming.filter((i) => !decided.current.has(i.record.id)), ...fresh];
      if (q.current) return { current: q.current, upcoming, loaded: true };
      const [first, ...rest] = upcoming;
      return { current: first ?? null, upcoming: rest, loaded: true };
    });
  }

  /** Shows `item` now and puts the record it replaces back at the head of the queue. */
  function showFirst(item: ScreeningItem) {
    setQueue((q) => ({
      current: item,
      upcoming: [q.current, ...q.upcoming].filter(
        (i): i is ScreeningItem => i !== null && i.record.id !== item.record.id,
      ),
      loaded: true,
    }));
  }

  // The first fill only: later ones follow each decision.
  const fillFirst = useEffectEvent(() => enqueue(refill));
  useEffect(() => fillFirst(), []);

  function advance() {
    setQueue((q) => {
      const [next, ...rest] = q.upcoming;
      return { current: next ?? null, upcoming: rest, loaded: q.loaded };
    });
  }

  /**
   * Sends the decision on the record on screen. `typed` is what the reviewer chose and wrote for it (the reason
   * is sent with an exclusion only), put back with the record if the decision is refused.
   */
  function send(verdict: Verdict, typed: KeptDraft) {
    const item = queue.current;
    if (!item) return;
    const recordId = item.record.id;
    const { reasonId, note } = typed;
    decided.current.add(recordId);
    forget(recordId);
    setError(null);
    setLast({ recordId, title: shortTitle(item), verdict });
    setStatus(
      `${VERDICT_DONE[verdict]}: ${shortTitle(item)}. ${queue.upcoming.length > 0 ? "Showing the next record." : ""}`,
    );
    advance();
    enqueue(async () => {
      try {
        await api.decide({ recordId, verdict, reasonId: verdict === "exclude" ? reasonId : null, note });
      } catch (err) {
        // Not recorded: the record comes back on screen, ahead of the one shown in its place, to decide again,
        // with the note and reason as they were typed. Read afresh, it says if it can take no decision any more.
        decided.current.delete(recordId);
        setLast((l) => (l?.recordId === recordId ? null : l));
        if (typed.note.trim() || typed.reasonId) setKept((k) => new Map(k).set(recordId, typed));
        const fresh = await api.record(recordId).catch(() => null);
        showFirst(fresh ?? item);
        setError(
          `Your decision on “${shortTitle(item)}” was not recorded: ${errorText(err)} It is shown again${keptWords(typed)}.`,
        );
        refreshCounts();
      }
      await refill();
    });
  }

  function forget(recordId: string) {
    setKept((k) => {
      if (!k.has(recordId)) return k;
      const rest = new Map(k);
      rest.delete(recordId);
      return rest;
    });
  }

  function undoLast() {
    setError(null);
    enqueue(async () => {
      const { recordId, restored } = await api.undo();
      // A change taken back leaves the earlier decision in place; a first decision taken back leaves none.
      if (!restored) decided.current.delete(recordId);
      setLast(null);
      refreshCounts();
      const item = await api.record(recordId);
      if (item) showFirst(item);
      const title = item ? shortTitle(item) : "the record";
      setStatus(
        restored
          ? `Change undone: “${title}” is back to ${VERDICT_DONE[restored.verdict].toLowerCase()}, and shown again.`
          : `Decision undone: “${title}” is shown again.`,
      );
    });
  }

  /** A decided record back on screen, to change the decision; the queue resumes after it. */
  function reopen(recordId: string) {
    setError(null);
    enqueue(async () => {
      const item = await api.record(recordId);
      if (!item) throw new Error("That record is no longer in this review.");
      showFirst(item);
      setStatus(`“${shortTitle(item)}” is shown again: choose a new decision, or leave it unchanged.`);
    });
  }

  function leaveUnchanged() {
    setStatus(queue.upcoming.length > 0 ? "Left unchanged. Showing the next record." : "Left unchanged.");
    advance();
    if (queue.upcoming.length === 0) enqueue(refill);
  }

  function checkAgain() {
    setError(null);
    enqueue(refill);
  }

  return {
    current: queue.current,
    loaded: queue.loaded,
    busy: pending > 0,
    error,
    status,
    last,
    send,
    undoLast,
    reopen,
    leaveUnchanged,
    checkAgain,
    /** What was typed for a refused decision on the record, to show with it again. */
    kept: (recordId: string | null) => (recordId ? kept.get(recordId) : undefined),
  };
}

export type ScreeningQueue = ReturnType<typeof useScreeningQueue>;
