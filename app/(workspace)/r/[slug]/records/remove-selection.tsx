"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import {
  MAX_REMOVAL_NOTE,
  REMOVAL_REASON_LABELS,
  REMOVAL_REASONS,
  type RemovalReason,
} from "@/server/api/contract/records";
import type { RecordBrowser } from "./use-record-browser";

const plural = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "record" : "records"}`;

/**
 * A lead's removal of the chosen records before screening, with a reason (PRISMA 2020 "Records removed for other
 * reasons"), or, while the browser shows the removed records, their restoration for screening.
 */
export function RemoveSelection({ browser, reviewId }: { browser: RecordBrowser; reviewId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<RemovalReason>("retracted");
  const [note, setNote] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const remove = useMutation(trpc.records.removeBeforeScreening.mutationOptions());
  const restore = useMutation(trpc.records.restoreRemoved.mutationOptions());
  const restoring = browser.state.removed === "removed";
  const pending = remove.isPending || restore.isPending;

  async function submit() {
    setDone(null);
    remove.reset();
    restore.reset();
    try {
      if (restoring) {
        const result = await restore.mutateAsync({ reviewId, ...browser.chosen() });
        setDone(`${plural(result.restored)} restored for screening.`);
      } else {
        const result = await remove.mutateAsync({ reviewId, ...browser.chosen(), reason, note });
        setDone(
          `${plural(result.removed)} removed before screening (${result.reason}). The filter “Removed before screening” finds them, to restore them.`,
        );
        setNote("");
      }
      // The selection stays, so that the message stays in the bar and a slip can be taken back at once.
      void queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.prisma2020Flow.pathKey() });
    } catch {
      // The mutation's error is shown below.
    }
  }

  const error = remove.error ?? restore.error;
  return (
    <form
      className="bulk-form"
      aria-label={restoring ? "Restore for screening" : "Remove before screening"}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {restoring ? (
        <button type="submit" className="btn btn-secondary btn-small" disabled={pending}>
          {restore.isPending ? "Restoring…" : "Restore for screening"}
        </button>
      ) : (
        <>
          <label htmlFor="bulk-remove-reason">Remove before screening:</label>
          <select
            id="bulk-remove-reason"
            value={reason}
            onChange={(event) => setReason(event.target.value as RemovalReason)}
          >
            {REMOVAL_REASONS.map((r) => (
              <option key={r} value={r}>
                {REMOVAL_REASON_LABELS[r]}
              </option>
            ))}
          </select>
          <label htmlFor="bulk-remove-note" className="visually-hidden">
            {reason === "other" ? "Why (required)" : "Details (optional)"}
          </label>
          <input
            id="bulk-remove-note"
            type="text"
            value={note}
            maxLength={MAX_REMOVAL_NOTE}
            required={reason === "other"}
            placeholder={reason === "other" ? "Why (required)" : "Details (optional)"}
            onChange={(event) => setNote(event.target.value)}
          />
          <button type="submit" className="btn btn-secondary btn-small" disabled={pending}>
            {remove.isPending ? "Removing…" : "Remove"}
          </button>
        </>
      )}
      {done && <SuccessAlert className="small">{done}</SuccessAlert>}
      <ErrorAlert className="small">{error?.message}</ErrorAlert>
    </form>
  );
}
