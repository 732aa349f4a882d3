import { VerdictBadge } from "@/app/(workspace)/r/[slug]/screening/verdict-badge";
import type { Conflict } from "./conflict-types";

/** The record a past conflict was about, as the Resolved and Withdrawn tables show it. */
export function ConflictRecordCell({ record }: { record: Conflict["record"] }) {
  return (
    <td className="resolved-record">
      {record.title || <span className="muted">(no title)</span>}
      <span className="muted small">{[record.authors[0], record.year].filter(Boolean).join(" · ")}</span>
    </td>
  );
}

/** Each reviewer's current decision on a past conflict. */
export function ReviewerDecisionsCell({ decisions }: { decisions: Conflict["decisions"] }) {
  return (
    <td>
      <ul className="plain-list small">
        {decisions.map((d) => (
          <li key={d.reviewer.id}>
            {d.reviewer.name}: <VerdictBadge verdict={d.verdict} />
          </li>
        ))}
      </ul>
    </td>
  );
}
