"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { plural } from "@/app/_lib/format";
import { hasRole } from "@/server/shared/roles";
import type { Stage } from "@/server/shared/stages";

/** A lead hands a reviewer a batch of records that waits for them instead of lapsing after 30 minutes. */
export function AllocateForm({ reviewId, stage }: { reviewId: string; stage: Stage }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.team.members.queryOptions({ reviewId }));
  const [done, setDone] = useState<string | null>(null);
  const allocate = useMutation(
    trpc.screening.allocate.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.screening.progress.pathKey() }),
    }),
  );
  const reviewers = (members.data ?? []).filter((m) => !m.removedAt && hasRole(m.role, "reviewer"));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reviewerId = String(form.get("reviewerId"));
    const count = Number(form.get("count"));
    const name = reviewers.find((r) => r.userId === reviewerId)?.name ?? "the reviewer";
    setDone(null);
    allocate.mutate(
      { reviewId, stage, reviewerId, count },
      {
        onSuccess: ({ allocated }) =>
          setDone(
            allocated === 0
              ? `No records were free to allocate to ${name}.`
              : `${plural(allocated, "record")} now wait for ${name}${allocated < count ? ": no more were free" : ""}.`,
          ),
      },
    );
  }

  return (
    <>
      <p className="muted small">
        Records handed out while screening go back to the pool after 30 minutes; allocated records wait for their
        reviewer. Only records that still need a decision, and that the reviewer has not decided, can be allocated.
      </p>
      <ErrorAlert>{allocate.error?.message ?? members.error?.message}</ErrorAlert>
      <SuccessAlert>{done}</SuccessAlert>
      <form className="inline-form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="allocate-reviewer">Reviewer</label>
          <select id="allocate-reviewer" name="reviewerId" required disabled={reviewers.length === 0}>
            {reviewers.map((r) => (
              <option key={r.userId} value={r.userId}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="allocate-count">Records</label>
          <input
            id="allocate-count"
            name="count"
            type="number"
            min={1}
            max={10000}
            step={1}
            defaultValue={20}
            required
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={allocate.isPending || reviewers.length === 0}>
          {allocate.isPending ? "Allocating…" : "Allocate records"}
        </button>
      </form>
    </>
  );
}
