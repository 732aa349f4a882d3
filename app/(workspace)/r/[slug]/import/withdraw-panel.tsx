"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import type { ImportRow } from "./use-imports";
import { WithdrawalImpactList } from "./withdrawal-impact-list";

interface Props {
  reviewId: string;
  imp: ImportRow;
  onClose: () => void;
}

/** What withdrawing the import would change, read fresh, then the lead's go-ahead (and reason). */
export function WithdrawPanel({ reviewId, imp, onClose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const impact = useQuery(
    trpc.imports.withdrawalImpact.queryOptions({ reviewId, importId: imp.id }, { staleTime: 0, gcTime: 0 }),
  );
  const [reason, setReason] = useState("");
  const [understood, setUnderstood] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const withdraw = useMutation(
    trpc.imports.withdraw.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.imports.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.duplicates.pathKey() });
        onClose();
      },
      // What was shown is out of date: show what is true now.
      onError: () => void impact.refetch(),
    }),
  );
  useEffect(() => heading.current?.focus(), []);

  const data = impact.data;
  const needsConfirmation = data?.needsConfirmation ?? false;
  return (
    // Escape closes it, as a dialog would.
    <section
      className="withdraw-panel"
      aria-labelledby={`${ids}-heading`}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <h3 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        Withdraw {imp.fileName}?
      </h3>
      {impact.isPending && <p className="muted">Working out what withdrawing it would change…</p>}
      <ErrorAlert>{impact.error?.message}</ErrorAlert>
      {data && (
        <>
          <p>Withdrawing it would change this:</p>
          <WithdrawalImpactList impact={data} />
          <ErrorAlert>{data.blocked}</ErrorAlert>
        </>
      )}
      {data && !data.blocked && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            withdraw.mutate({
              reviewId,
              importId: imp.id,
              reason: reason.trim(),
              downstreamKey: data.downstreamKey,
              confirmDownstream: understood,
            });
          }}
        >
          <div className="field">
            <label htmlFor={`${ids}-reason`}>Why (optional, kept in the audit trail)</label>
            <input
              id={`${ids}-reason`}
              type="text"
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="e.g. exported with the wrong date limit"
            />
          </div>
          {needsConfirmation && (
            <label className="check withdraw-confirm">
              <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
              <span>
                I understand: the extraction and appraisal listed above are undone where their study leaves the review.
              </span>
            </label>
          )}
          <ErrorAlert>{withdraw.error?.message}</ErrorAlert>
          <div className="row-actions">
            <button
              type="submit"
              className="btn btn-danger btn-small"
              disabled={withdraw.isPending || impact.isFetching || (needsConfirmation && !understood)}
            >
              {withdraw.isPending ? "Withdrawing…" : "Withdraw this import"}
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={onClose}>
              Keep it
            </button>
          </div>
        </form>
      )}
      {data?.blocked && (
        <button type="button" className="btn btn-secondary btn-small" onClick={onClose}>
          Close
        </button>
      )}
    </section>
  );
}
