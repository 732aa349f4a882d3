import { VerdictBadge } from "@/app/(workspace)/r/[slug]/screening/verdict-badge";
import type { Conflict } from "./conflict-types";

/** The record a past conflict was about, as the Resolved and Withdrawn tables show it (column class "resolved-record"). */
export function ConflictRecord({ record }: { record: Conflict["record"] }) {
  return (
    <>
      {record.title || <span className="muted">(no title)</span>}
      <span className="muted small">{[record.authors[0], record.year].filter(Boolean).join(" · ")}</span>
    </>
  );
}

/** Each reviewer's current decision on a past conflict. */
export function ReviewerDecisions({ decisions }: { decisions: Conflict["decisions"] }) {
  return (
    <ul className="plain-list small">
      {decisions.map((d) => (
        <li key={d.reviewer.id}>
          {d.reviewer.name}: <VerdictBadge verdict={d.verdict} />
        </li>
      ))}
    </ul>
  );
}
