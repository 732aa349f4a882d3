import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { fixturesDir } from "../import/fixture-files";
import { finishedCounts } from "./counts.fixture";
import { prisma2020Flow } from "./flow";
import { templateCsv } from "./template-csv";

const TEMPLATE = path.join(fixturesDir, "PRISMA2020_template.csv");

function rows(csv: string): Record<string, string>[] {
  return parse(csv, { columns: true });
}

if (!existsSync(TEMPLATE))
  console.warn(`${TEMPLATE} not found: the comparison with the PRISMA2020 template is skipped`);

describe("templateCsv", () => {
  const csv = templateCsv(prisma2020Flow(finishedCounts()));
  const byName = new Map(rows(csv).map((r) => [r.data, r.n]));

  it("fills n for every box variable, and lists databases and reasons as 'Name, n; Name, n'", () => {
    expect(byName.get("database_results")).toBe("1050");
    expect(byName.get("database_specific_results")).toBe("PubMed, 600; Embase, 450");
    expect(byName.get("register_specific_results")).toBe("ClinicalTrials.gov, 50");
    expect(byName.get("organisation_results")).toBe("3");
    expect(byName.get("records_screened")).toBe("800");
    expect(byName.get("dbr_excluded")).toBe("Wrong population, 20; Wrong intervention, 15; In vitro only, 5");
    expect(byName.get("other_excluded")).toBe("Narrative review, 3");
    expect(byName.get("new_reports")).toBe("19");
    expect(byName.get("total_studies")).toBe("12");
  });

  it("fills previous_* and total_* from the previous version in the updated-review form, and totals = new otherwise", () => {
    expect([byName.get("previous_studies"), byName.get("total_studies"), byName.get("total_reports")]).toEqual([
      "0",
      "12",
      "19",
    ]);
    const updated = new Map(
      rows(templateCsv(prisma2020Flow(finishedCounts(), { studies: 30, reports: 41 }))).map((r) => [r.data, r.n]),
    );
    expect(
      ["previous_studies", "previous_reports", "new_studies", "new_reports", "total_studies", "total_reports"].map(
        (name) => updated.get(name),
      ),
    ).toEqual(["30", "41", "12", "19", "42", "60"]);
  });

  it("keeps labels parseable: no comma or semicolon inside a name, no thousands separator", () => {
    const counts = finishedCounts();
    counts.sources[0] = { name: "Web of Science; Core Collection, SCI", kind: "database", records: 12345 };
    const parsed = new Map(rows(templateCsv(prisma2020Flow(counts))).map((r) => [r.data, r.n]));
    expect(parsed.get("database_specific_results")).toBe("Web of Science / Core Collection / SCI, 12345; Embase, 450");
    expect(parsed.get("database_results")).toBe("12795");
  });

  it.skipIf(!existsSync(TEMPLATE))("has the template's columns and rows, with its texts unchanged", () => {
    const template = rows(readFileSync(TEMPLATE, "utf8"));
    const ours = rows(csv);
    expect(Object.keys(ours[0]!)).toEqual(Object.keys(template[0]!));
    expect(ours.map((r) => r.data)).toEqual(template.map((r) => r.data));
    const withoutN = (r: Record<string, string>) => ({ ...r, n: undefined });
    expect(ours.map(withoutN)).toEqual(template.map(withoutN));
  });
});
