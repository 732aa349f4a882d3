"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { useTRPC } from "@/app/_components/trpc";
import { formatDateTime } from "@/app/_lib/format";
import { byline, decidedByText, type PairRecord, scorePercent } from "./pair-types";

const PAGE = 25;

interface Props {
  reviewId: string;
  status: "merged" | "not_duplicates";
  canUndo: boolean;
}

function RecordCell({ record }: { record: PairRecord }) {
  return (
    <>
      <span className="pair-record-title">{record.title || <span className="muted">(no title)</span>}</span>
      <span className="muted small">{byline(record)}</span>
    </>
  );
}

/** Pairs already decided, newest first; merges can be undone from here. */
export function DecidedPairs({ reviewId, status, canUndo }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pairs = useInfiniteQuery(
    trpc.duplicates.pairs.infiniteQueryOptions(
      { reviewId, status, take: PAGE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const undo = useMutation(
    trpc.duplicates.undoMerge.mutationOptions({
      onSuccess: () => setMessage({ ok: true, text: "Merge undone: the record is back in the review." }),
      onError: (err) => setMessage({ ok: false, text: err.message }),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.duplicates.pathKey() }),
    }),
  );
  const merged = status === "merged";
  const showUndo = merged && canUndo;

  if (pairs.isPending) return <p className="muted">Loading pairs…</p>;
  if (pairs.isError) return <ErrorAlert>{pairs.error.message}</ErrorAlert>;
  const list = pairs.data.pages.flatMap((p) => p.pairs);

  return (
    <>
      <ErrorAlert>{message && !message.ok ? message.text : null}</ErrorAlert>
      <SuccessAlert>{message?.ok ? message.text : null}</SuccessAlert>
      <DataTable
        scroll
        className="decided-table"
        rows={list}
        rowKey={(pair) => pair.id}
        empty={
          <EmptyState>
            {merged ? "No records have been merged yet." : "No pairs have been marked as not duplicates yet."}
          </EmptyState>
        }
        columns={[
          {
            key: "a",
            header: merged ? "Kept" : "Record A",
            className: "pair-record",
            cell: (pair) => <RecordCell record={pair.recordA} />,
          },
          {
            key: "b",
            header: merged ? "Removed" : "Record B",
            className: "pair-record",
            cell: (pair) => <RecordCell record={pair.recordB} />,
          },
          { key: "match", header: "Match", numeric: true, cell: (pair) => scorePercent(pair.score) },
          { key: "by", header: "Decided by", cell: decidedByText },
          {
            key: "when",
            header: "When",
            className: "nowrap",
            cell: (pair) => (pair.decidedAt ? formatDateTime(pair.decidedAt) : "—"),
          },
          showUndo && {
            key: "undo",
            header: "Actions",
            hideHeader: true,
            cell: (pair) => (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                aria-label={`Undo merge of “${pair.recordB.title || "untitled record"}”`}
                disabled={undo.isPending}
                onClick={() => {
                  setMessage(null);
                  undo.mutate({ reviewId, pairId: pair.id });
                }}
              >
                Undo merge
              </button>
            ),
          },
        ]}
      />
      {pairs.hasNextPage && (
        <p>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={pairs.isFetchingNextPage}
            onClick={() => void pairs.fetchNextPage()}
          >
            {pairs.isFetchingNextPage ? "Loading…" : "Show more"}
          </button>
        </p>
      )}
    </>
  );
}
