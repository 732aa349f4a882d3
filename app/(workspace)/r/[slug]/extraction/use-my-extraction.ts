"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import { type Entries, type Entry, entriesOf, entryKey, instancesOf, valuesToSend } from "./entry-values";

/**
 * The signed-in extractor's values for one study: loaded once, changed field by field, saved on request (Ctrl+S
 * too) and marked complete. After a refusal because the form has a newer version, `loadNewVersion` reloads the
 * form under it with the unsaved entries kept.
 */
export function useMyExtraction(reviewId: string, formId: string, studyId: string, writable: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const target = { reviewId, formId, studyId };
  const mine = useQuery(
    trpc.extraction.mine.queryOptions(target, { staleTime: Infinity, refetchOnWindowFocus: false }),
  );
  const [entries, setEntries] = useState<Entries>({});
  const [instances, setInstances] = useState<Record<string, string[]>>({});
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const loadedFor = useRef<unknown>(null);
  // After a stale-version refusal the form reloads under the new version with the unsaved entries kept.
  const keepEntries = useRef(false);

  useEffect(() => {
    if (!mine.data || loadedFor.current === mine.data) return;
    loadedFor.current = mine.data;
    const fresh = entriesOf(mine.data.definition, mine.data.values);
    const freshInstances = instancesOf(mine.data.definition, mine.data.values);
    if (keepEntries.current) {
      keepEntries.current = false;
      setEntries((mineNow) => ({ ...fresh, ...mineNow }));
      setInstances((now) =>
        Object.fromEntries(
          Object.entries(freshInstances).map(([id, keys]) => [id, [...new Set([...keys, ...(now[id] ?? [])])]]),
        ),
      );
      return;
    }
    setEntries(fresh);
    // Items still empty have nothing stored, so a reload after saving would drop them from the screen.
    setInstances((now) =>
      Object.fromEntries(
        Object.entries(freshInstances).map(([id, keys]) => [id, [...new Set([...keys, ...(now[id] ?? [])])].sort()]),
      ),
    );
    setDirty(false);
  }, [mine.data]);

  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.extraction.pathKey() });
  const save = useMutation(
    trpc.extraction.save.mutationOptions({
      onSuccess: () => {
        setDirty(false);
        setMessage("Saved.");
        void invalidate();
      },
    }),
  );
  const complete = useMutation(
    trpc.extraction.complete.mutationOptions({
      onSuccess: () => {
        setMessage("Saved and marked complete.");
        void invalidate();
      },
    }),
  );

  const data = mine.data;

  async function onSave(andComplete: boolean) {
    if (!data) return;
    setMessage(null);
    complete.reset();
    const base = { ...target, formVersionId: data.formVersionId };
    try {
      await save.mutateAsync({ ...base, values: valuesToSend(data.definition, entries, instances, data.values) });
    } catch {
      return;
    }
    // The items on screen, empty ones too: the server holds each to the form's required fields.
    if (andComplete) complete.mutate({ ...base, items: instances });
  }

  const saveRef = useRef(onSave);
  saveRef.current = onSave;
  useEffect(() => {
    if (!writable) return;
    function onKey(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void saveRef.current(false);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [writable]);

  function loadNewVersion() {
    keepEntries.current = true;
    save.reset();
    complete.reset();
    void mine.refetch();
  }

  const error = save.error ?? complete.error;
  return {
    mine,
    entries,
    instances,
    dirty,
    /**
     * What the last save did; shown only while nothing has changed since. Beside a refused completion it says the
     * values were kept, so the refusal is not read as a lost save.
     */
    message: dirty ? null : complete.error ? "Your values are saved; the study is not marked complete yet." : message,
    busy: save.isPending || complete.isPending,
    saving: save.isPending,
    error: error?.message,
    /** Completion was refused for required fields left empty: the screen marks those still empty. */
    missingRefused: complete.error?.data?.appCode === "INVALID_INPUT",
    /** The form changed under the extractor: their entries can be carried over to the new version. */
    stale: error?.data?.appCode === "STALE",
    setEntry(fieldId: string, instanceKey: string, entry: Entry) {
      setEntries((all) => ({ ...all, [entryKey(fieldId, instanceKey)]: entry }));
      setDirty(true);
    },
    setSectionInstances(sectionId: string, keys: string[]) {
      setInstances((all) => ({ ...all, [sectionId]: keys }));
      setDirty(true);
    },
    save: onSave,
    loadNewVersion,
  };
}
