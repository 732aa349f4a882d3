// Which words of a title or abstract the review's screening keywords mark. Pure, so it is tested on its own;
// the screen turns the segments into React nodes (never HTML strings).

export type KeywordKind = "include" | "exclude";

export interface Segment {
  text: string;
  kind: KeywordKind | null;
}

export interface KeywordMatcher {
  pattern: RegExp;
  kinds: Map<string, KeywordKind>;
}

/** A keyword's identity: case and runs of spaces do not matter. */
function keyOf(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * One regular expression for both lists, longest keyword first so "stem cell therapy" wins over "stem cell".
 * A match must stand as a whole word (no letter or digit on either side), allowing a plural "s" or "es".
 * A keyword in both lists counts as an inclusion keyword. Null when there is nothing to look for.
 */
export function keywordMatcher(include: readonly string[], exclude: readonly string[]): KeywordMatcher | null {
  const kinds = new Map<string, KeywordKind>();
  for (const word of exclude) if (keyOf(word)) kinds.set(keyOf(word), "exclude");
  for (const word of include) if (keyOf(word)) kinds.set(keyOf(word), "include");
  if (kinds.size === 0) return null;
  const alternatives = [...kinds.keys()]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.split(" ").map(escapeRegExp).join("\\s+"));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join("|")})(?:e?s)?(?![\\p{L}\\p{N}])`, "giu");
  return { pattern, kinds };
}

/** The text cut into plain runs and keyword matches; joined again they give back the text unchanged. */
export function highlightSegments(text: string, matcher: KeywordMatcher | null): Segment[] {
  if (!matcher || !text) return text ? [{ text, kind: null }] : [];
  const segments: Segment[] = [];
  let at = 0;
  for (const match of text.matchAll(matcher.pattern)) {
    const kind = matcher.kinds.get(keyOf(match[1] ?? ""));
    if (!kind) continue;
    if (match.index > at) segments.push({ text: text.slice(at, match.index), kind: null });
    segments.push({ text: match[0], kind });
    at = match.index + match[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), kind: null });
  return segments;
}
