// The summary plot: for each domain (and overall), a bar split by the share of studies at each judgement,
// weighted (by default every study weighs the same; meta-analysis weights may be given), as robvis draws it.

import { escapeXml } from "../../svg/escape-xml";
import { textWidth, wrapText } from "../../svg/text-metrics";
import type { ToolDefinition } from "../tools/types";
import { alignedJudgements, labelledDomains } from "../tools/variants";
import { Canvas, drawLevelKey, type PlotLayout, TONE_COLOURS } from "./svg";
import type { PlotRow } from "./traffic-light";

export interface DomainShares {
  label: string;
  shares: { value: string; share: number }[];
}

/** Per domain, each judgement's share of the total weight of studies judged in it. */
export function summaryShares(
  tool: ToolDefinition,
  rows: readonly PlotRow[],
  weights?: readonly number[],
): DomainShares[] {
  const domains = labelledDomains(tool, rows);
  // A study whose design does not ask a domain counts in none of its shares, like one not judged in it.
  const asked = rows.map((r) => alignedJudgements(tool, r, domains));
  const columns = domains.map((d, i) => {
    const count = asked.filter((row) => row[i] !== undefined).length;
    return {
      // A domain only some designs have says how many studies its bar stands for.
      label: count < rows.length ? `${d.label} (${count} of ${rows.length} studies)` : d.label,
      pick: (r: PlotRow) => asked[rows.indexOf(r)]![i] ?? null,
    };
  });
  if (tool.overall) columns.push({ label: "Overall", pick: (r: PlotRow) => r.overall });
  return columns.map((column) => {
    const totals = new Map<string, number>();
    let sum = 0;
    rows.forEach((row, i) => {
      const value = column.pick(row);
      if (value === null) return;
      const weight = weights?.[i] ?? 1;
      totals.set(value, (totals.get(value) ?? 0) + weight);
      sum += weight;
    });
    return {
      label: column.label,
      shares: tool.levels
        .filter((l) => totals.has(l.value))
        .map((l) => ({ value: l.value, share: sum ? totals.get(l.value)! / sum : 0 })),
    };
  });
}

const MARGIN = 10;
const BAR = 22;
const GAP = 10;
const BAR_WIDTH = 320;
const LABEL_SIZE = 12;
const LABEL_LINE = 15;
/** Domain names wrap beyond this, so the bars keep their room whatever a tool calls its domains. */
const MAX_LABEL = 300;

export function summaryBarPlot(
  tool: ToolDefinition,
  rows: readonly PlotRow[],
  weights?: readonly number[],
): PlotLayout {
  const canvas = new Canvas();
  const domains = summaryShares(tool, rows, weights).map((d) => {
    const bold = d.label === "Overall";
    return { ...d, bold, lines: wrapText(d.label, MAX_LABEL, LABEL_SIZE, bold) };
  });
  const labelWidth =
    MARGIN + Math.max(0, ...domains.flatMap((d) => d.lines.map((l) => textWidth(l, LABEL_SIZE, d.bold)))) + 8;
  const width = labelWidth + BAR_WIDTH + 20;
  let top = 14;
  for (const domain of domains) {
    const h = Math.max(BAR, domain.lines.length * LABEL_LINE);
    const y = top + (h - BAR) / 2;
    const firstBaseline = top + h / 2 - ((domain.lines.length - 1) * LABEL_LINE) / 2 + 4;
    domain.lines.forEach((line, l) => {
      canvas.text({
        x: labelWidth - 8,
        y: firstBaseline + l * LABEL_LINE,
        text: line,
        size: LABEL_SIZE,
        bold: domain.bold,
        anchor: "end",
        fill: "#111",
      });
    });
    let x = labelWidth;
    if (domain.shares.length === 0)
      canvas.raw(`<rect x="${x}" y="${y}" width="${BAR_WIDTH}" height="${BAR}" fill="#f0f0f0" stroke="#ccc"/>`);
    for (const share of domain.shares) {
      const level = tool.levels.find((l) => l.value === share.value)!;
      const w = share.share * BAR_WIDTH;
      canvas.raw(
        `<rect x="${x}" y="${y}" width="${w}" height="${BAR}" fill="${TONE_COLOURS[level.tone]}" stroke="#fff"><title>${escapeXml(`${domain.label}: ${level.label} ${Math.round(share.share * 100)}%`)}</title></rect>`,
      );
      x += w;
    }
    top += h + GAP;
  }
  const axisY = top;
  for (const pct of [0, 25, 50, 75, 100]) {
    const x = labelWidth + (pct / 100) * BAR_WIDTH;
    canvas.raw(`<line x1="${x}" y1="${axisY - 4}" x2="${x}" y2="${axisY}" stroke="#555"/>`);
    canvas.text({ x, y: axisY + 14, text: `${pct}%`, size: 11, anchor: "middle" });
  }
  canvas.raw(
    `<line x1="${labelWidth}" y1="${axisY - 4}" x2="${labelWidth + BAR_WIDTH}" y2="${axisY - 4}" stroke="#555"/>`,
  );
  const keyBottom = drawLevelKey(
    canvas,
    tool.levels.map((l) => ({ colour: TONE_COLOURS[l.tone], label: l.label })),
    MARGIN,
    axisY + 26,
    width - 2 * MARGIN,
    "square",
  );
  return canvas.document(
    width,
    keyBottom + MARGIN,
    `${tool.label}: summary of ${rows.length} ${rows.length === 1 ? "study" : "studies"}${weights ? ", weighted" : ""}`,
  );
}

export function summaryBarSvg(tool: ToolDefinition, rows: readonly PlotRow[], weights?: readonly number[]): string {
  return summaryBarPlot(tool, rows, weights).svg;
}
