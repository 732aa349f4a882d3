import { hasRole, type Role } from "@/server/shared/roles";

/**
 * The left navigation of a review, in workflow order; `segment` is the path after /r/<slug>. `minRole`: the
 * weakest role with something to do there (every member may read the other sections).
 */
export const REVIEW_SECTIONS = [
  { segment: "", label: "Overview", minRole: "observer" },
  { segment: "records", label: "Records", minRole: "observer" },
  { segment: "import", label: "Import", minRole: "lead" },
  { segment: "duplicates", label: "Duplicates", minRole: "observer" },
  { segment: "screening", label: "Screening", minRole: "observer" },
  { segment: "conflicts", label: "Conflicts", minRole: "lead" },
  { segment: "full-text", label: "Full text", minRole: "observer" },
  { segment: "studies", label: "Studies", minRole: "observer" },
  { segment: "extraction", label: "Extraction", minRole: "observer" },
  { segment: "appraisal", label: "Appraisal", minRole: "observer" },
  { segment: "prisma-2020", label: "PRISMA 2020", minRole: "observer" },
  { segment: "export", label: "Export", minRole: "observer" },
  { segment: "team", label: "Team", minRole: "observer" },
  { segment: "settings", label: "Settings", minRole: "observer" },
] as const satisfies readonly { segment: string; label: string; minRole: Role }[];

/** The sections a member with `role` is shown: a page they could only be refused on is not offered. */
export function sectionsFor(role: Role) {
  return REVIEW_SECTIONS.filter((section) => hasRole(role, section.minRole));
}
