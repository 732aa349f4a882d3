// A large labelled de-duplication set grown from real records. Distinct works are the real seeds plus new
// ones whose titles splice two real titles (so word statistics stay real and near-miss titles are common);
// about a sixth of the works get 1–3 copies that differ the way database exports differ. Deterministic.
import type { DedupRecord } from "../../server/dedup/types";
import type { SeedWork } from "./real-records";

interface Name {
  surname: string;
  given: string;
}

interface Work {
  title: string;
  authors: Name[];
  year: number | null;
  journal: string | null;
  abbreviation: string | null;
  volume: string | null;
  issue: string | null;
  firstPage: number;
  lastPage: number;
  doi: string | null;
  pmid: string | null;
}

export interface SyntheticSet {
  records: DedupRecord[];
  groupOf: Map<string, number>;
  truthDuplicates: number;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const chance = (p: number) => next() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, int, chance, pick };
}
type Random = ReturnType<typeof generator>;

const STOP = new Set(["of", "the", "and", "in", "for", "on", "a", "an"]);

function parseName(raw: string): Name {
  const [surname, given = ""] = raw.split(",", 2).map((s) => s.trim());
  return { surname: surname!, given };
}

/** ISO 4-like: "Journal of Veterinary Internal Medicine" → "J Vet Inter Med". */
function abbreviate(journal: string): string {
  return journal
    .replace(/[.:]\s*conference\b.*$/i, "")
    .split(/[\s:.,;]+/)
    .filter((w) => w && !STOP.has(w.toLowerCase()))
    .map((w) => (w.toLowerCase() === "journal" ? "J" : w.length > 6 ? w.slice(0, 5) : w))
    .join(" ");
}

const stripTags = (title: string) =>
  title
    .replace(/\s*\[[^\]]*\]\.?\s*$/g, "")
    .replace(/^\[|\]\.?$/g, "")
    .trim();

function spliceTitles(rnd: Random, a: string, b: string): string {
  const wa = stripTags(a).split(/\s+/);
  const wb = stripTags(b).split(/\s+/);
  return [...wa.slice(0, Math.ceil(wa.length / 2)), ...wb.slice(Math.floor(wb.length / 2))].join(" ");
}

function workFromSeed(rnd: Random, seed: SeedWork, journals: [string, string | null][]): Work {
  const first = Number.parseInt(seed.pages ?? "", 10);
  const [journal, abbreviation] = seed.journal ? [seed.journal, seed.journalAbbreviation] : rnd.pick(journals);
  const firstPage = Number.isFinite(first) ? first : rnd.int(1, 2500);
  return {
    title: seed.title,
    authors: seed.authors.map(parseName),
    year: seed.year ?? rnd.int(1985, 2024),
    journal,
    abbreviation,
    volume: seed.volume ?? String(rnd.int(1, 300)),
    issue: seed.issue ?? String(rnd.int(1, 12)),
    firstPage,
    lastPage: firstPage + rnd.int(0, 14),
    doi: seed.doi,
    pmid: seed.pmid,
  };
}

function newWork(
  rnd: Random,
  index: number,
  titled: SeedWork[],
  names: Name[],
  journals: [string, string | null][],
): Work {
  const [journal, abbreviation] = rnd.pick(journals);
  const firstPage = rnd.int(1, 2500);
  return {
    title: spliceTitles(rnd, rnd.pick(titled).title, rnd.pick(titled).title),
    authors: Array.from({ length: rnd.int(1, 8) }, () => rnd.pick(names)),
    year: rnd.int(1985, 2024),
    journal,
    abbreviation,
    volume: String(rnd.int(1, 300)),
    issue: String(rnd.int(1, 12)),
    firstPage,
    lastPage: firstPage + rnd.int(0, 14),
    doi: rnd.chance(0.7) ? `10.${rnd.int(1000, 9999)}/syn.${index}` : null,
    pmid: rnd.chance(0.5) ? String(20000000 + index) : null,
  };
}

/** Distinct works that look like a neighbour: its erratum, its second part, its update years later. */
function lookAlike(rnd: Random, base: Work, index: number): Work {
  // A notice of a notice would be a look-alike nobody meets; such a base gets an update instead.
  const kind = /^(?:errat|correct|retract)/i.test(base.title) ? 2 : rnd.int(0, 2);
  const later = base.lastPage + rnd.int(50, 900);
  if (kind === 0) {
    const title = rnd.chance(0.5)
      ? `Erratum: ${base.title}`
      : `${base.title} (vol ${base.volume}, pg ${base.firstPage}, ${base.year})`;
    return {
      ...base,
      title,
      authors: base.authors.slice(0, 1),
      firstPage: later,
      lastPage: later,
      doi: null,
      pmid: null,
    };
  }
  if (kind === 1) {
    return {
      ...base,
      title: `${base.title}. Part 2`,
      firstPage: base.lastPage + 1,
      lastPage: base.lastPage + 9,
      doi: base.doi && `${base.doi}.2`,
      pmid: null,
    };
  }
  const year = base.year === null ? null : base.year + rnd.int(2, 6);
  return {
    ...base,
    year,
    volume: String(rnd.int(1, 300)),
    firstPage: later,
    lastPage: later + 20,
    doi: `10.1002/update.${index}`,
    pmid: null,
  };
}

