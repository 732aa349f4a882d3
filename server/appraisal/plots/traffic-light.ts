// The traffic-light plot: one row per study, one column per domain (and overall), a coloured dot with a
// symbol for each judgement, as robvis draws it. Pure: data in, SVG text out.

import { escapeXml } from "../../svg/escape-xml";
import { textWidth } from "../../svg/text-metrics";
import type { ToolDefinition } from "../tools/types";
import { labelledDomains, rowMark } from "../tools/variants";
import { FONT, TONE_COLOURS, TONE_SYMBOLS } from "./svg";

export interface PlotRow {
  label: string;
  judgements: readonly (string | null)[];
  overall: string | null;
  /** The tool variant the study was appraised in (RoB 2 domain 2's effect of interest), when the tool has variants. */
  variant?: string;
}

const CELL = 34;
const RADIUS = 13;
const HEADER = 40;
/** "Overall" is wider than a domain's short name and stands apart from the domains. */
const OVERALL_GAP = 24;

export function trafficLightSvg(tool: ToolDefinition, rows: readonly PlotRow[]): string {
  const columns = [...tool.domains.map((d) => d.short), ...(tool.overall ? ["Overall"] : [])];
  const variants = rows.map((r) => r.variant);
  const rowLabel = (row: PlotRow) => [row.label, rowMark(tool, variants, row.variant)].filter(Boolean).join(" ");
  const labelWidth = Math.max(90, ...rows.map((r) => textWidth(rowLabel(r), 13))) + 16;
  const columnX = (i: number) => labelWidth + i * CELL + CELL / 2 + (i === tool.domains.length ? OVERALL_GAP : 0);
  const gridWidth =
    columns.length * CELL +
    (tool.overall ? OVERALL_GAP : 0) +
    Math.max(0, ...columns.map((c) => textWidth(c, 12, true) - CELL)) / 2;
  const legendLines = labelledDomains(tool, variants).map((d) => `${d.short}: ${d.label}`);
  const levelLegend = tool.levels.map((l) => `${TONE_SYMBOLS[l.tone] || "·"} ${l.label}`);
  const width = Math.max(labelWidth + gridWidth + 20, ...legendLines.map((l) => textWidth(l, 11) + 20), 360);
  const gridBottom = HEADER + rows.length * CELL;
  const legendTop = gridBottom + 24;
  const height = legendTop + legendLines.length * 16 + 36;

  const parts: string[] = [];
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(
    `<text x="${labelWidth - 8}" y="${HEADER - 14}" font-size="12" font-weight="bold" text-anchor="end" fill="#333">Study</text>`,
  );
  columns.forEach((c, i) => {
    const x = columnX(i);
    parts.push(
      `<text x="${x}" y="${HEADER - 14}" font-size="12" font-weight="bold" text-anchor="middle" fill="#333">${escapeXml(c)}</text>`,
    );
  });
  const levelOf = (value: string | null) => tool.levels.find((l) => l.value === value);
  rows.forEach((row, r) => {
    const cy = HEADER + r * CELL + CELL / 2;
    if (r % 2 === 0) parts.push(`<rect x="0" y="${cy - CELL / 2}" width="${width}" height="${CELL}" fill="#f4f5f7"/>`);
    parts.push(
      `<text x="${labelWidth - 8}" y="${cy + 4}" font-size="13" text-anchor="end" fill="#111">${escapeXml(rowLabel(row))}</text>`,
    );
    const values = tool.overall ? [...row.judgements, row.overall] : [...row.judgements];
    values.forEach((value, i) => {
      const cx = columnX(i);
      const level = levelOf(value);
      const tone = level?.tone ?? "none";
      const title = `${row.label}, ${columns[i]}: ${level?.label ?? "Not judged"}`;
      parts.push(
        `<g><title>${escapeXml(title)}</title><circle cx="${cx}" cy="${cy}" r="${RADIUS}" fill="${level ? TONE_COLOURS[tone] : "#ffffff"}" stroke="#555" stroke-width="${i === tool.domains.length ? 2 : 1}"/>` +
          `<text x="${cx}" y="${cy + 5}" font-size="15" font-weight="bold" text-anchor="middle" fill="${tone === "moderate" ? "#222" : "#fff"}">${escapeXml(level ? TONE_SYMBOLS[tone] : "")}</text></g>`,
      );
    });
  });
  legendLines.forEach((line, i) => {
    parts.push(`<text x="10" y="${legendTop + i * 16}" font-size="11" fill="#333">${escapeXml(line)}</text>`);
  });
  const levelY = legendTop + legendLines.length * 16 + 12;
  let x = 10;
  for (const [i, level] of tool.levels.entries()) {
    parts.push(`<circle cx="${x + 6}" cy="${levelY - 4}" r="6" fill="${TONE_COLOURS[level.tone]}" stroke="#555"/>`);
    parts.push(`<text x="${x + 16}" y="${levelY}" font-size="11" fill="#333">${escapeXml(levelLegend[i]!)}</text>`);
    x += 26 + textWidth(levelLegend[i]!, 11);
  }
  return svgDocument(
    width,
    height,
    `${tool.label} risk of bias: traffic-light plot of ${rows.length} ${rows.length === 1 ? "study" : "studies"}`,
    parts,
  );
}

export function svgDocument(width: number, height: number, title: string, parts: string[]): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" ${FONT}>` +
    `<title>${escapeXml(title)}</title>${parts.join("")}</svg>`
  );
}
