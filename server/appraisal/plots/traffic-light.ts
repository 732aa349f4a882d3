// The traffic-light plot: one row per study, one column per domain (and overall), a coloured dot with a
// symbol for each judgement, as robvis draws it. Pure: data in, SVG text out. Every width is measured: columns
// widen for their headers (or the headers stand upright when they would not fit), long study names wrap, and the
// legend wraps within the plot's width.

import { escapeXml } from "../../svg/escape-xml";
import { textWidth, wrapText } from "../../svg/text-metrics";
import type { ToolDefinition } from "../tools/types";
import { alignedJudgements, labelledDomains, rowMark } from "../tools/variants";
import { Canvas, drawLevelKey, type PlotLayout, TONE_COLOURS, TONE_SYMBOLS } from "./svg";

export interface PlotRow {
  label: string;
  judgements: readonly (string | null)[];
  overall: string | null;
  /** The tool variant the study was appraised in (RoB 2 domain 2's effect of interest), when the tool has variants. */
  variant?: string;
  /** The trial design the study was appraised as (RoB 2: its domains 1b or S), when the tool has designs. */
  design?: string;
}

const MARGIN = 10;
const CELL = 34;
const RADIUS = 13;
const HEADER_SIZE = 12;
/** A header wider than this (less padding) turns every header upright rather than widening its column further. */
const MAX_COLUMN = 90;
/** "Overall" stands apart from the domains. */
const OVERALL_GAP = 16;
const LABEL_SIZE = 13;
const LABEL_LINE = 16;
/** Study names wrap beyond this, so one long name cannot push the dots off a page. */
const MAX_LABEL = 240;
const LEGEND_SIZE = 11;
const LEGEND_LINE = 15;
/** The legend may widen a narrow plot up to this, then wraps. */
const LEGEND_WIDTH = 560;
const HANGING_INDENT = 12;
/**
 * The heading row is drawn again before every this many studies, so a reader scrolling a long plot on the page, or
 * reading a tall PNG, always has the columns' names within a screen's height.
 */
export const HEADER_EVERY = 25;

/** A legend entry as lines no wider than `width`, continuation lines indented under the first. */
function hangingWrap(text: string, width: number): string[] {
  const [first, ...more] = wrapText(text, width, LEGEND_SIZE);
  if (more.length === 0) return [first!];
  return [first!, ...wrapText(more.join(" "), width - HANGING_INDENT, LEGEND_SIZE)];
}

