"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import { type Entries, type Entry, entryKey, fromEntry, type StoredValue, toEntry } from "./entry-values";

/** The consensus keeps the first extractor's key for each matched item. */
export const consensusKey = (row: { instanceKeys: string[] }) => row.instanceKeys.find((k) => k !== "") ?? "";

/**
 * A study's extractions side by side, field by field, and the lead's consensus values: drafted from what the
 * extractors agree on (or the consensus already recorded), changed field by field, and recorded in one go.
 */
export function useExtractionConsensus(reviewId: string, formId: string, studyId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const target = { reviewId, formId, studyId };
  const comparison = useQuery(trpc.extraction.compare.queryOptions(target, { refetchOnWindowFocus: false }));
  const [entries, setEntries] = useState<Entries>({});
  const record = useMutation(
    trpc.extraction.recordConsensus.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.extraction.pathKey() }),
    }),
  );
  const data = comparison.data;
  const fields = useMemo(
    () => new Map(data?.definition.sections.flatMap((s) => s.fields.map((f) => [f.id, f] as const)) ?? []),
    [data],
  );

  useEffect(() => {
    if (!data) return;
    const start: Entries = {};
    const stored = new Map((data.consensus?.values ?? []).map((v) => [entryKey(v.fieldId, v.instanceKey), v.value]));
    for (const row of data.rows) {
      const field = fields.get(row.fieldId)!;
      const key = entryKey(row.fieldId, consensusKey(row));
      const value = data.consensus ? stored.get(key) : row.agree ? row.values[0] : null;
      start[key] = toEntry(field, value ?? null);
    }
    setEntries(start);
  }, [data, fields]);

  function submit() {
    if (!data) return;
    const values: StoredValue[] = data.rows.map((row) => ({
      fieldId: row.fieldId,
      instanceKey: consensusKey(row),
      value: fromEntry(fields.get(row.fieldId)!, entries[entryKey(row.fieldId, consensusKey(row))]),
    }));
    record.mutate({ ...target, formVersionId: data.formVersionId, values: values.filter((v) => v.value !== null) });
  }

  return {
    comparison,
    fields,
    entries,
    setEntry: (key: string, entry: Entry) => setEntries((all) => ({ ...all, [key]: entry })),
    submit,
    record,
  };
}

export type ExtractionConsensus = ReturnType<typeof useExtractionConsensus>;
