// RoB 2 and ROBINS-I judge results, so their plots are drawn per outcome: the rows of one outcome (a study once per
// time point appraised, the time point in its label), or those whose result is not named yet. The per-study tools
// plot every row. Pure.
import type { PlotRow } from "./traffic-light";

export interface OutcomeRow extends PlotRow {
  outcomeId: string | null;
  outcomeName: string | null;
  timePoint: string;
}

/** A plot's choice of outcome: an outcome's id, or UNNAMED for the results not named yet. */
export const UNNAMED = "unnamed";

/** The outcomes the rows judge, in the order first met, the unnamed results last. */
export function plottedOutcomes(rows: readonly OutcomeRow[]): { id: string; name: string; studies: number }[] {
  const outcomes: { id: string; name: string; studies: number }[] = [];
  for (const row of rows) {
    const id = row.outcomeId ?? UNNAMED;
    const found = outcomes.find((o) => o.id === id);
    if (found) found.studies += 1;
    else
      outcomes.push({
        id,
        name: row.outcomeId ? (row.outcomeName ?? "Removed outcome") : "Result not named yet",
        studies: 1,
      });
  }
  return [...outcomes.filter((o) => o.id !== UNNAMED), ...outcomes.filter((o) => o.id === UNNAMED)];
}

/** The rows of one outcome, each labelled with its time point when the outcome has several or the study reports one. */
export function rowsForOutcome<T extends OutcomeRow>(rows: readonly T[], outcome: string): T[] {
  return rows
    .filter((r) => (r.outcomeId ?? UNNAMED) === outcome)
    .map((r) => (r.timePoint ? { ...r, label: `${r.label} (${r.timePoint})` } : r));
}
