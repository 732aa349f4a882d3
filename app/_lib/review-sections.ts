/** The left navigation of a review, in workflow order; `segment` is the path after /r/<slug>. */
export const REVIEW_SECTIONS = [
  { segment: "", label: "Overview" },
  { segment: "records", label: "Records" },
  { segment: "import", label: "Import" },
  { segment: "duplicates", label: "Duplicates" },
  { segment: "screening", label: "Screening" },
  { segment: "conflicts", label: "Conflicts" },
  { segment: "full-text", label: "Full text" },
  { segment: "studies", label: "Studies" },
  { segment: "extraction", label: "Extraction" },
  { segment: "appraisal", label: "Appraisal" },
  { segment: "prisma-2020", label: "PRISMA 2020" },
  { segment: "export", label: "Export" },
  { segment: "team", label: "Team" },
  { segment: "settings", label: "Settings" },
] as const;
