// Streams delimited text (CSV, TSV) through csv-parse as rows of cells under their header, with the line each
// row starts on. Shared by the generic CSV/TSV parsers and the ClinicalTrials.gov CSV parser.
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { NotBibliographicError } from "../types";
import { countLineBreaks } from "./line-breaks";

export type Delimiter = "," | ";" | "\t";

export type TableRow = { line: number; header: string[]; cells: string[] } | { line: number; error: string };

export interface TableShape {
  formatName: string;
  /** "sniff" picks ',' or ';' from the header line. */
  delimiter: Delimiter | "sniff";
  /** Whether a row is the header; rows above it (a search query, dashes, blank lines) are preamble. */
  isHeader: (cells: string[]) => boolean;
}

const SNIFF_SIZE = 64 * 1024;
/** Rows read looking for the header before deciding this is not a table of records. */
const MAX_PREAMBLE_ROWS = 50;

export async function* tableRows(chunks: AsyncIterable<string>, shape: TableShape): AsyncGenerator<TableRow> {
  const source = chunks[Symbol.asyncIterator]();
  const head: string[] = [];
  let ended = false;
  if (shape.delimiter === "sniff") {
    for (let size = 0; size < SNIFF_SIZE; ) {
      const next = await source.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      size += next.value.length;
    }
  }
  const delimiter = shape.delimiter === "sniff" ? sniffDelimiter(head.join("")) : shape.delimiter;

  async function* all(): AsyncGenerator<string> {
    yield* head;
    if (!ended) yield* { [Symbol.asyncIterator]: () => source };
  }
  // A row csv-parse cannot read is reported through on_skip rather than as a stream error: an error would end
  // the stream and drop the rows it had already parsed. Each skip notes how many rows came before it, so its
  // diagnostic comes out in file order with the right line.
  const skips: { after: number; message: string }[] = [];
  let parsedRows = 0;
  const parser = parse({
    delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_record: (record: string[]) => {
      parsedRows++;
      return record;
    },
    on_skip: (err) => {
      skips.push({ after: parsedRows, message: err?.message ?? "unreadable row" });
    },
  });
  const input = Readable.from(all());
  input.on("error", (err) => parser.destroy(err));
  input.pipe(parser);

  let line = 1;
  let rowsSeen = 0;
  let header: string[] | null = null;
  let preambleRows = 0;
  const skipped = function* (): Generator<TableRow> {
    while (skips.length > 0 && skips[0]!.after <= rowsSeen) {
      // With relaxed quoting the one error left is a quote that never closes, which swallows the rest.
      yield { line, error: `unreadable ${shape.formatName} row: ${skips.shift()!.message}` };
    }
  };
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      yield* skipped();
      rowsSeen++;
      const start = line;
      // csv-parse's own line count counts the \r and \n of a break inside quotes twice; count here instead.
      line += 1 + cells.reduce((breaks, cell) => breaks + countLineBreaks(cell), 0);
      if (header) {
        yield { line: start, header, cells };
      } else if (shape.isHeader(cells)) {
        header = cells;
      } else if (++preambleRows > MAX_PREAMBLE_ROWS) {
        break;
      }
    }
    if (header) yield* skipped();
  } finally {
    input.destroy();
    parser.destroy();
  }
  if (!header) {
    throw new NotBibliographicError(
      `No header row with a title column was found: this is not a ${shape.formatName} of records.`,
    );
  }
}

/** ';' when the header line (the first that mentions a title) has more semicolons than commas outside quotes. */
export function sniffDelimiter(sample: string): "," | ";" {
  const lines = sample.split(/\r\n|\r|\n/, MAX_PREAMBLE_ROWS);
  const headerLine = lines.find((l) => /title/i.test(l)) ?? lines.find((l) => l.trim() !== "") ?? "";
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ",") commas++;
    else if (!quoted && c === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}
