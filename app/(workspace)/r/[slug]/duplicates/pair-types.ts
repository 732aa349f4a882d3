import type { inferRouterOutputs } from "@trpc/server";
import type { FillableField } from "@/server/api/contract/duplicates";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["duplicates"];

export type Pair = Outputs["notDuplicatePairs"]["pairs"][number];
export type PairRecord = Pair["recordA"];
export type Group = Outputs["groups"]["groups"][number];
export type GroupRecord = Group["records"][number];
export type MergedGroup = Outputs["mergedGroups"]["groups"][number];
export type DedupSummary = Outputs["summary"];

export function scorePercent(score: number): string {
  return `${Math.round(score * 100)} %`;
}

/** "Smith, J. et al., 2019": enough to tell two records apart in a compact list. */
export function byline(r: Pick<PairRecord, "authors" | "year" | "source">): string {
  const first = r.authors[0]?.split(",")[0]?.trim();
  const who = first ? `${first}${r.authors.length > 1 ? " et al." : ""}` : "";
  return [who, r.year?.toString() ?? "", r.source.name].filter(Boolean).join(" · ");
}

export function decidedByText(pair: { decidedBy: { name: string } | null; automatic: boolean }): string {
  if (pair.decidedBy) return pair.decidedBy.name;
  return pair.automatic ? "Sift, automatically" : "—";
}

/** The fields' names as the screen writes them. */
const FIELD_LABELS: Record<FillableField, string> = {
  abstract: "Abstract",
  authors: "Authors",
  year: "Year",
  journal: "Journal",
  volume: "Volume",
  issue: "Issue",
  pages: "Pages",
  doi: "DOI",
  pmid: "PMID",
  pmcid: "PMCID",
  keywords: "Keywords",
  type: "Type",
  language: "Language",
  url: "URL",
};

/** "Abstract, DOI and Pages". */
export function fieldList(fields: readonly FillableField[]): string {
  const names = fields.map((f) => FIELD_LABELS[f]);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
