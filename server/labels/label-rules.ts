// What a label may be called and which key it may take: pure, so the settings form and the server apply the same
// rules. A label is seen by the whole team on every record it is on, so a name that says a verdict ("Exclude",
// "maybe?") would show a blinded reviewer how a co-reviewer decided; and a shortcut must leave the screening
// screen's own keys alone.
import { SCREENING_KEY_USES } from "../shared/screening-keys";

export const LABEL_COLOURS = ["grey", "blue", "teal", "green", "amber", "orange", "red", "pink", "purple"] as const;
export type LabelColour = (typeof LABEL_COLOURS)[number];

export const MAX_LABEL_NAME = 40;
/** A review's labels fit on one screening screen, each with its own key. */
export const MAX_LABELS = 30;

/** Words that say how a record was decided, refused anywhere in a name. */
const VERDICT_WORDS = new Set([
  "include",
  "included",
  "inclusion",
  "exclude",
  "excluded",
  "exclusion",
  "maybe",
  "undecided",
  "unsure",
  "reject",
  "rejected",
  "accept",
  "accepted",
  "conflict",
  "conflicts",
  "conflicting",
]);

/**
 * Phrases in which a verdict word is about something else, so a team can still say so: a study's conflicts of
 * interest, or that its inclusion criteria are unclear.
 */
const ALLOWED_PHRASES = [/\bconflicts? of interests?\b/g, /\b(in|ex)clusion criteria\b/g];

export const VERDICT_NAME_MESSAGE =
  "Labels are seen by the whole team, so a label cannot carry a screening verdict (include, exclude, maybe, conflict…). Name what the record is about instead, e.g. “Animal study” or “Check the dose”.";

/** The name as stored (spaces tidied), or a message saying why it cannot be one. */
export function checkLabelName(input: string): { name: string } | { error: string } {
  const name = input.trim().replace(/\s+/g, " ");
  if (!name) return { error: "Give the label a name." };
  if (name.length > MAX_LABEL_NAME) return { error: `A label's name is at most ${MAX_LABEL_NAME} characters.` };
  let words = name.toLowerCase();
  for (const phrase of ALLOWED_PHRASES) words = words.replace(phrase, " ");
  if (words.split(/[^\p{L}]+/u).some((word) => VERDICT_WORDS.has(word))) return { error: VERDICT_NAME_MESSAGE };
  return { name };
}

/** Names compare without regard to case, so "Animal study" and "animal study" are one label. */
export function sameLabelName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

/**
 * The shortcut as stored (one upper-case letter, or 0), null for none, or a message saying why not. `taken` is the
 * review's other labels, to refuse a key one of them has.
 */
export function checkShortcut(
  input: string | null | undefined,
  taken: { name: string; shortcut: string | null }[],
): { shortcut: string | null } | { error: string } {
  const key = (input ?? "").trim().toUpperCase();
  if (!key) return { shortcut: null };
  const use = SCREENING_KEY_USES[key];
  if (use) return { error: `${key} is the screening screen's key for ${use}: choose another key.` };
  if (!/^[A-Z0]$/.test(key)) return { error: "A shortcut is one letter (A–Z) or 0." };
  const other = taken.find((label) => label.shortcut === key);
  if (other) return { error: `${key} is already the shortcut of the label “${other.name}”.` };
  return { shortcut: key };
}
