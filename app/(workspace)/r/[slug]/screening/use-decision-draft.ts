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
  // By record, so a draft survives another record being put on screen before it (a refusal brings one back).
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map());
  const currentId = current?.record.id ?? null;
  // A record new on screen starts with what was typed for a refused decision on it, else the reviewer's
  // decision (when reopened), else nothing.
  const draft = (currentId ? drafts.get(currentId) : undefined) ?? draftFor(current, queue.kept(currentId));
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const reasonsRef = useRef<HTMLFieldSetElement>(null);
  const guard = useReadyGuard(currentId, setup.decisionDelayMs);

  function update(patch: Partial<Draft>) {
    const { recordId } = draft;
    if (recordId) setDrafts((all) => new Map(all).set(recordId, { ...draft, ...patch }));
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
    const { recordId } = draft;
    // Unchanged when nothing was typed, so the common decision renders nothing more than the next record.
    setDrafts((all) => {
      if (!recordId || !all.has(recordId)) return all;
      const rest = new Map(all);
      rest.delete(recordId);
      return rest;
    });
    // The reason chosen is kept even when another verdict was sent, so a refusal puts back all that was there.
    queue.send(verdict, { reasonId: verdict === "exclude" ? reasonId : draft.reasonId, note: draft.note });
    void queryClient.invalidateQueries({ queryKey: trpc.screening.agreement.pathKey() });
  }

  function decide(verdict: Verdict) {
    // A record closed to decisions says why beside its disabled buttons; its keys do nothing.
    if (!current || current.closedBecause || !guard.isReady()) return;
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
