// Extraction data for download: consensus values by default, every extractor's own values on request (leads).
import ExcelJS from "exceljs";
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { outcomeNames } from "../outcomes/review-outcomes";
import { hasRole, type Role } from "../shared/roles";
import { safeCell } from "../spreadsheet/safe-cell";
import { type ExportExtraction, longSheet, type Sheet, toCsv, wideSheet } from "./export-rows";
import { latestVersion } from "./forms";

export const ExportParams = z.object({
  form: z.string().min(1).max(64),
  format: z.enum(["csv", "xlsx"]).default("xlsx"),
  layout: z.enum(["wide", "long"]).default("wide"),
  values: z.enum(["consensus", "extractors"]).default("consensus"),
});
export type ExportParams = z.infer<typeof ExportParams>;

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Uint8Array;
}

async function exportExtractions(db: Db, reviewId: string, formId: string, which: ExportParams["values"]) {
  const rows = await db.extraction.findMany({
    where: { reviewId, isConsensus: which === "consensus", formVersion: { formId } },
    include: {
      study: { select: { id: true, label: true } },
      extractor: { select: { name: true } },
      formVersion: { select: { version: true } },
      values: { select: { fieldId: true, instanceKey: true, value: true } },
    },
  });
  return rows
    .map<ExportExtraction>((e) => ({
      studyId: e.study.id,
      studyLabel: e.study.label,
      source: which === "consensus" ? "consensus" : e.extractor.name,
      formVersion: e.formVersion.version,
      values: e.values,
    }))
    .sort((a, b) => a.studyLabel.localeCompare(b.studyLabel) || a.source.localeCompare(b.source));
}

async function xlsx(sheets: Sheet[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name);
    ws.addRow(sheet.header.map(safeCell)).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map((c) => (typeof c === "string" ? safeCell(c) : c)));
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function fileStem(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "extraction"
  );
}

export async function extractionExport(
  db: Db,
  reviewId: string,
  role: Role,
  params: ExportParams,
): Promise<ExportFile> {
  if (params.values === "extractors" && !hasRole(role, "lead")) {
    // Each extractor's own values are blinded work until consensus; only leads may take them out.
    throw new AppError("FORBIDDEN", "Only leads can download each extractor's values.");
  }
  const { form, definition } = await latestVersion(db, reviewId, params.form);
  const extractions = await exportExtractions(db, reviewId, form.id, params.values);
  const ctx = { outcomeNames: await outcomeNames(db, reviewId) };
  const stem = `${fileStem(form.name)}-${params.values}`;
  if (params.format === "xlsx") {
    return {
      fileName: `${stem}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: await xlsx([wideSheet(definition, extractions, ctx), longSheet(definition, extractions, ctx)]),
    };
  }
  const sheet =
    params.layout === "wide" ? wideSheet(definition, extractions, ctx) : longSheet(definition, extractions, ctx);
  // A byte-order mark, so Excel opens the UTF-8 file with its accents intact.
  return {
    fileName: `${stem}-${params.layout}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: new TextEncoder().encode(`\uFEFF${toCsv(sheet)}`),
  };
}
