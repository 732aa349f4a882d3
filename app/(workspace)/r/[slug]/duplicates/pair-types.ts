import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["duplicates"];

export type Pair = Outputs["pairs"]["pairs"][number];
export type PairRecord = Pair["recordA"];
export type DedupSummary = Outputs["summary"];

export function scorePercent(score: number): string {
  return `${Math.round(score * 100)} %`;
}

/** "Smith, J. et al., 2019": enough to tell two records apart in a compact list. */
export function byline(r: PairRecord): string {
  const first = r.authors[0]?.split(",")[0]?.trim();
  const who = first ? `${first}${r.authors.length > 1 ? " et al." : ""}` : "";
  return [who, r.year?.toString() ?? "", r.source.name].filter(Boolean).join(" · ");
}

export function decidedByText(pair: Pair): string {
  if (pair.decidedBy) return pair.decidedBy.name;
  return pair.automatic ? "Sift, automatically" : "—";
}
