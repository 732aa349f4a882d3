// CSV as RFC 4180 describes it, written by hand because only a parser is installed: every field quoted when
// it needs to be, quotes doubled, CRLF between rows, and each text cell made safe for spreadsheets.
import { safeCell } from "../spreadsheet/safe-cell";

export type Cell = string | number | boolean | null | undefined | Date;

function text(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === "string") return safeCell(cell);
  return String(cell);
}

export function csvField(cell: Cell): string {
  const value = text(cell);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

/** Excel reads a UTF-8 CSV as the local code page unless the file starts with a byte order mark. */
export const CSV_BOM = "\uFEFF";
