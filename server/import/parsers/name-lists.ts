// Splitting the author and keyword lists that spreadsheet exports pack into one cell. Each exporter has its
// own list syntax, so the separator is read from the value itself.
import { cleanText } from "../normalise";

// "Griffin DK", "O'Connor RE.", "McNamara M.E.", "Pérez-de la Fuente R": a surname, then initials only.
const SURNAME_INITIALS = /^([\p{L}'’.\- ]*\p{L}[\p{L}'’.]*) ((?:\p{Lu}\.?-?){1,4})$/u;

/** Items of a Python list literal, as pandas-made exports write lists: "['Marx, Karl', 'Lindgren, Astrid']". */
function pythonList(value: string): string[] | null {
  if (!/^\[.*\]$/s.test(value)) return null;
  const items = value.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g);
  return [...items].map((m) => (m[1] ?? m[2] ?? "").replace(/\\(.)/g, "$1"));
}

/**
 * Author names from one cell: "Yang, Z.; Jiang, B." (Covidence, Zotero, Scopus), "Yang, Z. and Jiang, B."
 * (Rayyan, Abstrackr), "Griffin DK, Larkin DM" (PubMed, Embase), "A|B" (OpenAlex), a Python list. Names come
 * back as "Surname, Given" where the cell says which part is which.
 */
export function splitAuthors(value: string, separator?: string): string[] {
  const list = pythonList(value.trim());
  let names: string[];
  if (list) names = list;
  else if (separator) names = value.split(separator);
  else if (value.includes(";")) names = value.split(";");
  else if (/\sand\s/i.test(value)) names = value.split(/\s+and\s+/i);
  else {
    const parts = value.split(",").map(cleanText);
    // A comma also sits inside one "Surname, Given" name: split only when every part is "Surname Initials".
    names = parts.length > 1 && parts.every((p) => SURNAME_INITIALS.test(p)) ? parts : [value];
    // PubMed ends its dotless list with a full stop ("…, O'Connor RE."); Embase's initials carry their own.
    const last = names.length - 1;
    if (last > 0 && names.slice(0, last).every((n) => !n.includes("."))) names[last] = names[last]!.replace(/\.$/, "");
  }
  return names.map(tidyName).filter(Boolean);
}

function tidyName(raw: string): string {
  const name = cleanText(raw)
    .replace(/\s*\(\d+\)$/, "") // Scopus "Wilson, Lauren N. (58975547800)"
    .replace(/[,;]$/, "");
  if (name.includes(",")) return name;
  const match = SURNAME_INITIALS.exec(name);
  if (!match) return name;
  // "RE." ends PubMed's list; a dotless run of initials has no dot of its own.
  const initials = /^\p{Lu}{2,}\.$/u.test(match[2]!) ? match[2]!.slice(0, -1) : match[2]!;
  return `${match[1]}, ${initials}`;
}

/** Keywords from one cell: ';'-, '|'- or ','-separated, or a Python list; commas inside brackets stay. */
export function splitKeywords(value: string, separator?: string): string[] {
  const list = pythonList(value.trim());
  if (list) return list.map(cleanText).filter(Boolean);
  const sep = separator ?? (value.includes(";") ? ";" : value.includes("|") ? "|" : ",");
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (const c of value) {
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    if (c === sep && depth === 0) {
      items.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  items.push(current);
  return items.map(cleanText).filter(Boolean);
}
