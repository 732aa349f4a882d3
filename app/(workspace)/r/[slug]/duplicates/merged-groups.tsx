"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { useTRPC } from "@/app/_components/trpc";
import { formatDateTime, plural } from "@/app/_lib/format";
import { byline, decidedByText, fieldList, type MergedGroup, scorePercent } from "./pair-types";

const PAGE = 20;

type Member = MergedGroup["merged"][number];

const titleOf = (r: { title: string }) => r.title || "untitled record";

/** Each kept record with the records merged into it (by people or automatically), newest merge first. */
export function MergedGroups({ reviewId, canUndo }: { reviewId: string; canUndo: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const groups = useInfiniteQuery(
    trpc.duplicates.mergedGroups.infiniteQueryOptions(
      { reviewId, take: PAGE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const settled = {
    onError: (err: { message: string }) => setMessage({ ok: false, text: err.message }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.duplicates.pathKey() }),
  };
  const undo = useMutation(
    trpc.duplicates.undoMerge.mutationOptions({
      ...settled,
      onSuccess: () => setMessage({ ok: true, text: "Merge undone: the record is back in the review." }),
    }),
  );
  const undoAll = useMutation(
    trpc.duplicates.undoGroupMerge.mutationOptions({
      ...settled,
      onSuccess: (done) =>
        setMessage({ ok: true, text: `Group merge undone: ${plural(done.restored, "record")} back in the review.` }),
    }),
  );
  const busy = undo.isPending || undoAll.isPending;

  if (groups.isPending) return <p className="muted">Loading merged records…</p>;
  if (groups.isError) return <ErrorAlert>{groups.error.message}</ErrorAlert>;
  const list = groups.data.pages.flatMap((p) => p.groups);

  return (
    <>
      <ErrorAlert>{message && !message.ok ? message.text : null}</ErrorAlert>
      <SuccessAlert>{message?.ok ? message.text : null}</SuccessAlert>
      {list.length === 0 && <EmptyState>No records have been merged yet.</EmptyState>}
      {list.map((group) => {
        const headingId = `merged-${group.kept.id}`;
        return (
          <section key={group.kept.id} className="merged-group" aria-labelledby={headingId}>
            <div className="merged-group-head">
              <div>
                <p className="muted small merged-kept-label">Kept</p>
                <h3 id={headingId} className="merged-kept-title">
                  {titleOf(group.kept)}
                </h3>
                <p className="muted small">
                  {byline(group.kept)}
                  {group.kept.import ? ` · ${group.kept.import.fileName}` : ""}
                </p>
              </div>
              {canUndo && group.merged.length > 1 && (
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  disabled={busy}
                  onClick={() => {
                    setMessage(null);
                    undoAll.mutate({ reviewId, keptId: group.kept.id });
                  }}
                >
                  Undo all {group.merged.length} merges
                  <span className="visually-hidden"> into “{titleOf(group.kept)}”</span>
                </button>
              )}
            </div>
            <DataTable
              scroll
              className="decided-table merged-table"
              label={`Records merged into “${titleOf(group.kept)}”`}
              rows={group.merged}
              rowKey={(m) => m.id}
              columns={[
                {
                  key: "record",
                  header: "Merged into it",
                  className: "pair-record",
                  cell: (m: Member) => (
                    <>
                      <span className="pair-record-title">{titleOf(m)}</span>
                      <span className="muted small">
                        {byline(m)}
                        {m.import ? ` · ${m.import.fileName}` : ""}
                      </span>
                      {m.filled.length > 0 && (
                        <span className="fill-note small">{fieldList(m.filled)} filled from this record</span>
                      )}
                    </>
                  ),
                },
                {
                  key: "match",
                  header: "Match",
                  numeric: true,
                  cell: (m) => (
                    <>
                      <span className="cell-label">Match</span>
                      {m.pair ? scorePercent(m.pair.score) : "—"}
                    </>
                  ),
                },
                {
                  key: "by",
                  header: "Decided by",
                  cell: (m) => (
                    <>
                      <span className="cell-label">Decided by</span>
                      {m.pair ? decidedByText(m.pair) : "—"}
                    </>
                  ),
                },
                {
                  key: "when",
                  header: "When",
                  className: "nowrap",
                  cell: (m) => (
                    <>
                      <span className="cell-label">When</span>
                      {m.pair?.decidedAt ? formatDateTime(m.pair.decidedAt) : "—"}
                    </>
                  ),
                },
                canUndo && {
                  key: "undo",
                  header: "Actions",
                  hideHeader: true,
                  cell: (m) =>
                    m.pair && (
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        aria-label={`Undo merge of “${titleOf(m)}”`}
                        disabled={busy}
                        onClick={() => {
                          setMessage(null);
                          undo.mutate({ reviewId, pairId: m.pair!.id });
                        }}
                      >
                        Undo merge
                      </button>
                    ),
                },
              ]}
            />
          </section>
        );
      })}
      {groups.hasNextPage && (
        <p>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={groups.isFetchingNextPage}
            onClick={() => void groups.fetchNextPage()}
          >
            {groups.isFetchingNextPage ? "Loading…" : "Show more"}
          </button>
        </p>
      )}
    </>
  );
}
