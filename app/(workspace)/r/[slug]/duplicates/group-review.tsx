"use client";
import Link from "next/link";
import { ErrorAlert } from "@/app/_components/alerts";
import { EmptyState } from "@/app/_components/empty-state";
import { formatCount, plural } from "@/app/_lib/format";
import type { FillableField } from "@/server/api/contract/duplicates";
import { GroupCompare, recordName } from "./group-compare";
import { type DedupSummary, fieldList, type GroupRecord, scorePercent } from "./pair-types";
import { useGroupQueue } from "./use-group-queue";

interface Props {
  reviewId: string;
  slug: string;
  canDecide: boolean;
  summary: DedupSummary | undefined;
}

/** The pending groups of possible duplicates, one at a time, with keyboard shortcuts for the whole routine. */
export function GroupReview({ reviewId, slug, canDecide, summary }: Props) {
  const q = useGroupQueue(reviewId, canDecide);
  if (q.groups.isPending) return <p className="muted">Loading groups…</p>;
  if (q.groups.isError) return <ErrorAlert>{q.groups.error.message}</ErrorAlert>;
  const { group } = q;
  const records = group?.records ?? [];
  const keptIndex = records.findIndex((r) => r.id === q.keptId);

  const header = (record: GroupRecord, index: number) => {
    const kept = canDecide && record.id === q.keptId;
    return (
      <div className="group-record-head">
        <span className="group-record-name">
          {recordName(index)} {kept && <span className="badge badge-kept">Kept</span>}
        </span>
        {record.hasWork && <span className="badge badge-work">Screened</span>}
        {canDecide && (
          <>
            <label className="keep-choice">
              <input
                type="radio"
                name={`kept-${group!.key}`}
                checked={kept}
                disabled={q.deciding}
                onChange={() => q.keep(record)}
                onFocus={() => q.setCurrentRecord(index)}
              />{" "}
              Keep this one<span className="visually-hidden"> ({recordName(index)})</span>
            </label>
            <button
              type="button"
              className="link-button small"
              disabled={q.deciding}
              onClick={() => q.notDuplicate(record)}
              onFocus={() => q.setCurrentRecord(index)}
            >
              Not a duplicate<span className="visually-hidden"> ({recordName(index)})</span>
            </button>
          </>
        )}
      </div>
    );
  };

  return (
    <>
      <ErrorAlert>{q.error}</ErrorAlert>
      <p className="visually-hidden" role="status">
        {q.status}
      </p>
      {!group ? (
        <NothingToReview slug={slug} summary={summary} />
      ) : (
        <article className="pair group" aria-label={`Group ${q.index + 1} of ${q.total}`}>
          <div className="pair-header">
            <p className="pair-position">
              Group <strong>{formatCount(q.index + 1)}</strong> of {formatCount(q.total)} ·{" "}
              {plural(records.length, "record")}
            </p>
            <p className="pair-score">
              <strong>{scorePercent(group.score)}</strong> likely the same document
            </p>
          </div>
          <div className="pair-actions">
            {canDecide && (
              <button
                type="button"
                className="btn btn-primary"
                disabled={q.deciding}
                aria-keyshortcuts="M"
                onClick={q.mergeGroup}
              >
                Merge into {recordName(keptIndex)} <kbd>M</kbd>
              </button>
            )}
            <span className="pair-nav">
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={q.index === 0}
                aria-keyshortcuts="K"
                onClick={() => q.move(-1)}
              >
                ← Previous <kbd>K</kbd>
              </button>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={q.index >= q.loaded - 1}
                aria-keyshortcuts="S J"
                onClick={() => q.move(1)}
              >
                Skip <kbd>S</kbd> →
              </button>
            </span>
          </div>
          {canDecide ? (
            <MergePreview records={records} q={q} keptIndex={keptIndex} />
          ) : (
            <p className="muted small">Only the review&apos;s leads and owners can merge records or keep them apart.</p>
          )}
          <GroupCompare
            records={records}
            keptId={canDecide ? q.keptId : null}
            current={q.current}
            fills={canDecide ? q.fills : []}
            header={header}
          />
          {group.alreadyMerged.length > 0 && (
            <p className="muted small">
              Already merged into these:{" "}
              {group.alreadyMerged.map((m, i) => (
                <span key={m.id}>
                  {i > 0 && "; "}“{m.title || "untitled record"}” ({m.import?.fileName ?? m.source.name})
                </span>
              ))}
              . They follow the record they were merged into.
            </p>
          )}
          <p className="muted small shortcut-help">
            Keys: ← → move between records
            {canDecide && ", 1–9 or C keep a record, M merge, N the current record is not a duplicate"}, S or J next
            group, K previous group.
          </p>
        </article>
      )}
    </>
  );
}

function MergePreview({
  records,
  q,
  keptIndex,
}: {
  records: GroupRecord[];
  q: ReturnType<typeof useGroupQueue>;
  keptIndex: number;
}) {
  const name = (id: string) => recordName(records.findIndex((r) => r.id === id));
  const byDonor = new Map<string, FillableField[]>();
  for (const fill of q.fills) byDonor.set(fill.donorId, [...(byDonor.get(fill.donorId) ?? []), fill.field]);
  return (
    <div className="merge-preview">
      <p className="small">
        {recordName(keptIndex)} stays in the review; {records.length === 2 ? "the other is" : "the others are"} counted
        as duplicates removed.{" "}
        {q.fills.length === 0
          ? "It has every field the others have."
          : [...byDonor].map(([donor, fields]) => `${fieldList(fields)} filled from ${name(donor)}.`).join(" ")}
      </p>
      {q.atRisk.length > 0 && (
        <label className="confirm-work small">
          <input type="checkbox" checked={q.confirmWork} onChange={(e) => q.setConfirmWork(e.target.checked)} />{" "}
          {q.atRisk.map((r) => name(r.id)).join(" and ")} {q.atRisk.length === 1 ? "has" : "have"} been screened:
          merging {q.atRisk.length === 1 ? "it" : "them"} away sets that screening aside (undoing the merge brings it
          back). Merge anyway.
        </label>
      )}
    </div>
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
