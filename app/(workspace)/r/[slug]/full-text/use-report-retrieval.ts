"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_components/trpc";

/** Which small form a report card has open: none, the link's, or the reason it was not retrieved. */
export type RetrievalForm = "none" | "link" | "not-retrieved";

/** What can be done to one report's full text besides uploading a PDF: a link, "not retrieved", and undoing either. */
export function useReportRetrieval(reviewId: string, reportId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<RetrievalForm>("none");
  const [error, setError] = useState<string | null>(null);
  const options = { onSuccess: () => refresh(), onError: (err: { message: string }) => setError(err.message) };
  const setLink = useMutation(trpc.fullText.setLink.mutationOptions(options));
  const notRetrieved = useMutation(trpc.fullText.markNotRetrieved.mutationOptions(options));
  const undo = useMutation(trpc.fullText.undoRetrieval.mutationOptions(options));

  /** After any change, the PDF's upload included: forms close and the list and the screening counts reload. */
  function refresh() {
    setForm("none");
    setError(null);
    void queryClient.invalidateQueries({ queryKey: trpc.fullText.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.screening.progress.pathKey() });
  }

  return {
    form,
    setForm,
    error,
    refresh,
    saveLink: (url: string) => setLink.mutate({ reviewId, reportId, url }),
    savingLink: setLink.isPending,
    markNotRetrieved: (note: string) => notRetrieved.mutate({ reviewId, reportId, note }),
    markingNotRetrieved: notRetrieved.isPending,
    undo: () => undo.mutate({ reviewId, reportId }),
    undoing: undo.isPending,
  };
}
