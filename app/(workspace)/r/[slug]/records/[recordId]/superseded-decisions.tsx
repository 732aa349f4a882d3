import { formatDateTime } from "@/app/_lib/format";
import { STAGE_LABELS } from "@/server/shared/stages";
import { VerdictBadge } from "../record-badges";
import type { StageView } from "../records-types";

type Superseded = StageView["superseded"][number];

function change(by: Superseded["by"]): string {
  if (!by) return "a lead set them aside";
  const stage = STAGE_LABELS[by.stage].toLowerCase();
  const what = by.kind === "reopen" ? `reopened it at ${stage}` : `overrode the verdict at ${stage}`;
  return `${by.actor} ${what}, ${formatDateTime(new Date(by.at))}`;
}

/**
 * Decisions a lead's reopening or override set aside: kept, no longer counted. They are grouped under the change
 * that superseded them (who, what, when, the lead's note), so the page shows why the stage is screened again.
 */
export function SupersededDecisions({ decisions, headingId }: { decisions: Superseded[]; headingId: string }) {
  if (decisions.length === 0) return null;
  const changes = new Map<string, Superseded[]>();
  for (const d of decisions) {
    const key = d.by ? `${new Date(d.by.at).toISOString()}|${d.by.kind}|${d.by.stage}` : "hidden";
    changes.set(key, [...(changes.get(key) ?? []), d]);
  }
  return (
    <div className="superseded-decisions">
      <p className="small" id={headingId}>
        <strong>Superseded decisions</strong> <span className="muted">(kept, no longer counted)</span>
      </p>
      {[...changes].map(([key, list], i) => (
        <div key={key} className="small">
          <p className="muted" id={`${headingId}-${i}`}>
            When {change(list[0]!.by)}
            {list[0]!.by?.note && `: “${list[0]!.by.note}”`}
          </p>
          <ul className="plain-list" aria-labelledby={`${headingId} ${headingId}-${i}`}>
            {list.map((d) => (
              <li key={`${d.reviewer}-${new Date(d.decidedAt).toISOString()}`}>
                {d.mine ? "You" : d.reviewer}: <VerdictBadge verdict={d.verdict} />
                {d.reason && <span> {d.reason}</span>}
                {d.note && <span className="muted"> “{d.note}”</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
