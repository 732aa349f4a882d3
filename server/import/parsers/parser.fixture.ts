// Helpers for the parser tests: feeding text in chunks, and reaching the shared real-world fixtures, which
// live beside the project (never in it) and are absent from a fresh clone.
import fs from "node:fs";
import { type ExpectedExport, exportPath, fixturesDir, haveFixtures, readExpectedCounts } from "../fixture-files";
import type { ParsedRecord, ParseEvent, Parser } from "../types";

export async function* inChunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

export interface Parsed {
  records: ParsedRecord[];
  lines: number[];
  skipped: { line: number; message: string }[];
}

/** Runs a parser over the text cut into chunks of `size` characters (all of it at once by default). */
export async function parseText(parser: Parser, text: string, size = Math.max(text.length, 1)): Promise<Parsed> {
  const parsed: Parsed = { records: [], lines: [], skipped: [] };
  for await (const event of parser(inChunks(text, size)) as AsyncIterable<ParseEvent>) {
    if (event.kind === "record") {
      parsed.records.push(event.record);
      parsed.lines.push(event.line);
    } else {
      parsed.skipped.push(event.diagnostic);
    }
  }
  return parsed;
}

export const haveSharedFixtures = haveFixtures;

/** Call at the top of a test file that reads the shared fixtures, so their absence is visible, not silent. */
export function warnIfNoSharedFixtures(what: string): void {
  if (!haveSharedFixtures) console.warn(`Skipping ${what}: shared fixtures not found at ${fixturesDir}`);
}

export function readSharedExport(relativePath: string): string {
  return fs.readFileSync(exportPath(relativePath), "utf8");
}

/** The rows of expected-counts.tsv for one format. */
export function expectedCounts(format: string): ExpectedExport[] {
  return readExpectedCounts().filter((row) => row.format === format);
}
