import { OUTCOME_LABELS, type Outcome, VERDICT_LABELS, type Verdict } from "./records-types";

/** A verdict as a word in a tinted badge (the screening screens' colours), never the colour alone. */
export function VerdictBadge({ verdict, prefix }: { verdict: Verdict; prefix?: string }) {
  return (
    <span className={`badge verdict-${verdict}`}>
      {prefix ? `${prefix} ` : ""}
      {VERDICT_LABELS[verdict]}
    </span>
  );
}

const OUTCOME_CLASS: Record<Outcome, string> = {
  awaiting: "badge-awaiting",
  conflict: "badge-conflict",
  included: "verdict-include",
  excluded: "verdict-exclude",
};

/**
 * Where a record stands at a stage; a merged duplicate is not screened at all. `none`: what to say when the
 * record has no outcome at the stage yet (by default, that it is undecided).
 */
export function OutcomeBadge({
  outcome,
  merged,
  removed = null,
  none,
}: {
  outcome: Outcome | null;
  merged: boolean;
  /** Why a lead removed the record before screening. */
  removed?: string | null;
  none?: string;
}) {
  if (merged) return <span className="muted small">Not screened (duplicate)</span>;
  if (removed) return <span className="muted small">Removed before screening: {removed}</span>;
  if (!outcome && none) return <span className="muted">{none}</span>;
  const shown = outcome ?? "awaiting";
  return <span className={`badge ${OUTCOME_CLASS[shown]}`}>{OUTCOME_LABELS[shown]}</span>;
}
