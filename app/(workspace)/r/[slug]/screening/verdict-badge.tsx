import { VERDICT_LABELS, type Verdict } from "./screening-types";

/** Colour plus the word, so the verdict never depends on seeing the colour. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span className={`badge verdict-${verdict}`}>{VERDICT_LABELS[verdict]}</span>;
}
