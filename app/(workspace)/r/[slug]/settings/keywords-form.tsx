"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";

interface Props {
  reviewId: string;
  canEdit: boolean;
  includeKeywords: string[];
  excludeKeywords: string[];
}

function lines(form: FormData, name: string): string[] {
  return String(form.get(name) ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Words highlighted for screeners: a reading aid only, they never decide anything. */
export function KeywordsForm({ reviewId, canEdit, includeKeywords, excludeKeywords }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const rows = Math.max(4, includeKeywords.length + 1, excludeKeywords.length + 1);
  const update = useMutation(trpc.reviews.setKeywords.mutationOptions({ onSuccess: () => router.refresh() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate({
      reviewId,
      includeKeywords: lines(form, "includeKeywords"),
      excludeKeywords: lines(form, "excludeKeywords"),
    });
  }

  return (
    <section className="card">
      <h2>Screening keywords</h2>
      <p className="muted small">
        While screening, these words are highlighted in titles, abstracts and keywords: inclusion keywords in green,
        exclusion keywords in red. Case does not matter, and a keyword matches whole words and their plural.
      </p>
      <ErrorAlert>{update.error?.message}</ErrorAlert>
      <SuccessAlert>{update.isSuccess ? "Screening keywords saved." : null}</SuccessAlert>
      <form onSubmit={onSubmit}>
        <fieldset className="plain" disabled={!canEdit}>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="includeKeywords">Inclusion keywords</label>
              <textarea
                id="includeKeywords"
                name="includeKeywords"
                rows={rows}
                defaultValue={includeKeywords.join("\n")}
                aria-describedby="keywords-hint"
              />
            </div>
            <div className="field">
              <label htmlFor="excludeKeywords">Exclusion keywords</label>
              <textarea
                id="excludeKeywords"
                name="excludeKeywords"
                rows={rows}
                defaultValue={excludeKeywords.join("\n")}
                aria-describedby="keywords-hint"
              />
            </div>
          </div>
          <p id="keywords-hint" className="hint small muted">
            One keyword or phrase per line, up to 100 characters each.
          </p>
          {canEdit && (
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={update.isPending}>
                {update.isPending ? "Saving…" : "Save keywords"}
              </button>
            </div>
          )}
        </fieldset>
      </form>
    </section>
  );
}
