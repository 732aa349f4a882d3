// The shared real-world exports (../shared/fixtures, beside the project and never in it) and the record counts
// a correct parser yields from them, for the fixture and fuzz tests. Absent from a fresh clone: tests skip.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../config/paths";
import type { Format } from "./types";

export const fixturesDir = path.resolve(projectRoot, "../shared/fixtures");

export const haveFixtures = fs.existsSync(path.join(fixturesDir, "expected-counts.tsv"));

export const MISSING_FIXTURES = "../shared/fixtures not found: fixture tests skipped";

export interface ExpectedExport {
  /** Relative to the exports folder. */
  path: string;
  format: Format;
  records: number;
  bad: number;
  /** The first record's title cut to 70 characters; "" when it has none. */
  firstTitle: string;
}

/** Every row of expected-counts.tsv, as written. */
export function readExpectedCounts(): ExpectedExport[] {
  return fs
    .readFileSync(path.join(fixturesDir, "expected-counts.tsv"), "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => {
      const [file, format, records, bad, firstTitle] = line.split("\t");
      return {
        path: file!,
        format: format as Format,
        records: Number(records),
        bad: Number(bad),
        firstTitle: firstTitle ?? "",
      };
    });
}

/** Rows of expected-counts.tsv, only those of the formats in FIXTURE_FORMAT (comma-separated) when it is set. */
export function expectedExports(): ExpectedExport[] {
  if (!haveFixtures) return [];
  const only = process.env.FIXTURE_FORMAT?.split(",").map((f) => f.trim());
  return readExpectedCounts()
    .map((row) => ({ ...row, firstTitle: row.firstTitle.trim() }))
    .filter((row) => !only || only.includes(row.format));
}

export function exportPath(relativePath: string): string {
  return path.join(fixturesDir, "exports", relativePath);
}
