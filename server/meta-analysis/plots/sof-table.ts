// The Summary of findings table as a picture, laid out like GRADEpro's: outcomes down the side, the anticipated
// absolute effects under one heading, then relative effect, participants (studies), certainty and comments, with
// the footnotes explaining every rating beneath. Every cell's text is measured and wrapped to its column.
import { Canvas, type PlotLayout } from "../../appraisal/plots/svg";
import { escapeXml } from "../../svg/escape-xml";
import { wrapText } from "../../svg/text-metrics";
import { CERTAINTIES } from "../grade/certainty";
import { SOF_COLUMNS, type SofRow, type SofTable, sofCells } from "../grade/summary-of-findings";

const MARGIN = 10;
const SIZE = 11;
const LINE = 14;
const PAD = 6;
/** Column widths, in SOF_COLUMNS order. */
const WIDTHS = [170, 90, 130, 150, 120, 105, 125, 150];
const FOOT_SIZE = 10;
const FOOT_LINE = 13;

const round = (x: number) => Math.round(x * 100) / 100;
const CERTAINTY_COLUMN = 6;
/** The four certainty circles are drawn, not typed: few fonts carry ⊕ and ◯, and resvg and PDFKit would drop them. */
const CIRCLE = 5;
const CIRCLES_WIDTH = 4 * (2 * CIRCLE + 3) + 3;
/** Numbers and their units stay on one line: "95 % CI", "per 1,000". */
const keepTogether = (text: string) =>
  text
    .replace(/(\d) %/g, "$1\u00a0%")
    .replace(/% CI/g, "%\u00a0CI")
    .replace(/ per 1,000/g, "\u00a0per\u00a01,000");

function certaintyText(row: SofRow): string {
  return row.marks.length ? `${row.level} (${row.marks.join(", ")})` : row.level;
}

