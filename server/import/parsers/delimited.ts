// Spreadsheet exports (CSV with ',' or ';', and tab-separated text): one record per row under a header that
// names a title column, wherever that header sits below a preamble.
import type { ParseEvent, Parser } from "../types";
import { ColumnMap, cellValue, normaliseHeader, TITLE_COLUMNS } from "./csv-columns";
import { type TableShape, tableRows } from "./csv-rows";

const isHeader = (cells: string[]) => cells.some((cell) => TITLE_COLUMNS.includes(normaliseHeader(cell)));

export const parseCsv: Parser = (chunks) => parseTable(chunks, { formatName: "CSV", delimiter: "sniff", isHeader });

export const parseTsv: Parser = (chunks) =>
  parseTable(chunks, { formatName: "tab-separated file", delimiter: "\t", isHeader });

async function* parseTable(chunks: AsyncIterable<string>, shape: TableShape): AsyncGenerator<ParseEvent> {
  let columns: ColumnMap | null = null;
  for await (const row of tableRows(chunks, shape)) {
    if ("error" in row) {
      yield { kind: "skipped", diagnostic: { line: row.line, message: row.error } };
      continue;
    }
    columns ??= new ColumnMap(row.header);
    if (!isRecordRow(row.cells, row.header.length)) continue;
    yield { kind: "record", line: row.line, record: columns.toRecord(row.cells) };
  }
}

/**
 * Blank rows (Excel pads them with delimiters) are not records, nor is a lone cell in a wide table: that is a
 * section heading, like Abstrackr's "citations that are not yet labeled by anyone". A row with an empty title
 * is still a record: the rest of it may identify the work.
 */
function isRecordRow(cells: string[], columns: number): boolean {
  const filled = cells.filter((cell) => cellValue(cell) !== "").length;
  if (filled === 0) return false;
  return !(cells.length === 1 && columns >= 3);
}
