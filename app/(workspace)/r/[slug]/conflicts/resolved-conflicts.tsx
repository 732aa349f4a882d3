import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { formatDateTime } from "@/app/_lib/format";
import { VerdictActions } from "@/app/(workspace)/r/[slug]/records/[recordId]/verdict-actions";
import type { StageSetup } from "@/app/(workspace)/r/[slug]/screening/screening-types";
import { VerdictBadge } from "@/app/(workspace)/r/[slug]/screening/verdict-badge";
import { ConflictRecord, ReviewerDecisions } from "./conflict-cells";
import type { Conflict } from "./conflict-types";

/** The record's verdict now, where a lead overrode the resolution since. */
function NowOverridden({ outcome }: { outcome: Conflict["outcome"] }) {
  if (!outcome?.overridden) return null;
  return (
    <span className="small resolved-detail">
      Since overridden: {outcome.status}
      {outcome.reason && ` (${outcome.reason})`}
    </span>
  );
}

/** Past resolutions, oldest first as the server lists them; a lead may reopen or override each from here. */
export function ResolvedConflicts({
  reviewId,
  setup,
  conflicts,
}: {
  reviewId: string;
  setup: StageSetup;
  conflicts: Conflict[];
}) {
  return (
    <DataTable
      scroll
      className="resolved-table"
      rows={conflicts}
      rowKey={(c) => c.id}
      empty={<EmptyState>No conflicts have been resolved at this stage yet.</EmptyState>}
      columns={[
        {
          key: "record",
          header: "Record",
          className: "resolved-record",
          cell: (c) => <ConflictRecord record={c.record} />,
        },
        { key: "reviewers", header: "Reviewers", cell: (c) => <ReviewerDecisions decisions={c.decisions} /> },
        {
          key: "final",
          header: "Final decision",
          cell: (c) => (
            <>
              {c.verdict ? <VerdictBadge verdict={c.verdict} /> : "—"}
              {c.reason && <span className="small resolved-detail">{c.reason.label}</span>}
              {c.note && <span className="small muted resolved-detail">“{c.note}”</span>}
              <NowOverridden outcome={c.outcome} />
              <VerdictActions
                reviewId={reviewId}
                recordId={c.recordId}
                stage={setup.stage}
                title={c.record.title}
                reasons={setup.reasons}
                current={
                  c.outcome && (c.outcome.status === "included" || c.outcome.status === "excluded")
                    ? {
                        status: c.outcome.status,
                        reason: c.outcome.reason,
                        settledBy: c.outcome.overridden ? "override" : "resolution",
                      }
                    : null
                }
              />
            </>
          ),
        },
        {
          key: "by",
          header: "Resolved by",
          cell: (c) => c.resolvedBy?.name ?? <span className="muted">A former member</span>,
        },
        {
          key: "when",
          header: "When",
          className: "nowrap",
          cell: (c) => (c.resolvedAt ? formatDateTime(c.resolvedAt) : "—"),
        },
      ]}
    />
  );
}
