"use client";
import { useMemo } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { EmptyState } from "@/app/_components/empty-state";
import { TabList } from "@/app/_components/tab-list";
import { keywordMatcher } from "@/app/(workspace)/r/[slug]/screening/highlight";
import type { StageSetup } from "@/app/(workspace)/r/[slug]/screening/screening-types";
import { OpenConflict } from "./open-conflict";
import { ResolvedConflicts } from "./resolved-conflicts";
import { type ConflictTab, useConflicts } from "./use-conflicts";
import { WithdrawnConflicts } from "./withdrawn-conflicts";

const TABS: ConflictTab[] = ["open", "resolved", "withdrawn"];
const TAB_LABELS: Record<ConflictTab, string> = { open: "Open", resolved: "Resolved", withdrawn: "Withdrawn" };

interface Props {
  reviewId: string;
  setup: StageSetup;
  keywords: { include: string[]; exclude: string[] };
}

export function ConflictsScreen({ reviewId, setup, keywords }: Props) {
  const { tab, setTab, counts, current, openList, onResolved, success, successRef } = useConflicts(
    reviewId,
    setup.stage,
  );
  const matcher = useMemo(
    () => keywordMatcher(keywords.include, keywords.exclude),
    [keywords.include, keywords.exclude],
  );

  return (
    <>
      <SuccessAlert tabIndex={-1} ref={successRef}>
        {success}
      </SuccessAlert>
      <TabList label="Conflicts" tabs={TABS} labels={TAB_LABELS} counts={counts} selected={tab} onSelect={setTab} />
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {current.isPending ? (
          <p className="muted">Loading conflicts…</p>
        ) : current.isError ? (
          <ErrorAlert>{current.error.message}</ErrorAlert>
        ) : tab === "open" ? (
          openList.length === 0 ? (
            <EmptyState>No open conflicts at this stage.</EmptyState>
          ) : (
            openList.map((conflict) => (
              <OpenConflict
                key={conflict.id}
                reviewId={reviewId}
                setup={setup}
                conflict={conflict}
                matcher={matcher}
                onResolved={onResolved}
              />
            ))
          )
        ) : tab === "resolved" ? (
          <ResolvedConflicts reviewId={reviewId} setup={setup} conflicts={current.data} />
        ) : (
          <WithdrawnConflicts conflicts={current.data} />
        )}
      </div>
    </>
  );
}
