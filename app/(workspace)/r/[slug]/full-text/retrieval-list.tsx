"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert } from "@/app/_components/form-alerts";
import { TabList } from "@/app/_components/tab-list";
import { useTRPC } from "@/app/_components/trpc";
import { formatCount, plural } from "@/app/_lib/format";
import { ReportCard } from "./report-card";
import { OUTCOME_LABELS, RETRIEVAL_LABELS, type FullTextOutcome, type RetrievalStatus } from "./report-types";

type Tab = RetrievalStatus | "all";
const TABS: Tab[] = ["sought", "retrieved", "not_retrieved", "all"];
const TAB_LABELS: Record<Tab, string> = { ...RETRIEVAL_LABELS, all: "All" };
const OUTCOMES = Object.keys(OUTCOME_LABELS) as FullTextOutcome[];
const PAGE = 50;

interface Props {
  reviewId: string;
  canEdit: boolean;
  maxBytes: number;
}

export function RetrievalList({ reviewId, canEdit, maxBytes }: Props) {
  const trpc = useTRPC();
  const [tab, setTab] = useState<Tab>("sought");
  const [outcome, setOutcome] = useState<FullTextOutcome | "">("");
  const list = useInfiniteQuery(
    trpc.fullText.list.infiniteQueryOptions(
      { reviewId, status: tab === "all" ? undefined : tab, outcome: outcome || undefined, take: PAGE },
      { getNextPageParam: (page) => (page.visible ? (page.nextCursor ?? undefined) : undefined), staleTime: 0 },
    ),
  );
  const first = list.data?.pages[0];
  if (list.isError) return <ErrorAlert message={list.error.message} />;
  if (first && !first.visible) {
    return (
      <div className="alert alert-info">
        <p>
          While title/abstract screening is blinded, only leads see which records reached full text: it would tell you
          how your co-reviewers decided. Screen the full texts under <strong>Screen full text</strong>.
        </p>
      </div>
    );
  }
  const counts = first?.visible ? first.counts : null;
  const items = list.data?.pages.flatMap((p) => (p.visible ? p.items : [])) ?? [];
  const total = counts ? counts.byStatus.sought + counts.byStatus.retrieved + counts.byStatus.not_retrieved : null;
  const tabCounts: Record<Tab, number | null> = {
    sought: counts?.byStatus.sought ?? null,
    retrieved: counts?.byStatus.retrieved ?? null,
    not_retrieved: counts?.byStatus.not_retrieved ?? null,
    all: total,
  };
  const byOutcome = counts?.byOutcome;
  return (
    <>
      {total !== null && (
        <p className="small muted retrieval-summary">
          {plural(total, "report")} sought: {formatCount(counts!.byStatus.retrieved)} retrieved,{" "}
          {formatCount(counts!.byStatus.not_retrieved)} not retrieved, {formatCount(counts!.byStatus.sought)} still to
          retrieve.
          {byOutcome && (
            <>
              {" "}
              Full-text screening: {formatCount(byOutcome.included)} included, {formatCount(byOutcome.excluded)} excluded,{" "}
              {plural(byOutcome.conflict, "conflict")}.
            </>
          )}
        </p>
      )}
      <TabList label="Reports by retrieval" tabs={TABS} labels={TAB_LABELS} counts={tabCounts} selected={tab} onSelect={setTab} />
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {byOutcome && (tab === "retrieved" || tab === "all") && (
          <div className="field inline-field">
            <label htmlFor="outcome-filter">Full-text outcome</label>
            <select id="outcome-filter" value={outcome} onChange={(e) => setOutcome(e.target.value as FullTextOutcome | "")}>
              <option value="">Any</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {OUTCOME_LABELS[o]}
                </option>
              ))}
            </select>
          </div>
        )}
        {list.isPending ? (
          <p className="muted">Loading reports…</p>
        ) : items.length === 0 ? (
          <EmptyTab tab={tab} total={total ?? 0} filtered={outcome !== ""} />
        ) : (
          <ul className="report-list">
            {items.map((report) => (
              <ReportCard key={report.id} reviewId={reviewId} report={report} canEdit={canEdit} maxBytes={maxBytes} />
            ))}
          </ul>
        )}
        {list.hasNextPage && (
          <button type="button" className="btn btn-secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {list.isFetchingNextPage ? "Loading…" : "Show more reports"}
          </button>
        )}
      </div>
    </>
  );
}

function EmptyTab({ tab, total, filtered }: { tab: Tab; total: number; filtered: boolean }) {
  if (total === 0) {
    return <p className="empty muted">No reports yet: records appear here once they are included at title/abstract.</p>;
  }
  if (filtered) return <p className="empty muted">No report here has that full-text outcome.</p>;
  if (tab === "sought") return <p className="empty muted">Every report has been dealt with: nothing is left to retrieve.</p>;
  return <p className="empty muted">No reports are {TAB_LABELS[tab].toLowerCase()}.</p>;
}
