import type { SourceKind } from "../db/generated/enums.ts";

/**
 * Where a review's records come from, in PRISMA 2020's terms, with the platform each is usually searched on where
 * there is one usual platform (PRISMA-S item 1 asks for it); the user may name others.
 */
export const SUGGESTED_SOURCES: { name: string; kind: SourceKind; platform?: string }[] = [
  { name: "PubMed", kind: "database", platform: "PubMed" },
  { name: "Embase", kind: "database", platform: "Embase.com" },
  { name: "Scopus", kind: "database", platform: "Scopus" },
  { name: "Web of Science", kind: "database", platform: "Web of Science Core Collection" },
  { name: "CENTRAL", kind: "database", platform: "Cochrane Library" },
  { name: "CINAHL", kind: "database", platform: "EBSCOhost" },
  { name: "PsycINFO", kind: "database" },
  { name: "ClinicalTrials.gov", kind: "register", platform: "ClinicalTrials.gov" },
  { name: "WHO ICTRP", kind: "register", platform: "WHO ICTRP" },
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

/** Interfaces and platforms databases are searched on, offered as the upload form's and editor's suggestions. */
export const SUGGESTED_PLATFORMS = [
  "PubMed",
  "Ovid",
  "EBSCOhost",
  "Embase.com",
  "ProQuest",
  "Web of Science Core Collection",
  "Scopus",
  "Cochrane Library",
  "APA PsycNet",
  "ClinicalTrials.gov",
  "WHO ICTRP",
  "Google Scholar",
] as const;

/** The usual platform of a known source, to fill in until the user says otherwise. */
export function usualPlatform(sourceName: string): string {
  const key = sourceName.trim().toLowerCase();
  return SUGGESTED_SOURCES.find((s) => s.name.toLowerCase() === key)?.platform ?? "";
}
