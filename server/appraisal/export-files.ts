// CSV and XLSX files from the export rows; every text cell passes through safeCell so no title or quote runs
// as a spreadsheet formula.
import ExcelJS from "exceljs";
import { safeCell } from "../spreadsheet/safe-cell";
import type { LongRow, WideRow } from "./export-rows";
import { isPerResult } from "./result-ref";
import { toolDefinition } from "./tools";
import { TOOL_NAMES, type ToolName } from "./tools/types";
import { designOption, labelledDomains, variantOption } from "./tools/variants";

type Table = { header: string[]; rows: string[][] };

export function wideTable(tool: ToolName, rows: readonly WideRow[]): Table {
  const def = toolDefinition(tool);
  const own = rows.filter((r) => r.tool === tool);
  const domains = labelledDomains(def, own);
  // A tool with variants or designs says, per row, which one was appraised, so a mixed table is never ambiguous.
  const variants = def.variants;
  const variantLabel = (r: WideRow) => variantOption(def, r.variant)?.label ?? "";
  const designs = def.designs;
  const designLabel = (r: WideRow) => designOption(def, r.design)?.label ?? "";
  // RoB 2 and ROBINS-I judge a result: its outcome and time point sit beside the study they belong to.
  const perResult = isPerResult(tool);
  const header = [
    "study_id",
    "study",
    ...(perResult ? ["outcome", "time_point"] : []),
    "tool",
    "appraiser",
    ...domains.map((d) => `${d.id} ${d.label}`),
    ...(def.overall ? ["Overall"] : []),
    "completed_at",
    ...(variants ? [`${variants.domainId} ${variants.prompt.toLowerCase()}`] : []),
    ...(designs ? [designs.prompt.toLowerCase()] : []),
  ];
  return {
    header,
    rows: own.map((r) => [
      r.studyId,
      r.study,
      ...(perResult ? [r.outcome ?? "", r.timePoint ?? ""] : []),
      def.label,
      r.appraiser,
      ...domains.map((d) => r.judgements[d.id] ?? ""),
      ...(def.overall ? [r.overall] : []),
      r.completedAt,
      ...(variants ? [variantLabel(r)] : []),
      ...(designs ? [designLabel(r)] : []),
    ]),
  };
}

export function longTable(rows: readonly LongRow[]): Table {
  return {
    header: [
      "study_id",
      "study",
      "outcome",
      "time_point",
      "tool",
      "appraiser",
      "domain",
      "item",
      "question_or_domain",
      "answer",
      "proposed_judgement",
      "final_judgement",
      "override_reason",
      "support",
    ],
    rows: rows.map((r) => [
      r.studyId,
      r.study,
      r.outcome,
      r.timePoint,
      r.tool,
      r.appraiser,
      r.domain,
      r.item,
      r.text,
      r.answer,
      r.proposed,
      r.final,
      r.overrideReason,
      r.support,
    ]),
  };
}

function csvField(value: string): string {
  const safe = safeCell(value);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: Table): string {
  return `${[table.header, ...table.rows].map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** One sheet per tool (one row per study), then every item in long format. */
export async function toXlsx(wide: readonly WideRow[], long: readonly LongRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sift";
  const add = (name: string, table: Table) => {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(safeCell));
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    for (const c of sheet.columns) c.width = 18;
  };
  for (const tool of TOOL_NAMES) {
    const table = wideTable(tool, wide);
    if (table.rows.length > 0) add(toolDefinition(tool).label.slice(0, 31), table);
  }
  add("Items (long)", longTable(long));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
