import { ConflictRecordCell, ReviewerDecisionsCell } from "./conflict-cells";
import type { Conflict } from "./conflict-types";

/** Disagreements that ended without a lead: the reviewers changed their decisions and now agree. */
export function WithdrawnConflicts({ conflicts }: { conflicts: Conflict[] }) {
  if (conflicts.length === 0) return <p className="empty muted">No conflicts have been withdrawn at this stage.</p>;
  return (
    <>
      <p className="muted small">The reviewers changed their decisions and now agree, so there is nothing to resolve.</p>
      <div className="table-scroll">
        <table className="data resolved-table">
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">Reviewers now</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((c) => (
              <tr key={c.id}>
                <ConflictRecordCell record={c.record} />
                <ReviewerDecisionsCell decisions={c.decisions} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
