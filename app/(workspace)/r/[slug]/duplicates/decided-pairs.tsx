"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/form-alerts";
import { useTRPC } from "@/app/_components/trpc";
import { formatDateTime } from "@/app/_lib/format";
import { byline, decidedByText, scorePercent, type PairRecord } from "./pair-types";

const PAGE = 25;

interface Props {
  reviewId: string;
  status: "merged" | "not_duplicates";
  canUndo: boolean;
}

function RecordCell({ record }: { record: PairRecord }) {
  return (
    <td className="pair-record">
      <span className="pair-record-title">{record.title || <span className="muted">(no title)</span>}</span>
      <span className="muted small">{byline(record)}</span>
    </td>
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
  if (pairs.isError) return <ErrorAlert message={pairs.error.message} />;
  const list = pairs.data.pages.flatMap((p) => p.pairs);

  return (
    <>
      <ErrorAlert message={message && !message.ok ? message.text : null} />
      <SuccessAlert message={message?.ok ? message.text : null} />
      {list.length === 0 ? (
        <p className="empty muted">
          {merged ? "No records have been merged yet." : "No pairs have been marked as not duplicates yet."}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data decided-table">
            <thead>
              <tr>
                <th scope="col">{merged ? "Kept" : "Record A"}</th>
                <th scope="col">{merged ? "Removed" : "Record B"}</th>
                <th scope="col" className="num">
                  Match
                </th>
                <th scope="col">Decided by</th>
                <th scope="col">When</th>
                {showUndo && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.map((pair) => (
                <tr key={pair.id}>
                  <RecordCell record={pair.recordA} />
                  <RecordCell record={pair.recordB} />
                  <td className="num">{scorePercent(pair.score)}</td>
                  <td>{decidedByText(pair)}</td>
                  <td className="nowrap">{pair.decidedAt ? formatDateTime(pair.decidedAt) : "—"}</td>
                  {showUndo && (
                    <td>
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
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
