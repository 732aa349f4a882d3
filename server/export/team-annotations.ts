// A record's team labels and notes as the records exports carry them: what to read with each record (a Prisma
// include) and the plain lists the rows are written from. Labels and notes are on records, never on decisions,
// so every export carries them whoever asks.
import type { TeamNoteForExport } from "./record-rows";

export const TEAM_ANNOTATIONS = {
  labels: { select: { label: { select: { name: true } } } },
  notes: {
    select: { text: true, createdAt: true, author: { select: { name: true } } },
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
  },
};

export function teamAnnotations(
  labels: { label: { name: string } }[],
  notes: { text: string; createdAt: Date; author: { name: string } }[],
): { labels: string[]; teamNotes: TeamNoteForExport[] } {
  return {
    labels: labels.map((l) => l.label.name).sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })),
    teamNotes: notes.map((n) => ({ author: n.author.name, at: n.createdAt, text: n.text })),
  };
}
