"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import type { FormDefinition } from "@/server/api/contract/extraction";

/**
 * An extraction form as its lead edits it: the draft on screen, saved as a draft (extractors keep the published
 * version meanwhile), published as the next version, or discarded.
 */
export function useFormDraft(reviewId: string, formId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useQuery(trpc.extraction.form.queryOptions({ reviewId, formId }, { refetchOnWindowFocus: false }));
  const [definition, setDefinition] = useState<FormDefinition | null>(null);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (form.data) {
      setDefinition(form.data.definition);
      setDirty(false);
    }
  }, [form.data]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.extraction.pathKey() });
  const save = useMutation(trpc.extraction.saveDraft.mutationOptions());
  const publish = useMutation(trpc.extraction.publish.mutationOptions());
  const discard = useMutation(trpc.extraction.discardDraft.mutationOptions());
  const data = form.data;

  function change(next: FormDefinition) {
    setDefinition(next);
    setDirty(true);
    setMessage(null);
  }

  async function saveDraft(): Promise<number | null> {
    if (!data || !definition) return null;
    publish.reset();
    discard.reset();
    try {
      const { draftRevision } = await save.mutateAsync({ reviewId, formId, revision: data.draftRevision, definition });
      return draftRevision;
    } catch {
      return null;
    }
  }

  async function onSave() {
    if ((await saveDraft()) !== null) {
      setMessage("Draft saved. Extractors keep working on the published version until you publish.");
      await refresh();
    }
  }

  async function onPublish() {
    if (!data) return;
    const revision = dirty || !data.hasDraft ? await saveDraft() : data.draftRevision;
    if (revision === null) return;
    try {
      const { version } = await publish.mutateAsync({ reviewId, formId, revision });
      setMessage(`Published as version ${version}. Values already entered are kept.`);
      await refresh();
    } catch {
      await refresh();
    }
  }

  function onDiscard() {
    if (!data) return;
    save.reset();
    discard.mutate(
      { reviewId, formId, revision: data.draftRevision },
      {
        onSuccess: () => {
          setMessage("Draft discarded.");
          void refresh();
        },
      },
    );
  }

  return {
    form,
    definition,
    dirty,
    message,
    error: (save.error ?? publish.error ?? discard.error)?.message,
    busy: save.isPending || publish.isPending || discard.isPending,
    publishing: publish.isPending,
    change,
    save: onSave,
    publish: onPublish,
    discard: onDiscard,
  };
}
