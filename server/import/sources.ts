import type { SourceKind } from "../db/generated/enums.ts";

/** Where a review's records come from, in PRISMA 2020's terms; the user may name others. */
export const SUGGESTED_SOURCES: { name: string; kind: SourceKind }[] = [
  { name: "PubMed", kind: "database" },
  { name: "Embase", kind: "database" },
  { name: "Scopus", kind: "database" },
  { name: "Web of Science", kind: "database" },
  { name: "CENTRAL", kind: "database" },
  { name: "CINAHL", kind: "database" },
  { name: "PsycINFO", kind: "database" },
  { name: "ClinicalTrials.gov", kind: "register" },
  { name: "WHO ICTRP", kind: "register" },
  { name: "Websites", kind: "website" },
  { name: "Organisations", kind: "organisation" },
  { name: "Citation searching", kind: "citation_searching" },
];

export const SOURCE_KINDS = [
  "database",
  "register",
  "website",
  "organisation",
  "citation_searching",
] as const satisfies readonly SourceKind[];

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  database: "Database",
  register: "Trial register",
  website: "Website",
  organisation: "Organisation",
  citation_searching: "Citation searching",
};
