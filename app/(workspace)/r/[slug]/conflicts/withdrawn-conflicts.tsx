import { VerdictBadge } from "../screening/verdict-badge";
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
                <td className="resolved-record">
                  {c.record.title || <span className="muted">(no title)</span>}
                  <span className="muted small">{[c.record.authors[0], c.record.year].filter(Boolean).join(" · ")}</span>
                </td>
                <td>
                  <ul className="plain-list small">
                    {c.decisions.map((d) => (
                      <li key={d.reviewer.id}>
                        {d.reviewer.name}: <VerdictBadge verdict={d.verdict} />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
