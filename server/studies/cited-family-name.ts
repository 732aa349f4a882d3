// The family name a citation gives an author, for naming a study ("de Souza Batista 2019"). Citation styles keep
// a surname's particles with it as the original writes them: NLM's Citing Medicine (2nd ed., chapter 1, Journal
// articles, "Author (R)": "van der Berg", "de la Fuente", "MacDonald", capitalised and spaced as in the original),
// which ICMJE's Vancouver style follows, and APA 7 (section 9.8, and 8.17 in-text: "de Beauvoir"). So a
// particle is never dropped, and "Mac"/"Mc" are part of the name itself.

/** Lower-case words that start a family name written after the given names ("João de Souza Batista"). */
const PARTICLES = new Set([
  "da",
  "das",
  "de",
  "del",
  "della",
  "den",
  "der",
  "des",
  "di",
  "do",
  "dos",
  "du",
  "la",
  "le",
  "ten",
  "ter",
  "van",
  "von",
]);
/** Initials after a family name (MEDLINE's "Smith JA", "Smith J. A.", "Kim H-J"). */
const INITIALS = /^(?:\p{Lu}\.?-?){1,3}$/u;
/** Generational suffixes, which a citation puts after the initials, not in the family name. */
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/**
 * The family name of one author as the export wrote them: "Surname, Given", "Surname Initials" (MEDLINE) or
 * "Given Surname"; null when there is no name.
 */
export function citedFamilyName(raw: string): string | null {
  const cleaned = raw.replace(/\s+/g, " ").trim();
  if (!/\p{L}/u.test(cleaned)) return null;
  const comma = cleaned.indexOf(",");
  if (comma > 0) return cleaned.slice(0, comma).trim();
  const words = cleaned.split(" ").filter((w) => !SUFFIX.test(w));
  let end = words.length;
  while (end > 1 && INITIALS.test(words[end - 1]!)) end--;
  if (end < words.length) return words.slice(0, end).join(" ");
  // Given names first: the family name starts at the first particle after them ("João de Souza Batista"),
  // else it is the last word.
  const particle = words.findIndex((w, i) => i > 0 && i < words.length - 1 && PARTICLES.has(w));
  return words.slice(particle > 0 ? particle : words.length - 1).join(" ");
}
