"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { useTRPC } from "@/app/_components/trpc";
import { closedText, reasonLabel, type ScreeningItem, type StageSetup } from "./screening-types";
import { VerdictBadge } from "./verdict-badge";

const PAGE = 20;

/**
 * Null means hidden by blinding: how the record settled would tell how the others decided. A record the reviewer
 * is told is in full-text screening was included, which they know from their own full-text decision.
 */
function outcomeText({ outcome, closedBecause }: ScreeningItem): string {
  if (outcome === "included" || closedBecause === "in_full_text") return "Included";
  if (outcome === "excluded") return "Excluded";
  if (outcome === "conflict") return "Conflict";
  if (outcome === "awaiting") return "Waiting for decisions";
  return "Hidden while blinded";
}

interface Props {
  reviewId: string;
  setup: StageSetup;
  currentId: string | null;
  /** A lead reopens a closed record themselves; a reviewer asks one. */
  canLead: boolean;
  onOpen: (recordId: string) => void;
}

/** The reviewer's own decisions, newest first; fetched only when opened. */
export function MyDecisions({ reviewId, setup, currentId, canLead, onOpen }: Props) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const decisions = useInfiniteQuery(
    trpc.screening.myDecisions.infiniteQueryOptions(
      { reviewId, stage: setup.stage, take: PAGE },
      { enabled: open, getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = decisions.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card my-decisions">
      <h2>
        <button
          type="button"
          className="disclosure heading-disclosure"
          aria-expanded={open}
          aria-controls="my-decisions-list"
          onClick={() => setOpen((v) => !v)}
        >
          My recent decisions
        </button>
      </h2>
      {open && (
        <div id="my-decisions-list">
          {decisions.isPending ? (
            <p className="muted">Loading your decisions…</p>
          ) : decisions.isError ? (
            <ErrorAlert>{decisions.error.message}</ErrorAlert>
          ) : (
            <DataTable
              scroll
              className="my-decisions-table"
              rows={items}
              rowKey={(item) => item.record.id}
              empty={<EmptyState compact>You have not decided on any record at this stage yet.</EmptyState>}
              columns={[
                {
                  key: "record",
                  header: "Record",
                  className: "my-decision-record",
                  cellProps: ({ record }) => ({ id: `mine-${record.id}` }),
                  cell: ({ record }) => (
                    <>
                      {record.title || <span className="muted">(no title)</span>}
                      <span className="muted small">
                        {[record.authors[0], record.year].filter(Boolean).join(" · ")}
                      </span>
                    </>
                  ),
                },
                {
                  key: "mine",
                  header: "Your decision",
                  cell: ({ myDecision }) =>
                    myDecision ? (
                      <>
                        <span className="cell-label">You: </span>
                        <VerdictBadge verdict={myDecision.verdict} />
                        {myDecision.reasonId && (
                          <span className="small my-reason">{reasonLabel(setup.reasons, myDecision.reasonId)}</span>
                        )}
                        {myDecision.note && <span className="muted small my-note">“{myDecision.note}”</span>}
                      </>
                    ) : (
                      <span className="muted">Withdrawn</span>
                    ),
                },
                {
                  key: "outcome",
                  header: "Outcome",
                  cell: (item) => (
                    <>
                      <span className="cell-label">Outcome: </span>
                      {outcomeText(item)}
                    </>
                  ),
                },
                {
                  key: "actions",
                  header: "Actions",
                  hideHeader: true,
                  cell: ({ record, closedBecause }) =>
                    record.id === currentId ? (
                      <span className="muted small">On screen</span>
                    ) : closedBecause ? (
                      // The server would refuse the change, so none is offered: the reviewer is told why instead.
                      <span className="small closed-because">{closedText(closedBecause, canLead)}</span>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        aria-describedby={`mine-${record.id}`}
                        onClick={() => {
                          onOpen(record.id);
                          window.scrollTo({ top: 0 });
                        }}
                      >
                        Change
                      </button>
                    ),
                },
              ]}
            />
          )}
          {decisions.hasNextPage && (
            <button
              type="button"
              className="btn btn-secondary btn-small"
              disabled={decisions.isFetchingNextPage}
              onClick={() => void decisions.fetchNextPage()}
            >
              {decisions.isFetchingNextPage ? "Loading…" : "Show more"}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
