/** A new stable id for a section, field or option; it never changes afterwards, so values stay attached. */
export function newId(prefix: "s" | "f" | "o"): string {
  return `${prefix}_${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
}
