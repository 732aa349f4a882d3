"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";

interface Props {
  reviewId: string;
  canEdit: boolean;
  details: { title: string; question: string; inclusionCriteria: string; exclusionCriteria: string };
}

export function DetailsForm({ reviewId, canEdit, details }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  // The title also appears in the sidebar and the page title, which come from the server.
  const update = useMutation(trpc.reviews.updateDetails.mutationOptions({ onSuccess: () => router.refresh() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    update.mutate({
      reviewId,
      title: text("title"),
      question: text("question"),
      inclusionCriteria: text("inclusionCriteria"),
      exclusionCriteria: text("exclusionCriteria"),
    });
  }

  return (
    <section className="card">
      <h2>Protocol</h2>
      <ErrorAlert>{update.error?.message}</ErrorAlert>
      <SuccessAlert>{update.isSuccess ? "Protocol saved." : null}</SuccessAlert>
      <form onSubmit={onSubmit}>
        <fieldset className="plain" disabled={!canEdit}>
          <div className="field">
            <label htmlFor="title">Title</label>
            <input id="title" name="title" type="text" maxLength={300} defaultValue={details.title} />
          </div>
          <div className="field">
            <label htmlFor="question">Review question</label>
            <textarea id="question" name="question" rows={3} defaultValue={details.question} />
          </div>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="inclusionCriteria">Inclusion criteria</label>
              <textarea
                id="inclusionCriteria"
                name="inclusionCriteria"
                rows={5}
                defaultValue={details.inclusionCriteria}
              />
            </div>
            <div className="field">
              <label htmlFor="exclusionCriteria">Exclusion criteria</label>
              <textarea
                id="exclusionCriteria"
                name="exclusionCriteria"
                rows={5}
                defaultValue={details.exclusionCriteria}
              />
            </div>
          </div>
          {canEdit && (
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={update.isPending}>
                {update.isPending ? "Saving…" : "Save protocol"}
              </button>
            </div>
          )}
        </fieldset>
      </form>
    </section>
  );
}
