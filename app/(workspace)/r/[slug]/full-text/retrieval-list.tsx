"use client";
import { ErrorAlert, InfoAlert } from "@/app/_components/alerts";
import { EmptyState } from "@/app/_components/empty-state";
import { TabList } from "@/app/_components/tab-list";
import { formatCount, plural } from "@/app/_lib/format";
import { ReportCard } from "./report-card";
import { type FullTextOutcome, OUTCOME_LABELS, RETRIEVAL_LABELS, type ReportCounts } from "./report-types";
import { type RetrievalTab, useRetrievalList } from "./use-retrieval-list";

const TABS: RetrievalTab[] = ["sought", "retrieved", "not_retrieved", "all"];
const TAB_LABELS: Record<RetrievalTab, string> = { ...RETRIEVAL_LABELS, all: "All" };
const OUTCOMES = Object.keys(OUTCOME_LABELS) as FullTextOutcome[];

interface Props {
  reviewId: string;
  canEdit: boolean;
  maxBytes: number;
}

export function RetrievalList({ reviewId, canEdit, maxBytes }: Props) {
  const { list, hidden, items, counts, total, tabCounts, tab, setTab, outcome, setOutcome } =
    useRetrievalList(reviewId);
  if (list.isError) return <ErrorAlert>{list.error.message}</ErrorAlert>;
  if (hidden) {
    return (
      <InfoAlert>
        <p>
          While title/abstract screening is blinded, only leads see which records reached full text: it would tell you
          how your co-reviewers decided. Screen the full texts under <strong>Screen full text</strong>.
        </p>
      </InfoAlert>
    );
  }
  const byOutcome = counts?.byOutcome;
  return (
    <>
      {counts && total !== null && <Summary counts={counts} total={total} />}
      <TabList
        label="Reports by retrieval"
        tabs={TABS}
        labels={TAB_LABELS}
        counts={tabCounts}
        selected={tab}
        onSelect={setTab}
      />
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {byOutcome && (tab === "retrieved" || tab === "all") && (
          <div className="field inline-field">
            <label htmlFor="outcome-filter">Full-text outcome</label>
            <select
              id="outcome-filter"
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as FullTextOutcome | "")}
            >
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
          <button
            type="button"
            className="btn btn-secondary"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? "Loading…" : "Show more reports"}
          </button>
        )}
      </div>
    </>
  );
}

function Summary({ counts, total }: { counts: ReportCounts; total: number }) {
  const byOutcome = counts.byOutcome;
  return (
    <p className="small muted retrieval-summary">
      {plural(total, "report")} sought: {formatCount(counts.byStatus.retrieved)} retrieved,{" "}
      {formatCount(counts.byStatus.not_retrieved)} not retrieved, {formatCount(counts.byStatus.sought)} still to
      retrieve.
      {byOutcome && (
        <>
          {" "}
          Full-text screening: {formatCount(byOutcome.included)} included, {formatCount(byOutcome.excluded)} excluded,{" "}
          {plural(byOutcome.conflict, "conflict")}.
        </>
      )}
    </p>
  );
}

function EmptyTab({ tab, total, filtered }: { tab: RetrievalTab; total: number; filtered: boolean }) {
  if (total === 0)
    return <EmptyState>No reports yet: records appear here once they are included at title/abstract.</EmptyState>;
  if (filtered) return <EmptyState>No report here has that full-text outcome.</EmptyState>;
  if (tab === "sought") return <EmptyState>Every report has been dealt with: nothing is left to retrieve.</EmptyState>;
  return <EmptyState>No reports are {TAB_LABELS[tab].toLowerCase()}.</EmptyState>;
}
