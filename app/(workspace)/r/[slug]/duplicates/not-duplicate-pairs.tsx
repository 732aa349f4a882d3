"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/app/_components/alerts";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { useTRPC } from "@/app/_components/trpc";
import { formatDateTime } from "@/app/_lib/format";
import { byline, decidedByText, type PairRecord, scorePercent } from "./pair-types";

const PAGE = 25;

function RecordCell({ record }: { record: PairRecord }) {
  return (
    <>
      <span className="pair-record-title">{record.title || <span className="muted">(no title)</span>}</span>
      <span className="muted small">{byline(record)}</span>
    </>
  );
}

/** Pairs people kept apart as different documents, newest first. */
export function NotDuplicatePairs({ reviewId }: { reviewId: string }) {
  const trpc = useTRPC();
  const pairs = useInfiniteQuery(
    trpc.duplicates.notDuplicatePairs.infiniteQueryOptions(
      { reviewId, take: PAGE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  if (pairs.isPending) return <p className="muted">Loading pairs…</p>;
  if (pairs.isError) return <ErrorAlert>{pairs.error.message}</ErrorAlert>;
  const list = pairs.data.pages.flatMap((p) => p.pairs);

  return (
    <>
      <DataTable
        scroll
        className="decided-table"
        rows={list}
        rowKey={(pair) => pair.id}
        empty={<EmptyState>No pairs have been marked as not duplicates yet.</EmptyState>}
        columns={[
          {
            key: "a",
            header: "Record A",
            className: "pair-record",
            cell: (pair) => <RecordCell record={pair.recordA} />,
          },
          {
            key: "b",
            header: "Record B",
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
