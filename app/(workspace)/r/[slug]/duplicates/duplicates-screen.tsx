"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ErrorAlert, InfoAlert } from "@/app/_components/alerts";
import { TabList } from "@/app/_components/tab-list";
import { useTRPC } from "@/app/_components/trpc";
import { formatCount } from "@/app/_lib/format";
import { isBusy, useImports } from "@/app/(workspace)/r/[slug]/import/use-imports";
import { GroupReview } from "./group-review";
import { MergedGroups } from "./merged-groups";
import { NotDuplicatePairs } from "./not-duplicate-pairs";
import type { DedupSummary } from "./pair-types";

type Tab = "pending" | "merged" | "not_duplicates";
const TABS: Tab[] = ["pending", "merged", "not_duplicates"];
const TAB_LABELS: Record<Tab, string> = { pending: "To review", merged: "Merged", not_duplicates: "Not duplicates" };

function tabCounts(summary: DedupSummary | undefined): Record<Tab, number | null> {
  if (!summary) return { pending: null, merged: null, not_duplicates: null };
  return {
    pending: summary.pendingGroups,
    merged: summary.duplicatesRemoved,
    not_duplicates: summary.notDuplicates,
  };
}

function Stats({ summary }: { summary: DedupSummary }) {
  const stats: [number, string][] = [
    [summary.records, "records imported"],
    [summary.duplicatesRemoved, "duplicates removed"],
    [summary.pending, "pairs to review"],
    [summary.mergedAutomatically, "merged automatically"],
    [summary.mergedByPeople, "merged by people"],
    [summary.notDuplicates, "not duplicates"],
    [summary.sameStudyLinks, "same-trial links (kept apart)"],
  ];
  return (
    <ul className="stats dedup-stats" aria-label="Duplicate counts">
      {stats.map(([n, label]) => (
        <li key={label}>
          <strong>{formatCount(n)}</strong> {label}
        </li>
      ))}
    </ul>
  );
}

/** New pairs appear when an import's duplicate search finishes, so the page watches the imports meanwhile. */
function useRefreshAfterImports(reviewId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const imports = useImports(reviewId);
  const busy = imports.data?.filter((imp) => isBusy(imp)).length ?? 0;
  const deduped = imports.data?.filter((imp) => imp.dedupedAt).length;
  const seen = useRef(deduped);
  useEffect(() => {
    if (deduped === undefined) return;
    if (seen.current !== undefined && seen.current !== deduped) {
      void queryClient.invalidateQueries({ queryKey: trpc.duplicates.pathKey() });
    }
    seen.current = deduped;
  }, [deduped, queryClient, trpc]);
  return busy;
}

interface Props {
  reviewId: string;
  slug: string;
  canDecide: boolean;
}

export function DuplicatesScreen({ reviewId, slug, canDecide }: Props) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.duplicates.summary.queryOptions({ reviewId }, { staleTime: 0 }));
  const [tab, setTab] = useState<Tab>("pending");
  const busy = useRefreshAfterImports(reviewId);

  return (
    <>
      <ErrorAlert>{summary.error?.message}</ErrorAlert>
      {busy > 0 && (
        <InfoAlert>
          <p>
            Sift is still reading or checking {busy === 1 ? "an import" : `${busy} imports`} for duplicates; new pairs
            appear here when it is done.
          </p>
        </InfoAlert>
      )}
      {summary.data && <Stats summary={summary.data} />}
      <TabList
        label="Duplicates"
        tabs={TABS}
        labels={TAB_LABELS}
        counts={tabCounts(summary.data)}
        selected={tab}
        onSelect={setTab}
      />
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "pending" && (
          <GroupReview reviewId={reviewId} slug={slug} canDecide={canDecide} summary={summary.data} />
        )}
        {tab === "merged" && <MergedGroups reviewId={reviewId} canUndo={canDecide} />}
        {tab === "not_duplicates" && <NotDuplicatePairs reviewId={reviewId} />}
      </div>
    </>
  );
}
