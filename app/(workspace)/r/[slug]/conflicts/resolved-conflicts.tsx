import { formatDateTime } from "@/app/_lib/format";
import { VerdictBadge } from "@/app/(workspace)/r/[slug]/screening/verdict-badge";
import { ConflictRecordCell, ReviewerDecisionsCell } from "./conflict-cells";
import type { Conflict } from "./conflict-types";

/** Past resolutions, oldest first as the server lists them. */
export function ResolvedConflicts({ conflicts }: { conflicts: Conflict[] }) {
  if (conflicts.length === 0) return <p className="empty muted">No conflicts have been resolved at this stage yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data resolved-table">
        <thead>
          <tr>
            <th scope="col">Record</th>
            <th scope="col">Reviewers</th>
            <th scope="col">Final decision</th>
            <th scope="col">Resolved by</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((c) => (
            <tr key={c.id}>
              <ConflictRecordCell record={c.record} />
              <ReviewerDecisionsCell decisions={c.decisions} />
              <td>
                {c.verdict ? <VerdictBadge verdict={c.verdict} /> : "—"}
                {c.reason && <span className="small resolved-detail">{c.reason.label}</span>}
                {c.note && <span className="small muted resolved-detail">“{c.note}”</span>}
              </td>
              <td>{c.resolvedBy?.name ?? <span className="muted">A former member</span>}</td>
              <td className="nowrap">{c.resolvedAt ? formatDateTime(c.resolvedAt) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
