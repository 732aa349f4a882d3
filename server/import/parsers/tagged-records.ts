// The loop the tagged text formats (RIS, MEDLINE, Web of Science) share: lines in, an event for each record a line
// closes and for the one still open at the end, and a file that has text but no record refused as not this format.
// Each format says only how its lines open, continue and close records (a TaggedReader).
import { NotBibliographicError, type ParsedRecord, type Parser } from "../types";
import { lineBatches } from "./lines";
import type { TaggedFields } from "./tagged-fields";

/** One file's reading in one format; a new one for each file, since it keeps the record being read. */
export interface TaggedReader {
  /** Reads a line (numbered from 1) and returns the record it closed, if any: a line closes at most one. */
  read(line: string, lineNo: number): TaggedFields | null;
  /** The record still open when the file ends, which counts as closed by it. */
  end(): TaggedFields | null;
}

/**
 * A parser of one tagged format. `notThisFormat` is the message for a file with text in it but no record at all,
 * which is some other format rather than an empty export.
 */
export function taggedParser(
  newReader: () => TaggedReader,
  toRecord: (fields: TaggedFields) => ParsedRecord,
  notThisFormat: string,
): Parser {
  return async function* (chunks) {
    const reader = newReader();
    let lineNo = 0;
    let found = false;
    let sawText = false;
    for await (const lines of lineBatches(chunks)) {
      for (const line of lines) {
        if (!sawText) sawText = /\S/.test(line);
        const closed = reader.read(line, ++lineNo);
        if (closed) {
          found = true;
          yield { kind: "record", line: closed.line, record: toRecord(closed) };
        }
      }
    }
    const last = reader.end();
    if (last) yield { kind: "record", line: last.line, record: toRecord(last) };
    else if (!found && sawText) throw new NotBibliographicError(notThisFormat);
  };
}
