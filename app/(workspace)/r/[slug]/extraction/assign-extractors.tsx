"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
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

/** One select per extractor slot; saving sets the study's extractors to the chosen people. */
export function AssignExtractors({ reviewId, formId, studyId, studyLabel, slots, current, candidates }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>(Array.from({ length: slots }, (_, i) => current[i]?.id ?? ""));
  const assign = useMutation(
    trpc.extraction.assign.mutationOptions({
      onSuccess: () =>
        void queryClient.invalidateQueries({ queryKey: trpc.extraction.studies.queryKey({ reviewId, formId }) }),
    }),
  );
  const changed = chosen.filter(Boolean).join() !== current.map((c) => c.id).join();
  return (
    <div className="assign">
      {chosen.map((id, slot) => (
        <select
          key={slot}
          aria-label={`Extractor ${slot + 1} for ${studyLabel}`}
          value={id}
          onChange={(e) => setChosen((all) => all.map((v, i) => (i === slot ? e.target.value : v)))}
        >
          <option value="">—</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id} disabled={chosen.includes(c.id) && c.id !== id}>
              {c.name}
            </option>
          ))}
        </select>
      ))}
      {changed && (
        <button
          type="button"
          className="btn btn-secondary btn-small"
          disabled={assign.isPending}
          onClick={() => assign.mutate({ reviewId, formId, studyId, extractorIds: chosen.filter(Boolean) })}
        >
          Assign
        </button>
      )}
      {assign.error && (
        <span className="error-text" role="alert">
          {assign.error.message}
        </span>
      )}
    </div>
  );
}
