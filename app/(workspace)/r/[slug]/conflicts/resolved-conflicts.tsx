import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { formatDateTime } from "@/app/_lib/format";
import { VerdictBadge } from "@/app/(workspace)/r/[slug]/screening/verdict-badge";
import { ConflictRecord, ReviewerDecisions } from "./conflict-cells";
import type { Conflict } from "./conflict-types";

/** Past resolutions, oldest first as the server lists them. */
export function ResolvedConflicts({ conflicts }: { conflicts: Conflict[] }) {
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
