"use client";
import Link from "next/link";
import { ErrorAlert } from "@/app/_components/alerts";
import { EmptyState } from "@/app/_components/empty-state";
import { formatCount, plural } from "@/app/_lib/format";
import { PairCompare } from "./pair-compare";
import { type DedupSummary, scorePercent } from "./pair-types";
import { usePairQueue } from "./use-pair-queue";

interface Props {
  reviewId: string;
  slug: string;
  canDecide: boolean;
  summary: DedupSummary | undefined;
}

/** The pending pairs, one at a time, with keyboard shortcuts for the whole routine. */
export function PairReview({ reviewId, slug, canDecide, summary }: Props) {
  const { pairs, pair, index, loaded, deciding, error, status, decide, move } = usePairQueue(reviewId, canDecide);
  if (pairs.isPending) return <p className="muted">Loading pairs…</p>;
  if (pairs.isError) return <ErrorAlert>{pairs.error.message}</ErrorAlert>;

  const total = Math.max(summary?.pending ?? loaded, loaded);
  return (
    <>
      <ErrorAlert>{error}</ErrorAlert>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {!pair ? (
        <NothingToReview slug={slug} summary={summary} />
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
                disabled={index >= loaded - 1}
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

function NothingToReview({ slug, summary }: { slug: string; summary: DedupSummary | undefined }) {
  if (summary && summary.records === 0) {
    return (
      <EmptyState>
        No pairs wait for review: nothing has been imported yet. <Link href={`/r/${slug}/import`}>Import records</Link>
      </EmptyState>
    );
  }
  const automatic = summary?.mergedAutomatically ?? 0;
  return (
    <EmptyState>
      No pairs wait for review.{" "}
      {automatic > 0
        ? `Sift merged ${plural(automatic, "sure duplicate")} automatically.`
        : "Sift has found no sure duplicates to merge automatically."}
    </EmptyState>
  );
}
