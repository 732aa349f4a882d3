// A CSV of studies, one row per study, read into the engine's studies for one measure (the columns of issue #19's
// `sift analyse`). Any fault stops the reading with one message that names the line and the study, so the user
// fixes the file rather than getting an analysis of something else.
import { parse } from "csv-parse/sync";
import { AppError } from "../errors/app-error";
import { logSeFromRatioCi } from "./conversions";
import { DATA_KIND, type Measure, type Study, type StudyData } from "./types";

/** The columns each data kind is read from, after `study`. HR also accepts `yi,sei` (log HR and its SE). */
export const COLUMNS: Record<StudyData["kind"], string[]> = {
  continuous: ["m1", "sd1", "n1", "m2", "sd2", "n2"],
  binary: ["events1", "n1", "events2", "n2"],
  generic: ["hr", "ci_lower", "ci_upper"],
  "single-binary": ["events", "n"],
  "single-continuous": ["m", "sd", "n"],
};
const GENERIC_LOG = ["yi", "sei"];

export function columnsHelp(measure: Measure): string {
  const kind = DATA_KIND[measure];
  const base = `study,${COLUMNS[kind].join(",")}`;
  if (kind === "generic") return `${base} (or study,${GENERIC_LOG.join(",")} on the log scale)`;
  if (measure === "NMD") return `${base} (and m_sham when the sham/normal value is not 0)`;
  return base;
}

interface Row {
  line: number;
  cells: Record<string, string>;
}

class RowReader {
  constructor(
    private readonly row: Row,
    readonly label: string,
  ) {}

  fail(message: string): never {
    throw new AppError("INVALID_INPUT", `line ${this.row.line} (${this.label}): ${message}`);
  }

  number(column: string): number {
    const raw = (this.row.cells[column] ?? "").trim();
    if (raw === "") this.fail(`${column} is empty`);
    const value = Number(raw);
    if (!Number.isFinite(value)) this.fail(`${column} is "${raw}", not a number`);
    return value;
  }

  optionalNumber(column: string): number | undefined {
    return (this.row.cells[column] ?? "").trim() === "" ? undefined : this.number(column);
  }

  size(column: string): number {
    const n = this.number(column);
    if (!Number.isInteger(n) || n <= 1) this.fail(`${column} is ${n}; a group needs a whole number above 1`);
    return n;
  }

  sd(column: string): number {
    const sd = this.number(column);
    if (sd < 0) this.fail(`${column} is ${sd}; a standard deviation cannot be negative`);
    return sd;
  }

  events(column: string, n: number, nColumn: string): number {
    const e = this.number(column);
    if (!Number.isInteger(e) || e < 0) this.fail(`${column} is ${e}; events are a whole number from 0`);
    if (e > n) this.fail(`${column} (${e}) is more than ${nColumn} (${n})`);
    return e;
  }
}

function readData(measure: Measure, r: RowReader, hasLogColumns: boolean): StudyData {
  switch (DATA_KIND[measure]) {
    case "continuous": {
      const n1 = r.size("n1");
      const n2 = r.size("n2");
      const d = {
        kind: "continuous" as const,
        m1: r.number("m1"),
        sd1: r.sd("sd1"),
        n1,
        m2: r.number("m2"),
        sd2: r.sd("sd2"),
        n2,
      };
      if (measure === "ROM" && (d.m1 <= 0 || d.m2 <= 0)) r.fail("a ratio of means needs both means above 0");
      if (measure === "SMD" && d.sd1 === 0 && d.sd2 === 0) r.fail("both SDs are 0: no standardised difference");
      if (measure === "NMD") {
        const mSham = r.optionalNumber("m_sham") ?? 0;
        if (d.m2 === mSham) r.fail("the control mean equals the sham value: nothing to normalise by");
        return { ...d, mSham };
      }
      return d;
    }
    case "binary": {
      const n1 = r.size("n1");
      const n2 = r.size("n2");
      return {
        kind: "binary",
        events1: r.events("events1", n1, "n1"),
        n1,
        events2: r.events("events2", n2, "n2"),
        n2,
      };
    }
    case "single-binary": {
      const n = r.size("n");
      return { kind: "single-binary", events: r.events("events", n, "n"), n };
    }
    case "single-continuous":
      return { kind: "single-continuous", m: r.number("m"), sd: r.sd("sd"), n: r.size("n") };
    case "generic": {
      if (hasLogColumns) {
        const sei = r.number("sei");
        if (sei <= 0) r.fail(`sei is ${sei}; a standard error must be above 0`);
        return { kind: "generic", yi: r.number("yi"), sei };
      }
      const hr = r.number("hr");
      const lower = r.number("ci_lower");
      const upper = r.number("ci_upper");
      if (hr <= 0 || lower <= 0) r.fail("a hazard ratio and its CI must be above 0");
      if (!(lower < hr && hr < upper)) r.fail(`the CI ${lower} to ${upper} does not contain the estimate ${hr}`);
      return { kind: "generic", yi: Math.log(hr), sei: logSeFromRatioCi(lower, upper).value };
    }
  }
}

export function studiesFromCsv(text: string, measure: Measure): Study[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      info: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (err) {
    throw new AppError("INVALID_INPUT", `the file is not readable CSV: ${(err as Error).message}`);
  }
  const header = new Set(Object.keys(records[0]?.record ?? {}));
  const kind = DATA_KIND[measure];
  const hasLogColumns = kind === "generic" && GENERIC_LOG.every((c) => header.has(c));
  const needed = ["study", ...(hasLogColumns ? GENERIC_LOG : COLUMNS[kind])];
  const missing = needed.filter((c) => !header.has(c));
  if (records.length === 0)
    throw new AppError("INVALID_INPUT", `no studies in the file; ${measure} needs ${columnsHelp(measure)}`);
  if (missing.length)
    throw new AppError(
      "INVALID_INPUT",
      `the file has no column ${missing.join(", ")}; ${measure} needs ${columnsHelp(measure)}`,
    );
  const seen = new Set<string>();
  return records.map(({ record, info }) => {
    const row = { line: info.lines, cells: record };
    const label = (record.study ?? "").trim();
    const reader = new RowReader(row, label || "no study name");
    if (!label) reader.fail("the study column is empty");
    if (seen.has(label)) reader.fail(`a second row for the study "${label}"`);
    seen.add(label);
    return { label, data: readData(measure, reader, hasLogColumns) };
  });
}
