// Text measurement for the hand-written SVGs (PRISMA diagram, appraisal plots), without a canvas or a font file:
// Helvetica's advance widths (from its AFM metrics, per 1000 units of font size). Arial and Liberation Sans share
// them, so a layout measured here fits whichever of the three the SVG viewer, resvg or PDFKit ends up drawing
// with, as long as the SVG asks for them: hence one font family for every such SVG.

/** The fonts these metrics hold for, first choice first; every hand-written SVG names them. */
export const SVG_FONT_FAMILY = "Liberation Sans, Arial, Helvetica, sans-serif";

const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 222, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 278, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 278, 556, 611, 556, 611,
  556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
  280, 389, 584,
];
/**
 * Symbols and punctuation the SVGs draw themselves (the plots' judgement symbols, dashes, quotes), from the same
 * AFMs; where regular and bold differ (the quotes), the bold width, so that nothing is measured short.
 */
const SYMBOLS: Record<string, number> = {
  "−": 584,
  "×": 584,
  "·": 278,
  "–": 556,
  "—": 1000,
  "…": 1000,
  "‘": 278,
  "’": 278,
  "“": 500,
  "”": 500,
};
/** Other characters outside printable ASCII (accents, Greek, CJK) are measured wide, so wrapping errs on the safe side. */
const WIDE = 1000;

export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    units +=
      code === 0xa0
        ? table[0]!
        : code >= 32 && code <= 126
          ? table[code - 32]!
          : (SYMBOLS[ch] ?? (code < 0x250 ? 667 : WIDE));
  }
  return (units * fontSize) / 1000;
}

/** Greedy word wrap to `maxWidth` at ordinary spaces (never at no-break spaces); a word longer than a line is cut where it overflows. */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    let rest = word;
    while (textWidth(rest, fontSize, bold) > maxWidth) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(rest.slice(0, cut), fontSize, bold) > maxWidth) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}
