"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";

interface Props {
  reviewId: string;
  formId: string;
  studyId: string;
  studyLabel: string;
  slots: number;
  current: { id: string; name: string }[];
  candidates: { id: string; name: string }[];
}

const slotsOf = (ids: string[], slots: number) => Array.from({ length: slots }, (_, i) => ids[i] ?? "");

/**
 * One select per extractor slot; a choice is saved at once, says so, and can be undone. A refused choice goes
 * back to what is stored, with the server's reason.
 */
export function AssignExtractors({ reviewId, formId, studyId, studyLabel, slots, current, candidates }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const stored = current.map((c) => c.id);
  const [chosen, setChosen] = useState<string[]>(slotsOf(stored, slots));
  // What the last saved choice replaced, so it can be put back.
  const [before, setBefore] = useState<string[] | null>(null);
  const assign = useMutation(
    trpc.extraction.assign.mutationOptions({
      onSettled: () =>
        void queryClient.invalidateQueries({ queryKey: trpc.extraction.studies.queryKey({ reviewId, formId }) }),
    }),
  );

  // An assignment read when the list is refreshed (after a save, or someone else's) replaces what is shown.
  const storedKey = stored.join();
  const shownFor = useRef(storedKey);
  useEffect(() => {
    if (shownFor.current === storedKey) return;
    shownFor.current = storedKey;
    setChosen(slotsOf(storedKey ? storedKey.split(",") : [], slots));
  }, [storedKey, slots]);

  function save(next: string[], previous: string[] | null) {
    setChosen(next);
    assign.mutate(
      { reviewId, formId, studyId, extractorIds: next.filter(Boolean) },
      { onSuccess: () => setBefore(previous), onError: () => setChosen(slotsOf(stored, slots)) },
    );
  }

  const names = (ids: string[]) =>
    ids
      .filter(Boolean)
      .map((id) => candidates.find((c) => c.id === id)?.name ?? "someone")
      .join(" and ") || "nobody";
  return (
    <div className="assign">
      {chosen.map((id, slot) => (
        <select
          key={slot}
          aria-label={`Extractor ${slot + 1} for ${studyLabel}`}
          value={id}
          disabled={assign.isPending}
          onChange={(e) =>
            save(
              chosen.map((v, i) => (i === slot ? e.target.value : v)),
              chosen,
            )
          }
        >
          <option value="">—</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id} disabled={chosen.includes(c.id) && c.id !== id}>
              {c.name}
            </option>
          ))}
        </select>
      ))}
      <span className="assign-state small" role="status">
        {assign.isPending ? (
          "Saving…"
        ) : assign.isSuccess && before ? (
          <>
            Saved: {names(chosen)}.{" "}
            <button
              type="button"
              className="link-button"
              onClick={() => save(before, null)}
              aria-label={`Undo: give ${studyLabel} back to ${names(before)}`}
            >
              Undo
            </button>
          </>
        ) : assign.isSuccess ? (
          "Saved."
        ) : null}
      </span>
      {assign.error && (
        <span className="error-text" role="alert">
          {assign.error.message}
        </span>
      )}
    </div>
  );
}
