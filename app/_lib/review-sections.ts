/** The left navigation of a review, in workflow order; `segment` is the path after /r/<slug>. */
export const REVIEW_SECTIONS = [
  { segment: "", label: "Overview" },
  { segment: "import", label: "Import" },
  { segment: "duplicates", label: "Duplicates" },
  { segment: "screening", label: "Screening" },
  { segment: "conflicts", label: "Conflicts" },
  { segment: "full-text", label: "Full text" },
  { segment: "studies", label: "Studies" },
  { segment: "extraction", label: "Extraction" },
  { segment: "appraisal", label: "Appraisal" },
  { segment: "prisma", label: "PRISMA" },
  { segment: "export", label: "Export" },
  { segment: "team", label: "Team" },
  { segment: "settings", label: "Settings" },
] as const;

/** Sections with no screen yet; each page says so plainly and what it will do, so nobody mistakes the gap. */
export const PLANNED_SECTIONS = new Map<string, string>();

export function sectionLabel(segment: string): string | undefined {
  return REVIEW_SECTIONS.find((s) => s.segment === segment)?.label;
}
