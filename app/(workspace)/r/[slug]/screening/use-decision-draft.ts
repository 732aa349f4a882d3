"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import { SCREENING_KEYS } from "@/server/shared/screening-keys";
import { type Draft, draftFor } from "./decision-panel";
import type { StageSetup, Verdict } from "./screening-types";
import { useReadyGuard } from "./use-ready-guard";
import type { ScreeningQueue } from "./use-screening-queue";

/** Keys typed into a text field are text, not commands; radio buttons and buttons are not text fields. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest("textarea, select, [contenteditable]")) return true;
  return (
    target instanceof HTMLInputElement && !["radio", "checkbox", "button", "submit", "reset"].includes(target.type)
  );
}

/**
 * The decision being put together for the record on screen (reason, note, whether Exclude waits for a reason)
 * and the keys that make it: I, E, M, 1–9 for a reason, N for the note, Esc, and Z to undo. Deciding waits until
 * the record has been on screen for the stage's pause (useReadyGuard).
 */
export function useDecisionDraft(queue: ScreeningQueue, setup: StageSetup) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { current } = queue;
  const [stored, setDraft] = useState<Draft>(() => draftFor(null));
  // A new record on screen starts a fresh draft (or the reviewer's earlier decision, when reopened).
  const draft = stored.recordId === (current?.record.id ?? null) ? stored : draftFor(current);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const reasonsRef = useRef<HTMLFieldSetElement>(null);
  const guard = useReadyGuard(current?.record.id ?? null, setup.decisionDelayMs);

  function update(patch: Partial<Draft>) {
    setDraft({ ...draft, ...patch });
  }

  useEffect(() => {
    if (draft.awaitingReason) reasonsRef.current?.focus();
  }, [draft.awaitingReason]);

  function send(verdict: Verdict, reasonId: string | null) {
    // Too soon after the record appeared: ignored, not queued, so a double press cannot decide an unread record.
    if (!guard.isReady()) return;
    guard.consume();
    // The reason list had focus while it waited for a digit; the next record starts with nothing focused.
    if (reasonsRef.current?.contains(document.activeElement) && document.activeElement instanceof HTMLElement) {
      document.activeElement.blur();
    }
    queue.send(verdict, reasonId, draft.note);
    void queryClient.invalidateQueries({ queryKey: trpc.screening.agreement.pathKey() });
  }

  function decide(verdict: Verdict) {
    if (!current || !guard.isReady()) return;
    if (verdict !== "exclude") return send(verdict, null);
    if (setup.reasonRequired && !draft.reasonId && setup.reasons.length > 0) return update({ awaitingReason: true });
    send("exclude", draft.reasonId);
  }

  function pickReason(index: number) {
    const reason = setup.reasons[index];
    if (!reason) return;
    if (draft.awaitingReason) return send("exclude", reason.id);
    update({ reasonId: draft.reasonId === reason.id && !setup.reasonRequired ? null : reason.id });
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      if (isTyping(event.target) && event.target instanceof HTMLElement) event.target.blur();
      else if (draft.awaitingReason) update({ awaitingReason: false });
      else return;
      event.preventDefault();
      return;
    }
    if (event.repeat || isTyping(event.target)) return;
    const key = event.key.toUpperCase();
    if (key === SCREENING_KEYS.undo) queue.undoLast();
    else if (!current) return;
    else if (key === SCREENING_KEYS.include) decide("include");
    else if (key === SCREENING_KEYS.exclude) decide("exclude");
    else if (key === SCREENING_KEYS.maybe) decide("maybe");
    else if (/^[1-9]$/.test(key)) pickReason(Number(key) - 1);
    else if (key === SCREENING_KEYS.note) noteRef.current?.focus();
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  return { draft, update, decide, noteRef, reasonsRef, ready: guard.ready, readyAnnouncement: guard.announce };
}
