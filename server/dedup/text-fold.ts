// Reduces free text to plain lower-case ASCII words, the common ground of every comparison: databases export
// the same title with HTML entities, LaTeX accents, curly quotes or decomposed diacritics.

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "-",
  mdash: "-",
};

/** "&amp;", "&#233;", "<i>x</i>", "{\\\"o}", "\\textit{x}" → the characters they stand for. */
export function decodeMarkup(text: string): string {
  if (!/[&<\\{$]/.test(text)) return text;
  return (
    text
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
        if (name[0] === "#") {
          const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
          return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : " ";
        }
        return ENTITIES[name.toLowerCase()] ?? whole;
      })
      .replace(/<\/?[a-z][^>]*>/gi, "")
      // LaTeX accents (\"o, \'{e}) lose the accent; commands (\textit, \emph) lose the name, keep the argument.
      .replace(/\\[`'^"~=.uvHc]\s*\{?([a-z])\}?/gi, "$1")
      .replace(/\\[a-z]+\s*/gi, "")
      .replace(/[{}$]/g, "")
  );
}

// Letters that NFKD does not decompose into a base letter plus a mark, and Greek letters, which biomedical
// titles write either way ("TNF-α", "TNF-alpha").
const SPECIAL_LETTERS: Record<string, string> = {
  α: "alpha",
  β: "beta",
  γ: "gamma",
  δ: "delta",
  ε: "epsilon",
  ζ: "zeta",
  η: "eta",
  θ: "theta",
  ι: "iota",
  κ: "kappa",
  λ: "lambda",
  μ: "mu",
  ν: "nu",
  ξ: "xi",
  π: "pi",
  ρ: "rho",
  σ: "sigma",
  ς: "sigma",
  τ: "tau",
  φ: "phi",
  χ: "chi",
  ψ: "psi",
  ω: "omega",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};
const SPECIAL = /[ßæœøłđðþıα-ω]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower case, diacritics removed, special letters spelled out; punctuation is left for the caller. */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(SPECIAL, (c) => SPECIAL_LETTERS[c] ?? c);
}

/** Folded words: everything that is not a letter or digit separates words; apostrophes vanish, "&" is "and". */
export function words(text: string): string[] {
  const folded = foldText(decodeMarkup(text))
    .replace(/['’‘`´]/g, "")
    .replace(/&/g, " and ");
  return folded.split(/[^a-z0-9]+/).filter(Boolean);
}
