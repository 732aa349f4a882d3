import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { formatDateTime } from "@/app/_lib/format";
import { ConflictRecord, ReviewerDecisions } from "./conflict-cells";
import type { Conflict } from "./conflict-types";

/**
 * Disagreements that ended without a resolution: the reviewers changed their decisions and now agree, or a lead
 * reopened the record for screening again.
 */
export function WithdrawnConflicts({ conflicts }: { conflicts: Conflict[] }) {
  if (conflicts.length === 0) return <EmptyState>No conflicts have been withdrawn at this stage.</EmptyState>;
  return (
    <>
      <p className="muted small">
        The reviewers changed their decisions and now agree, or a lead reopened the record so that it is screened again:
        either way there is nothing to resolve.
      </p>
      <DataTable
        scroll
        className="resolved-table"
        rows={conflicts}
        rowKey={(c) => c.id}
        columns={[
          {
            key: "record",
            header: "Record",
            className: "resolved-record",
            cell: (c) => <ConflictRecord record={c.record} />,
          },
          {
            key: "reviewers",
            header: "Reviewers now",
            cell: (c) => (
              <>
                <ReviewerDecisions decisions={c.decisions} />
                {c.reopened && (
                  <span className="small muted">
                    Reopened by {c.reopened.by} on {formatDateTime(c.reopened.at)}
                  </span>
                )}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
