import { formatDateTime } from "@/app/_lib/format";
import { STAGE_LABELS } from "@/server/shared/stages";
import { VerdictBadge } from "../record-badges";
import type { StageView } from "../records-types";

type Superseded = StageView["superseded"][number];

function change(by: Superseded["by"]): string {
  const stage = STAGE_LABELS[by.stage].toLowerCase();
  const what = by.kind === "reopen" ? `reopened it at ${stage}` : `overrode the verdict at ${stage}`;
  return `${by.actor} ${what}, ${formatDateTime(new Date(by.at))}`;
}

/**
 * Decisions a lead's reopening or override set aside: kept, no longer counted. Each says whose it was and which
 * change superseded it, so the page shows why the stage is being screened again.
 */
export function SupersededDecisions({ decisions, headingId }: { decisions: Superseded[]; headingId: string }) {
  if (decisions.length === 0) return null;
  return (
    <div className="superseded-decisions">
      <p className="small" id={headingId}>
        <strong>Superseded decisions</strong> <span className="muted">(kept, no longer counted)</span>
      </p>
      <ul className="plain-list small" aria-labelledby={headingId}>
        {decisions.map((d) => (
          <li key={`${d.reviewer}-${new Date(d.decidedAt).toISOString()}`}>
            <s className="superseded-verdict">
              {d.mine ? "You" : d.reviewer}: <VerdictBadge verdict={d.verdict} />
              {d.reason && <span> {d.reason}</span>}
            </s>
            {d.note && <span className="muted"> “{d.note}”</span>}
            <span className="muted">
              {" "}
              — superseded when {change(d.by)}
              {d.by.note && `: “${d.by.note}”`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
