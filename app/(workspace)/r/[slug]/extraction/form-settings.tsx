"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_components/trpc";

export function FormSettings({
  reviewId,
  form,
}: {
  reviewId: string;
  form: { id: string; name: string; extractorsPerStudy: number };
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [perStudy, setPerStudy] = useState(form.extractorsPerStudy);
  const update = useMutation(
    trpc.extraction.updateSettings.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.extraction.pathKey() }),
    }),
  );
  return (
    <div className="inline-form">
      <div className="field">
        <label htmlFor="per-study">Extractors per study</label>
        <select
          id="per-study"
          value={perStudy}
          onChange={(e) => {
            const next = Number(e.target.value) as 1 | 2;
            setPerStudy(next);
            update.mutate({ reviewId, formId: form.id, name: form.name, extractorsPerStudy: next });
          }}
        >
          <option value={1}>1 (single extraction)</option>
          <option value={2}>2 (independent dual extraction)</option>
        </select>
      </div>
      {update.error && (
        <span className="error-text" role="alert">
          {update.error.message}
        </span>
      )}
    </div>
  );
}
