"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import {
  ExclusionReasonsField,
  readReasons,
  readStageSettings,
  StageSettingsFields,
} from "@/app/_components/stage-settings-fields";
import { useTRPC } from "@/app/_components/trpc";
import { TEMPLATE_IDS, TEMPLATE_NAMES, type TemplateId } from "@/server/api/contract/extraction";
import { DEFAULT_EXCLUSION_REASONS, NewReviewInput } from "@/server/api/contract/reviews";
import { STAGE_LABELS, STAGES } from "@/server/shared/stages";

// The form starts from the same stage defaults the server applies when none are sent.
const DEFAULT_SETTINGS = NewReviewInput.shape.stages.parse(undefined);

export function NewReviewForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(
    trpc.reviews.create.mutationOptions({ onSuccess: (review) => router.push(`/r/${review.slug}`) }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    create.mutate({
      title: text("title"),
      question: text("question"),
      inclusionCriteria: text("inclusionCriteria"),
      exclusionCriteria: text("exclusionCriteria"),
      stages: {
        title_abstract: readStageSettings(form, "title_abstract"),
        full_text: readStageSettings(form, "full_text"),
      },
      exclusionReasons: {
        title_abstract: readReasons(form, "title_abstract"),
        full_text: readReasons(form, "full_text"),
      },
      extractionTemplates: form.getAll("extractionTemplates").map(String) as TemplateId[],
    });
  }

  const busy = create.isPending || create.isSuccess;
  return (
    <form onSubmit={onSubmit}>
      <ErrorAlert>{create.error?.message}</ErrorAlert>
      <section className="card">
        <h2>Protocol</h2>
        <div className="field">
          <label htmlFor="title">Title</label>
          <input id="title" name="title" type="text" maxLength={300} />
        </div>
        <div className="field">
          <label htmlFor="question">Review question</label>
          <textarea id="question" name="question" rows={3} />
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="inclusionCriteria">Inclusion criteria</label>
            <textarea id="inclusionCriteria" name="inclusionCriteria" rows={5} />
          </div>
          <div className="field">
            <label htmlFor="exclusionCriteria">Exclusion criteria</label>
            <textarea id="exclusionCriteria" name="exclusionCriteria" rows={5} />
          </div>
        </div>
      </section>
      <div className="grid-2">
        {STAGES.map((stage) => (
          <section key={stage} className="card">
            <h2>{STAGE_LABELS[stage]} screening</h2>
            <StageSettingsFields stage={stage} settings={DEFAULT_SETTINGS[stage]} />
            <ExclusionReasonsField stage={stage} reasons={DEFAULT_EXCLUSION_REASONS[stage]} />
          </section>
        ))}
      </div>
      <section className="card">
        <h2>Extraction forms</h2>
        <p className="muted">
          Start with shipped forms, published and ready for extractors; you can edit them, or build your own, on the
          Extraction page.
        </p>
        {TEMPLATE_IDS.map((id) => (
          <label key={id} className="check">
            <input type="checkbox" name="extractionTemplates" value={id} /> {TEMPLATE_NAMES[id]}
          </label>
        ))}
      </section>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Creating…" : "Create review"}
        </button>
      </div>
    </form>
  );
}