export function sofTablePicture(table: SofTable, title = "Summary of findings"): PlotLayout {
  const canvas = new Canvas();
  const width = WIDTHS.reduce((s, w) => s + w, 0);
  const right = MARGIN + width;
  const lefts = WIDTHS.map((_, i) => MARGIN + WIDTHS.slice(0, i).reduce((s, w) => s + w, 0));
  const wrap = (text: string, i: number, bold = false) => wrapText(text, WIDTHS[i]! - 2 * PAD, SIZE, bold);
  let y = MARGIN;
  for (const line of wrapText(title, width, 13, true)) {
    canvas.text({ x: MARGIN, y: y + 13, text: line, size: 13, bold: true, fill: "#111" });
    y += 17;
  }
  y += 6;

  // Headings: the three absolute-effect columns sit under one spanning heading.
  const span = "Anticipated absolute effects (95 % CI)";
  const spanWidth = WIDTHS[1]! + WIDTHS[2]! + WIDTHS[3]!;
  const spanLines = wrapText(keepTogether(span), spanWidth - 2 * PAD, SIZE, true);
  const headTop = y;
  const headings = SOF_COLUMNS.map((c, i) => wrap(keepTogether(c), i, true));
  const spanHeight = spanLines.length * LINE + PAD;
  const lowerHeight = Math.max(...headings.slice(1, 4).map((l) => l.length)) * LINE + PAD;
  const headHeight = Math.max(spanHeight + lowerHeight, ...headings.map((l) => l.length * LINE + PAD)) + PAD;
  canvas.raw(`<rect x="${MARGIN}" y="${headTop}" width="${width}" height="${round(headHeight)}" fill="#e8eef6"/>`);
  spanLines.forEach((line, l) => {
    canvas.text({
      x: round(lefts[1]! + spanWidth / 2),
      y: headTop + PAD + SIZE + l * LINE,
      text: line,
      size: SIZE,
      bold: true,
      anchor: "middle",
    });
  });
  canvas.raw(
    `<line x1="${lefts[1]! + PAD}" y1="${headTop + spanHeight}" x2="${lefts[4]! - PAD}" y2="${headTop + spanHeight}" stroke="#999"/>`,
  );
  headings.forEach((lines, i) => {
    const top = i >= 1 && i <= 3 ? headTop + spanHeight : headTop;
    lines.forEach((line, l) => {
      canvas.text({ x: lefts[i]! + PAD, y: top + PAD + SIZE + l * LINE, text: line, size: SIZE, bold: true });
    });
  });
  y = headTop + headHeight;

  // Rows.
  table.rows.forEach((row, r) => {
    const texts = sofCells(row).map(keepTogether);
    texts[CERTAINTY_COLUMN] = certaintyText(row);
    const cells = texts.map((c, i) =>
      i === CERTAINTY_COLUMN ? wrapText(c, WIDTHS[i]! - 2 * PAD - CIRCLES_WIDTH, SIZE) : wrap(c || "", i, i === 0),
    );
    const h = Math.max(...cells.map((l) => l.length)) * LINE + 2 * PAD;
    if (r % 2 === 1)
      canvas.raw(`<rect x="${MARGIN}" y="${round(y)}" width="${width}" height="${round(h)}" fill="#f6f7f9"/>`);
    cells.forEach((lines, i) => {
      const x = lefts[i]! + PAD + (i === CERTAINTY_COLUMN ? CIRCLES_WIDTH : 0);
      lines.forEach((line, l) => {
        if (line) canvas.text({ x, y: y + PAD + SIZE + l * LINE, text: line, size: SIZE, bold: i === 0, fill: "#111" });
      });
    });
    const filled = 4 - CERTAINTIES.indexOf(row.level);
    const cy = y + PAD + SIZE - 4;
    const circles = Array.from({ length: 4 }, (_, c) => {
      const cx = round(lefts[CERTAINTY_COLUMN]! + PAD + CIRCLE + c * (2 * CIRCLE + 3));
      return c < filled
        ? `<circle cx="${cx}" cy="${cy}" r="${CIRCLE}" fill="#1f6f3a"/><path d="M${cx - 3} ${cy}h6M${cx} ${cy - 3}v6" stroke="#fff" stroke-width="1.5"/>`
        : `<circle cx="${cx}" cy="${cy}" r="${CIRCLE - 0.5}" fill="#fff" stroke="#1f6f3a"/>`;
    }).join("");
    canvas.mark(
      {
        x: lefts[CERTAINTY_COLUMN]! + PAD,
        y: cy - CIRCLE,
        w: CIRCLES_WIDTH - 3,
        h: 2 * CIRCLE,
        what: `certainty ${row.outcome}`,
      },
      `<g><title>${escapeXml(`Certainty: ${row.level}`)}</title>${circles}</g>`,
    );
    y += h;
    canvas.raw(`<line x1="${MARGIN}" y1="${round(y)}" x2="${right}" y2="${round(y)}" stroke="#ccc"/>`);
  });
  canvas.raw(
    `<rect x="${MARGIN}" y="${headTop}" width="${width}" height="${round(y - headTop)}" fill="none" stroke="#666"/>`,
  );
  y += 8;

  const notes = [
    "CI: confidence interval. The risk with the intervention (and its 95 % CI) is the assumed risk with control and the relative effect of the intervention (and its 95 % CI).",
    "GRADE certainty: High, we are very confident that the true effect lies close to the estimate; Moderate, the true effect is likely to be close to it but may be substantially different; Low, the true effect may be substantially different; Very low, the true effect is likely to be substantially different.",
    ...table.footnotes.map((f) => `${f.mark}. ${f.text}`),
  ];
  for (const note of notes)
    for (const line of wrapText(note, width, FOOT_SIZE)) {
      canvas.text({ x: MARGIN, y: y + FOOT_SIZE, text: line, size: FOOT_SIZE, fill: "#333" });
      y += FOOT_LINE;
    }
  const pageRight = Math.max(right, ...canvas.boxes.map((b) => b.x + b.w)) + MARGIN;
  return canvas.document(
    pageRight,
    y + MARGIN,
    `${title}: ${table.rows.length} ${table.rows.length === 1 ? "outcome" : "outcomes"}`,
  );
}
