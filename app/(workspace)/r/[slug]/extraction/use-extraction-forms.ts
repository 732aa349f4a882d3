"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_components/trpc";

/**
 * The review's extraction forms, the one picked (kept in the address as ?form=), its studies with their
 * extraction progress, and for leads the members who can be assigned as extractors.
 */
export function useExtractionForms(reviewId: string, canLead: boolean, initialFormId: string | null) {
  const trpc = useTRPC();
  const forms = useQuery(trpc.extraction.forms.queryOptions({ reviewId }));
  const [picked, setPicked] = useState<string | null>(initialFormId);
  const list = forms.data ?? [];
  const form = list.find((f) => f.id === picked) ?? list.find((f) => f.latest) ?? list[0];
  const members = useQuery({ ...trpc.team.members.queryOptions({ reviewId }), enabled: canLead });
  // Progress changes under other people's hands, so every visit asks afresh.
  const studies = useQuery({
    ...trpc.extraction.studies.queryOptions({ reviewId, formId: form?.id ?? "" }, { staleTime: 0 }),
    enabled: Boolean(form?.latest),
  });
  const candidates = (members.data ?? [])
    .filter((m) => !m.removedAt && m.role !== "observer")
    .map((m) => ({ id: m.userId, name: m.name }));

  function pick(id: string) {
    setPicked(id);
    window.history.replaceState(null, "", `?form=${id}`);
  }

  return { forms, list, form, pick, studies, candidates };
}

export type ExtractionForms = ReturnType<typeof useExtractionForms>;
