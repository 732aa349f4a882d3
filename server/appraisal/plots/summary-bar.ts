// The summary plot: for each domain (and overall), a bar split by the share of studies at each judgement,
// weighted (by default every study weighs the same; meta-analysis weights may be given), as robvis draws it.

import { escapeXml } from "../../svg/escape-xml";
import { textWidth } from "../../svg/text-metrics";
import type { ToolDefinition } from "../tools/types";
import { labelledDomains } from "../tools/variants";
import { TONE_COLOURS } from "./svg";
import { type PlotRow, svgDocument } from "./traffic-light";

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
  const columns = [
    ...labelledDomains(
      tool,
      rows.map((r) => r.variant),
    ).map((d, i) => ({ label: d.label, pick: (r: PlotRow) => r.judgements[i] ?? null })),
  ];
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

const BAR = 22;
const GAP = 10;
const BAR_WIDTH = 320;

export function summaryBarSvg(tool: ToolDefinition, rows: readonly PlotRow[], weights?: readonly number[]): string {
  const domains = summaryShares(tool, rows, weights);
  const labelWidth = Math.max(...domains.map((d) => textWidth(d.label, 12, d.label === "Overall"))) + 16;
  const width = labelWidth + BAR_WIDTH + 20;
  const top = 14;
  const axisY = top + domains.length * (BAR + GAP);
  const legendY = axisY + 40;
  const height = legendY + 20;
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`];
  domains.forEach((domain, d) => {
    const y = top + d * (BAR + GAP);
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + BAR / 2 + 4}" font-size="12" text-anchor="end" fill="#111"${domain.label === "Overall" ? ` font-weight="bold"` : ""}>${escapeXml(domain.label)}</text>`,
    );
    let x = labelWidth;
    if (domain.shares.length === 0)
      parts.push(`<rect x="${x}" y="${y}" width="${BAR_WIDTH}" height="${BAR}" fill="#f0f0f0" stroke="#ccc"/>`);
    for (const share of domain.shares) {
      const level = tool.levels.find((l) => l.value === share.value)!;
      const w = share.share * BAR_WIDTH;
      parts.push(
        `<rect x="${x}" y="${y}" width="${w}" height="${BAR}" fill="${TONE_COLOURS[level.tone]}" stroke="#fff"><title>${escapeXml(`${domain.label}: ${level.label} ${Math.round(share.share * 100)}%`)}</title></rect>`,
      );
      x += w;
    }
  });
  for (const pct of [0, 25, 50, 75, 100]) {
    const x = labelWidth + (pct / 100) * BAR_WIDTH;
    parts.push(
      `<line x1="${x}" y1="${axisY - 4}" x2="${x}" y2="${axisY}" stroke="#555"/><text x="${x}" y="${axisY + 14}" font-size="11" text-anchor="middle" fill="#333">${pct}%</text>`,
    );
  }
  parts.push(
    `<line x1="${labelWidth}" y1="${axisY - 4}" x2="${labelWidth + BAR_WIDTH}" y2="${axisY - 4}" stroke="#555"/>`,
  );
  let x = labelWidth;
  for (const level of tool.levels) {
    parts.push(
      `<rect x="${x}" y="${legendY - 10}" width="12" height="12" fill="${TONE_COLOURS[level.tone]}"/><text x="${x + 16}" y="${legendY}" font-size="11" fill="#333">${escapeXml(level.label)}</text>`,
    );
    x += 28 + textWidth(level.label, 11);
  }
  return svgDocument(
    Math.max(width, x + 10),
    height,
    `${tool.label} risk of bias: summary of ${rows.length} ${rows.length === 1 ? "study" : "studies"}${weights ? ", weighted" : ""}`,
    parts,
  );
}
