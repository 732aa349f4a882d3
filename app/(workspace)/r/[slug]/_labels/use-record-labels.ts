"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_components/trpc";

/**
 * The review's labels and those on one record, and putting one on or taking it off. Each change is announced
 * (for the live region beside the labels), and the record's page and list rows are refreshed after it.
 */
export function useRecordLabels(reviewId: string, recordId: string | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const all = useQuery(trpc.labels.list.queryOptions({ reviewId }));
  const onRecord = useQuery({
    ...trpc.labels.ofRecord.queryOptions({ reviewId, recordId: recordId ?? "" }),
    enabled: recordId !== null,
  });
  const set = useMutation(trpc.labels.setOnRecord.mutationOptions());
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const applied = new Set((onRecord.data ?? []).map((l) => l.id));

  async function toggle(labelId: string) {
    const label = all.data?.find((l) => l.id === labelId);
    if (!recordId || !label || !onRecord.data) return;
    const on = !applied.has(labelId);
    try {
      const result = await set.mutateAsync({ reviewId, recordId, labelId, on });
      queryClient.setQueryData(trpc.labels.ofRecord.queryKey({ reviewId, recordId }), result.labels);
      setMessage({ text: `Label “${label.name}” ${on ? "added to" : "taken off"} this record.`, error: false });
      void queryClient.invalidateQueries({ queryKey: trpc.labels.list.queryKey({ reviewId }) });
      void queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() });
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : "The label could not be changed.", error: true });
      void queryClient.invalidateQueries({ queryKey: trpc.labels.pathKey() });
    }
  }

  return {
    labels: all.data ?? [],
    loaded: all.isSuccess && (recordId === null || onRecord.isSuccess),
    onRecord: onRecord.data ?? [],
    applied,
    toggle,
    busy: set.isPending,
    message,
  };
}

export type RecordLabelsState = ReturnType<typeof useRecordLabels>;
