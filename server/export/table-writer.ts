// Writes rows as CSV or XLSX into a stream as they come, so an export never holds the whole table in memory;
// exceljs's streaming WorkbookWriter commits each row as it is added.
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { safeCell } from "../spreadsheet/safe-cell";
import { type Cell, CSV_BOM, csvRow } from "./csv";

export interface TableOutput {
  sheetName: string;
  columns: readonly string[];
  rows: AsyncIterable<Cell[]> | Iterable<Cell[]>;
  onRow?: () => void | Promise<void>;
}

function write(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = out.write(text, (err) => (err ? reject(err) : undefined));
    if (ok) resolve();
    else out.once("drain", resolve);
  });
}

export async function writeCsv(out: Writable, table: TableOutput): Promise<void> {
  await write(out, CSV_BOM + csvRow(table.columns));
  for await (const row of table.rows) {
    await write(out, csvRow(row));
    await table.onRow?.();
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

function xlsxCell(cell: Cell): string | number | boolean | Date | null {
  if (cell === undefined || cell === null) return null;
  return typeof cell === "string" ? safeCell(cell) : cell;
}

export async function writeXlsx(out: Writable, table: TableOutput): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  const header = sheet.addRow([...table.columns]);
  header.font = { bold: true };
  header.commit();
  for await (const row of table.rows) {
    sheet.addRow(row.map(xlsxCell)).commit();
    await table.onRow?.();
  }
  sheet.commit();
  await workbook.commit();
}