const initials = (given: string) =>
  given
    .split(/[\s.-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase());

function formatAuthors(rnd: Random, authors: Name[], perturb: boolean): string[] {
  if (perturb && rnd.chance(0.02)) return [];
  const kept = perturb && rnd.chance(0.05) ? authors.slice(0, 1) : authors;
  const style = rnd.int(0, 3);
  return kept.map(({ surname, given }) => {
    const ini = initials(given);
    if (style === 0) return `${surname}, ${ini.map((i) => `${i}.`).join(" ")}`;
    if (style === 1) return `${surname}, ${given}`;
    if (style === 2) return `${surname} ${ini.join("")}`;
    return `${ini.map((i) => `${i}.`).join(" ")} ${surname}`.trim();
  });
}

const SPELLINGS: [RegExp, string][] = [
  [/iz(e|ed|es|ing|ation)\b/g, "is$1"],
  [/\bhemo/gi, "haemo"],
  [/\banemi/gi, "anaemi"],
  [/\btumor/gi, "tumour"],
  [/\bpediatric/gi, "paediatric"],
];

function typo(rnd: Random, text: string): string {
  const i = rnd.int(1, Math.max(1, text.length - 2));
  const letter = String.fromCharCode(97 + rnd.int(0, 25));
  switch (rnd.int(0, 3)) {
    case 0:
      return text.slice(0, i) + text.slice(i + 1);
    case 1:
      return text.slice(0, i) + letter + text.slice(i);
    case 2:
      return text.slice(0, i) + letter + text.slice(i + 1);
    default:
      return text.slice(0, i - 1) + text[i] + text[i - 1] + text.slice(i + 1);
  }
}

function perturbTitle(rnd: Random, title: string): string {
  let t = title;
  if (rnd.chance(0.2)) t = t.toLowerCase();
  else if (rnd.chance(0.03)) t = t.toUpperCase();
  else if (rnd.chance(0.15)) t = t.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  if (rnd.chance(0.4)) t = t.endsWith(".") ? t.slice(0, -1) : `${t}.`;
  if (rnd.chance(0.1)) t = t.replace(/:\s/g, " - ");
  if (rnd.chance(0.1)) t = t.replace(/(\w)-(\w)/g, "$1 $2");
  if (rnd.chance(0.15)) for (const [from, to] of SPELLINGS) t = t.replace(from, to);
  if (rnd.chance(0.1)) t = typo(rnd, t);
  if (rnd.chance(0.02)) t = t.replace(/ and /, " &amp; ");
  if (rnd.chance(0.03)) t = rnd.chance(0.5) ? `[${t.replace(/\.$/, "")}]. [Chinese]` : `${t} [German]`;
  return t;
}

function formatPages(rnd: Random, first: number, last: number, perturb: boolean): string | null {
  if (perturb && rnd.chance(0.1)) return null;
  if (first === last || (perturb && rnd.chance(0.1))) return String(first);
  const a = String(first);
  const b = String(last);
  if (perturb && rnd.chance(0.4)) {
    let common = 0;
    while (common < a.length - 1 && a.length === b.length && a[common] === b[common]) common++;
    return `${a}-${b.slice(common)}`;
  }
  return `${a}${perturb && rnd.chance(0.05) ? "–" : "-"}${b}`;
}

function toRecord(rnd: Random, work: Work, id: string, perturb: boolean): DedupRecord {
  const useAbbreviation = perturb ? rnd.chance(0.4) : rnd.chance(0.2);
  const journal =
    perturb && rnd.chance(0.05)
      ? null
      : useAbbreviation && work.journal
        ? (work.abbreviation ?? abbreviate(work.journal))
        : work.journal;
  let year = work.year;
  if (perturb && year !== null && rnd.chance(0.04)) year += rnd.chance(0.5) ? 1 : -1;
  if (perturb && rnd.chance(0.03)) year = null;
  return {
    id,
    title: perturb ? perturbTitle(rnd, work.title) : work.title,
    authors: formatAuthors(rnd, work.authors, perturb),
    year,
    journal,
    volume: perturb && rnd.chance(0.08) ? null : work.volume,
    issue: perturb && rnd.chance(0.08) ? null : work.issue,
    pages: formatPages(rnd, work.firstPage, work.lastPage, perturb),
    doi: perturb && rnd.chance(0.35) ? null : work.doi,
    pmid: perturb && rnd.chance(0.5) ? null : work.pmid,
    nctIds: [],
    type: "article",
  };
}

export function buildSyntheticSet(seeds: SeedWork[], size: number, seed = 20240601): SyntheticSet {
  const rnd = generator(seed);
  // Titles to splice need a few words on each side.
  const titled = seeds.filter((s) => stripTags(s.title).split(/\s+/).length >= 4);
  const names = seeds.flatMap((s) => s.authors.map(parseName)).filter((n) => n.surname);
  const journals: [string, string | null][] = seeds
    .filter((s) => s.journal)
    .map((s) => [s.journal!, s.journalAbbreviation]);
  const records: DedupRecord[] = [];
  const groupOf = new Map<string, number>();
  let truthDuplicates = 0;
  for (let w = 0; records.length < size; w++) {
    const work = w < seeds.length ? workFromSeed(rnd, seeds[w]!, journals) : newWork(rnd, w, titled, names, journals);
    const copies = rnd.chance(1 / 6) ? rnd.int(1, 3) : 0;
    for (let c = 0; c <= copies && records.length < size; c++) {
      const id = `syn-${records.length}`;
      records.push(toRecord(rnd, work, id, c > 0));
      groupOf.set(id, w);
      if (c > 0) truthDuplicates++;
    }
    if (rnd.chance(0.015) && records.length < size) {
      w++;
      const id = `syn-${records.length}`;
      records.push(toRecord(rnd, lookAlike(rnd, work, w), id, false));
      groupOf.set(id, w);
    }
  }
  // Exports arrive in no particular order; a fixed shuffle keeps copies apart.
  for (let i = records.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [records[i], records[j]] = [records[j]!, records[i]!];
  }
  return { records, groupOf, truthDuplicates };
}