export function trafficLightPlot(tool: ToolDefinition, rows: readonly PlotRow[]): PlotLayout {
  const canvas = new Canvas();
  const domains = labelledDomains(tool, rows);
  const columns = [...domains.map((d) => d.short), ...(tool.overall ? ["Overall"] : [])];
  const overallIndex = tool.overall ? domains.length : -1;
  const variants = rows.map((r) => r.variant);
  const rowLabel = (row: PlotRow) => [row.label, rowMark(tool, variants, row.variant)].filter(Boolean).join(" ");

  const headerWidths = columns.map((c) => textWidth(c, HEADER_SIZE, true));
  const upright = headerWidths.some((w) => w + 10 > MAX_COLUMN);
  const columnWidths = headerWidths.map((w) => (upright ? CELL : Math.max(CELL, w + 10)));
  const headerHeight = upright ? Math.max(...headerWidths) + 20 : 40;

  const labels = rows.map((row) => wrapText(rowLabel(row), MAX_LABEL, LABEL_SIZE));
  const rowHeights = labels.map((lines) => Math.max(CELL, lines.length * LABEL_LINE + 8));
  const labelWidth =
    MARGIN + Math.max(textWidth("Study", HEADER_SIZE, true), ...labels.flat().map((l) => textWidth(l, LABEL_SIZE))) + 8;
  const columnLeft: number[] = [];
  let x = labelWidth;
  columnWidths.forEach((w, i) => {
    if (i === overallIndex) x += OVERALL_GAP;
    columnLeft.push(x);
    x += w;
  });
  const centre = (i: number) => columnLeft[i]! + columnWidths[i]! / 2;
  const gridWidth = x + MARGIN;

  const notAsked = rows.some((row) => alignedJudgements(tool, row, domains).includes(undefined));
  const legendEntries = [
    ...domains.map((d) => `${d.short}: ${d.label}`),
    ...(notAsked ? ["–: a domain the study's trial design does not have"] : []),
  ];
  const keyLabels = tool.levels.map((l) => `${TONE_SYMBOLS[l.tone] || "·"} ${l.label}`);
  // The key's one-line width, as drawLevelKey spaces it, so a short key is not broken over two lines.
  const keyWidth = keyLabels.reduce((sum, label) => sum + 30 + textWidth(label, LEGEND_SIZE), -14);
  const longest = Math.max(keyWidth, ...legendEntries.map((l) => textWidth(l, LEGEND_SIZE)));
  const legendWidth = Math.max(gridWidth - 2 * MARGIN, Math.min(longest, LEGEND_WIDTH), 300);
  const width = legendWidth + 2 * MARGIN;

  const headerBaseline = upright ? headerHeight - 10 : headerHeight - 14;
  const drawHeader = (top: number) => {
    canvas.text({
      x: labelWidth - 8,
      y: top + headerBaseline,
      text: "Study",
      size: HEADER_SIZE,
      bold: true,
      anchor: "end",
    });
    columns.forEach((c, i) => {
      const y = top + headerBaseline;
      canvas.text(
        upright
          ? { x: centre(i) + HEADER_SIZE * 0.29, y, text: c, size: HEADER_SIZE, bold: true, upright }
          : { x: centre(i), y, text: c, size: HEADER_SIZE, bold: true, anchor: "middle" },
      );
    });
  };

  // Rows
  const levelOf = (value: string | null) => tool.levels.find((l) => l.value === value);
  drawHeader(0);
  let top = headerHeight;
  rows.forEach((row, r) => {
    if (r > 0 && r % HEADER_EVERY === 0) {
      drawHeader(top);
      top += headerHeight;
    }
    const h = rowHeights[r]!;
    const cy = top + h / 2;
    if (r % 2 === 0) canvas.raw(`<rect x="0" y="${top}" width="${width}" height="${h}" fill="#f4f5f7"/>`);
    const lines = labels[r]!;
    const firstBaseline = cy - ((lines.length - 1) * LABEL_LINE) / 2 + 4;
    lines.forEach((line, l) => {
      canvas.text({
        x: labelWidth - 8,
        y: firstBaseline + l * LABEL_LINE,
        text: line,
        size: LABEL_SIZE,
        anchor: "end",
        fill: "#111",
      });
    });
    const judgements = alignedJudgements(tool, row, domains);
    const values = tool.overall ? [...judgements, row.overall] : judgements;
    values.forEach((value, i) => {
      const cx = centre(i);
      if (value === undefined) {
        // A domain this study's design does not have (a parallel trial in a column for cluster trials' D1b).
        canvas.raw(
          `<g><title>${escapeXml(`${row.label}, ${columns[i]}: not asked for this trial design`)}</title><text x="${cx}" y="${cy + 5}" font-size="15" text-anchor="middle" fill="#888">–</text></g>`,
        );
        return;
      }
      const level = levelOf(value);
      const tone = level?.tone ?? "none";
      const title = `${row.label}, ${columns[i]}: ${level?.label ?? "Not judged"}`;
      canvas.mark(
        { x: cx - RADIUS, y: cy - RADIUS, w: 2 * RADIUS, h: 2 * RADIUS, what: title },
        `<g><title>${escapeXml(title)}</title><circle cx="${cx}" cy="${cy}" r="${RADIUS}" fill="${level ? TONE_COLOURS[tone] : "#ffffff"}" stroke="#555" stroke-width="${i === overallIndex ? 2 : 1}"/>` +
          `<text x="${cx}" y="${cy + 5}" font-size="15" font-weight="bold" text-anchor="middle" fill="${tone === "moderate" ? "#222" : "#fff"}">${escapeXml(level ? TONE_SYMBOLS[tone] : "")}</text></g>`,
      );
    });
    top += h;
  });

  // Legend: what each column is, then what each colour means.
  let baseline = top + 24;
  for (const entry of legendEntries) {
    hangingWrap(entry, legendWidth).forEach((line, l) => {
      canvas.text({ x: MARGIN + (l ? HANGING_INDENT : 0), y: baseline, text: line, size: LEGEND_SIZE });
      baseline += LEGEND_LINE;
    });
  }
  const keyBottom = drawLevelKey(
    canvas,
    tool.levels.map((l, i) => ({ colour: TONE_COLOURS[l.tone], label: keyLabels[i]! })),
    MARGIN,
    baseline - LEGEND_LINE + 12,
    legendWidth,
    "dot",
  );
  return canvas.document(
    width,
    keyBottom + MARGIN,
    `${tool.label}: traffic-light plot of ${rows.length} ${rows.length === 1 ? "study" : "studies"}`,
  );
}

export function trafficLightSvg(tool: ToolDefinition, rows: readonly PlotRow[]): string {
  return trafficLightPlot(tool, rows).svg;
}
