"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import type { AppRouter } from "@/server/api/root";
import type { Stage } from "@/server/shared/stages";

export type VerdictChangeMode = "reopen" | "override";
export type SettledVerdict = "include" | "exclude";
export type ReopenImpact = inferRouterOutputs<AppRouter>["screening"]["reopenImpact"];

export interface VerdictTarget {
  reviewId: string;
  recordId: string;
  stage: Stage;
}

/**
 * A lead's reopening or override of one settled record at one stage: what it would undo (asked again whenever
 * the chosen verdict changes), the form's state, and the change itself. Every screen may show something the
 * change moved (outcomes, PRISMA, full texts, studies), so all queries are refreshed once it is done.
 */
export function useVerdictChange(target: VerdictTarget, mode: VerdictChangeMode, current: "included" | "excluded") {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [verdict, setVerdict] = useState<SettledVerdict>(current === "included" ? "exclude" : "include");
  const [formError, setFormError] = useState<string | null>(null);
  const impact = useQuery(
    trpc.screening.reopenImpact.queryOptions(
      { ...target, overrideTo: mode === "override" ? verdict : undefined },
      { staleTime: 0, retry: false },
    ),
  );
  const reopen = useMutation(trpc.screening.reopen.mutationOptions());
  const override = useMutation(trpc.screening.override.mutationOptions());
  const pending = reopen.isPending || override.isPending;
  const serverError = (mode === "reopen" ? reopen.error : override.error)?.message ?? null;

  async function submit(form: { reasonId: string | null; note: string }): Promise<string | null> {
    const note = form.note.trim();
    if (mode === "override") {
      if (verdict === "exclude" && !form.reasonId) {
        setFormError("Choose the exclusion reason: PRISMA counts each exclusion under its reason.");
        return null;
      }
      if (!note) {
        setFormError("Say why you override the verdict: the note is kept with it in the record's history.");
        return null;
      }
    }
    setFormError(null);
    // The lead has seen the list of what this undoes (or there is none): confirm it.
    const confirm = impact.data?.needsConfirmation ?? false;
    try {
      const done =
        mode === "reopen"
          ? await reopen.mutateAsync({ ...target, note, confirm })
          : await override.mutateAsync({
              ...target,
              verdict,
              reasonId: verdict === "exclude" ? form.reasonId : null,
              note,
              confirm,
            });
      await queryClient.invalidateQueries();
      return done.status === "awaiting"
        ? "Reopened: the record is back in screening at this stage."
        : `Overridden: the record is now ${done.status}.`;
    } catch {
      // Someone changed the work meanwhile: show the list as it is now.
      await impact.refetch();
      return null;
    }
  }

  return { verdict, setVerdict, impact, submit, pending, error: formError ?? serverError };
}
