"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useEffectEvent, useState } from "react";
import { ErrorAlert } from "@/app/_components/form-alerts";
import { useTRPC } from "@/app/_components/trpc";
import { formatCount, plural } from "@/app/_lib/format";
import { PairCompare } from "./pair-compare";
import { scorePercent, type DedupSummary } from "./pair-types";

const PAGE = 50;

interface Props {
  reviewId: string;
  slug: string;
  canDecide: boolean;
  summary: DedupSummary | undefined;
}

/** Keys typed into a field are text, not commands. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("input, textarea, select, [contenteditable]") !== null;
}

/** The tab list moves between tabs with the arrow keys itself. */
function inTabList(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("[role=tablist]") !== null;
}

/** The pending pairs, one at a time, with keyboard shortcuts for the whole routine. */
export function PairReview({ reviewId, slug, canDecide, summary }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pairs = useInfiniteQuery(
    trpc.duplicates.pairs.infiniteQueryOptions(
      { reviewId, status: "pending", take: PAGE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  // Decided here: hidden at once rather than after the refetch, so the next pair follows without a flicker.
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [position, setPosition] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const merge = useMutation(trpc.duplicates.merge.mutationOptions());
  const notDuplicates = useMutation(trpc.duplicates.notDuplicates.mutationOptions());
  const deciding = merge.isPending || notDuplicates.isPending;

  const list = (pairs.data?.pages.flatMap((p) => p.pairs) ?? []).filter((p) => !decided.has(p.id));
  const index = Math.min(position, Math.max(list.length - 1, 0));
  const pair = list[index];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pairs;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && index >= list.length - 5) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, index, list.length]);

  function refresh() {
    return queryClient.invalidateQueries({ queryKey: trpc.duplicates.pathKey() });
  }

  function decide(kind: "merge" | "not-duplicates") {
    if (!pair || deciding || !canDecide) return;
    setError(null);
    const mutation = kind === "merge" ? merge : notDuplicates;
    mutation.mutate(
      { reviewId, pairId: pair.id },
      {
        onSuccess: () => {
          setDecided((set) => new Set(set).add(pair.id));
          const done = kind === "merge" ? "Merged." : "Marked as not duplicates.";
          setStatus(list.length > 1 ? `${done} Showing the next pair.` : `${done} No more pairs wait for review.`);
          void refresh();
        },
        onError: (err) => {
          setError(err.message);
          setStatus("");
          void refresh();
        },
      },
    );
  }

  function move(step: number) {
    setPosition(Math.min(Math.max(index + step, 0), Math.max(list.length - 1, 0)));
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === "m" && canDecide) decide("merge");
    else if (key === "n" && canDecide) decide("not-duplicates");
    else if (key === "j" || (key === "arrowright" && !inTabList(event.target))) move(1);
    else if (key === "k" || (key === "arrowleft" && !inTabList(event.target))) move(-1);
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  if (pairs.isPending) return <p className="muted">Loading pairs…</p>;
  if (pairs.isError) return <ErrorAlert message={pairs.error.message} />;

  const total = Math.max(summary?.pending ?? list.length, list.length);
  return (
    <>
      <ErrorAlert message={error} />
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {!pair ? (
        <EmptyState slug={slug} summary={summary} />
      ) : (
        <article className="pair" aria-label={`Pair ${index + 1} of ${total}`}>
          <div className="pair-header">
            <p className="pair-position">
              Pair <strong>{formatCount(index + 1)}</strong> of {formatCount(total)}
            </p>
            <p className="pair-score">
              <strong>{scorePercent(pair.score)}</strong> likely the same document
            </p>
          </div>
          <div className="pair-actions">
            {canDecide && (
              <>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={deciding}
                  aria-keyshortcuts="M"
                  onClick={() => decide("merge")}
                >
                  Merge <kbd>M</kbd>
                </button>
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={deciding}
                  aria-keyshortcuts="N"
                  onClick={() => decide("not-duplicates")}
                >
                  Not duplicates <kbd>N</kbd>
                </button>
              </>
            )}
            <span className="pair-nav">
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={index === 0}
                aria-keyshortcuts="K ArrowLeft"
                onClick={() => move(-1)}
              >
                ← Previous <kbd>K</kbd>
              </button>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={index >= list.length - 1}
                aria-keyshortcuts="J ArrowRight"
                onClick={() => move(1)}
              >
                Next <kbd>J</kbd> →
              </button>
            </span>
          </div>
          {!canDecide && (
            <p className="muted small">Only the review&apos;s leads and owners can merge records or keep them apart.</p>
          )}
          <PairCompare a={pair.recordA} b={pair.recordB} />
          <p className="muted small shortcut-help">
            Keys: {canDecide && "M merge, N not duplicates, "}J or → next pair, K or ← previous pair.
          </p>
        </article>
      )}
    </>
  );
}

function EmptyState({ slug, summary }: { slug: string; summary: DedupSummary | undefined }) {
  if (summary && summary.records === 0) {
    return (
      <div className="empty">
        <p>
          No pairs wait for review: nothing has been imported yet.{" "}
          <Link href={`/r/${slug}/import`}>Import records</Link>
        </p>
      </div>
    );
  }
  const automatic = summary?.mergedAutomatically ?? 0;
  return (
    <div className="empty">
      <p>
        No pairs wait for review.{" "}
        {automatic > 0
          ? `Sift merged ${plural(automatic, "sure duplicate")} automatically.`
          : "Sift has found no sure duplicates to merge automatically."}
      </p>
    </div>
  );
}
