"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { TEMPLATE_IDS, TEMPLATE_NAMES, type TemplateId } from "@/server/api/contract/extraction";

export function NewForm({ reviewId, onCreated }: { reviewId: string; onCreated: (formId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [template, setTemplate] = useState<TemplateId | "">("");
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.extraction.createForm.mutationOptions({
      onSuccess: (form) => {
        setName("");
        void queryClient.invalidateQueries({ queryKey: trpc.extraction.forms.queryKey({ reviewId }) });
        onCreated(form.id);
      },
    }),
  );
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ reviewId, name: name || (template ? TEMPLATE_NAMES[template] : ""), template: template || null });
  }
  return (
    <form onSubmit={onSubmit} className="inline-form" aria-label="New form">
      <ErrorAlert>{create.error?.message}</ErrorAlert>
      <div className="field">
        <label htmlFor="new-form-template">Start from</label>
        <select
          id="new-form-template"
          value={template}
          onChange={(e) => setTemplate(e.target.value as TemplateId | "")}
        >
          <option value="">A blank form</option>
          {TEMPLATE_IDS.map((id) => (
            <option key={id} value={id}>
              Template: {TEMPLATE_NAMES[id]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-form-name">Form name</label>
        <input
          id="new-form-name"
          type="text"
          value={name}
          placeholder={template ? TEMPLATE_NAMES[template] : "e.g. Trial characteristics"}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <button type="submit" className="btn btn-secondary" disabled={create.isPending}>
        Create form
      </button>
    </form>
  );
}
