// The keys the screening screen answers to. The screen reads them from here, and so does the rule for a label's
// shortcut (server/labels/label-rules.ts), so a label can never take a key that decides a record.

export const SCREENING_KEYS = { include: "I", exclude: "E", maybe: "M", note: "N", undo: "Z" } as const;

/** 1–9 pick the stage's exclusion reasons, in order. */
export const REASON_KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

/** What each key does, for a refusal that names it. */
export const SCREENING_KEY_USES: Record<string, string> = {
  [SCREENING_KEYS.include]: "Include",
  [SCREENING_KEYS.exclude]: "Exclude",
  [SCREENING_KEYS.maybe]: "Maybe",
  [SCREENING_KEYS.note]: "the decision's note",
  [SCREENING_KEYS.undo]: "Undo",
  ...Object.fromEntries(REASON_KEYS.map((key) => [key, "an exclusion reason"])),
};
