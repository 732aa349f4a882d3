// Absolute effects as the Cochrane Handbook computes them (v5.1 sections 11.5.5, 12.5.4.2 and 12.5.4.3; v6 ch. 14
// and 15.4.4), with its own worked examples, and the Summary of findings rows, CSV and XLSX built on them.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { analyse } from "../analyse";
import reference from "../reference/reference.json";
import type { Study } from "../types";
import { absoluteEffect, interventionRisk, numberNeeded } from "./absolute-effects";
import { type Domain, gradeCertainty, type Rating } from "./certainty";
import { SOF_COLUMNS, sofCsv, sofXlsx, summaryOfFindings } from "./summary-of-findings";

const datasets = reference.datasets as unknown as Record<string, Study[]>;
const bcg = datasets["dat.bcg"]!;
const normand = datasets["dat.normand1999"]!;

describe("absolute effects (Cochrane Handbook worked examples)", () => {
  it("RR 0.92 with an assumed control risk of 300 per 1,000: 24 fewer per 1,000, NNT 42 (12.5.4.2)", () => {
    const a = absoluteEffect("RR", 0.3, Math.log(0.92), Math.log(0.92), Math.log(0.92));
    expect(a.control).toBe(300);
    expect(a.intervention.estimate).toBe(276);
    expect(a.difference.estimate).toBe(-24);
    expect(numberNeeded("RR", 0.3, Math.log(0.92))).toBe(42);
  });
  it("OR 0.73 with an assumed control risk of 0.3: 62 fewer per 1,000, NNT 17 (12.5.4.3)", () => {
    expect(absoluteEffect("OR", 0.3, Math.log(0.73), Math.log(0.73), Math.log(0.73)).difference.estimate).toBe(-62);
    expect(numberNeeded("OR", 0.3, Math.log(0.73))).toBe(17);
  });
  it("RR 0.75 takes a control risk of 80 % to 60 % and one of 20 % to 15 % (11.5.5)", () => {
    expect(interventionRisk("RR", 0.8, Math.log(0.75))).toBeCloseTo(0.6, 12);
    expect(interventionRisk("RR", 0.2, Math.log(0.75))).toBeCloseTo(0.15, 12);
  });
  it("HR 1 and RD 0 leave the risk where it was; HR 2 doubles the cumulative hazard", () => {
    expect(interventionRisk("HR", 0.3, 0)).toBeCloseTo(0.3, 12);
    expect(interventionRisk("RD", 0.3, 0)).toBe(0.3);
    // Survival 0.7 under HR 2 becomes 0.7² = 0.49: risk 0.51.
    expect(interventionRisk("HR", 0.3, Math.log(2))).toBeCloseTo(0.51, 12);
    expect(() => interventionRisk("MD", 0.3, 1)).toThrow(/RR, OR, HR or RD/);
  });
});

const fine: Rating = { concern: "not serious", reason: "" };
const grade = (over: Partial<Record<Domain, Rating>>) =>
  gradeCertainty({
    design: "randomised",
    ratings: {
      "risk of bias": fine,
      inconsistency: fine,
      indirectness: fine,
      imprecision: fine,
      "publication bias": fine,
      ...over,
    },
  });

function table() {
  const tb = analyse(bcg, { measure: "RR", model: "random" });
  const stay = analyse(normand, { measure: "MD", model: "random" });
  return summaryOfFindings([
    {
      outcome: "Tuberculosis",
      result: tb,
      studies: bcg,
      assumedRisk: 0.3,
      grade: grade({ inconsistency: { concern: "very serious", reason: "I² = 92 %" } }),
    },
    {
      outcome: "Length of stay, days",
      result: stay,
      studies: normand,
      grade: grade({ imprecision: { concern: "serious", reason: "CI includes no effect" } }),
      comment: "Stroke units",
    },
  ]);
}

describe("summaryOfFindings", () => {
  it("gives participants, certainty with footnotes, relative and absolute effects per 1,000 for a binary outcome", () => {
    const t = table();
    const [tb] = t.rows;
    const p = analyse(bcg, { measure: "RR", model: "random" }).pooled!;
    // Risk with vaccine = 300 × RR per 1,000; 357,347 participants in 13 trials (dat.bcg's arms).
    expect(tb!.participants).toBe("357,347 (13 RCTs)");
    expect(tb!.certainty).toBe("⊕⊕◯◯ Low");
    expect(tb!.relative).toBe("RR 0.49 (0.33 to 0.73)");
    expect(tb!.riskControl).toBe("300 per 1,000");
    const risk = (x: number) => Math.round(300 * Math.exp(x));
    expect(tb!.riskIntervention).toBe(`${risk(p.estimate)} per 1,000 (${risk(p.ciLower)} to ${risk(p.ciUpper)})`);
    expect(tb!.difference).toBe(
      `${300 - risk(p.estimate)} fewer per 1,000 (from ${300 - risk(p.ciLower)} fewer to ${300 - risk(p.ciUpper)} fewer)`,
    );
    expect(t.footnotes[0]).toEqual({ mark: "a", text: "Rated down two levels for inconsistency: I² = 92 %" });
    expect(tb!.marks).toEqual(["a"]);
  });

  it("gives the mean difference in words for a continuous outcome, with no absolute risks", () => {
    const [, stay] = table().rows;
    // metafor REML (Hartung–Knapp here): −15.11 [−36.32, 6.11].
    expect(stay!.difference).toBe("MD 15.11 lower (36.32 lower to 6.11 higher)");
    expect(stay!.relative).toBe("–");
    expect(stay!.riskControl).toBe("–");
    expect(stay!.certainty).toBe("⊕⊕⊕◯ Moderate");
  });

  it("writes the rows and footnotes as CSV and as an XLSX sheet", async () => {
    const t = table();
    const csv = sofCsv(t);
    expect(csv.startsWith(`\uFEFF${SOF_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(csv).toContain('Tuberculosis,"300 per 1,000",');
    expect(csv).toContain("⊕⊕◯◯ Low (a)");
    expect(csv).toContain("a. Rated down two levels for inconsistency: I² = 92 %");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await sofXlsx(t)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Summary of findings")!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...SOF_COLUMNS]);
    expect(sheet.getCell("A2").value).toBe("Tuberculosis");
    expect(sheet.getCell("D3").value).toBe("MD 15.11 lower (36.32 lower to 6.11 higher)");
    expect(sheet.getCell("A5").value).toBe("a. Rated down two levels for inconsistency: I² = 92 %");
  });

  it("asks for an assumed risk when the data cannot give one, and refuses single-group measures", () => {
    const hr: Study[] = [
      { label: "A", data: { kind: "generic", yi: -0.2, sei: 0.1 } },
      { label: "B", data: { kind: "generic", yi: -0.1, sei: 0.2 } },
    ];
    const result = analyse(hr, { measure: "HR", model: "fixed" });
    expect(() => summaryOfFindings([{ outcome: "Death", result, studies: hr, grade: grade({}) }])).toThrow(
      /assumed control risk/,
    );
    const row = summaryOfFindings([
      { outcome: "Death", result, studies: hr, grade: grade({}), assumedRisk: 0.4, participants: 420 },
    ]).rows[0]!;
    expect(row.participants).toBe("420 (2 RCTs)");
    expect(row.riskControl).toBe("400 per 1,000");
    const single: Study[] = [{ label: "A", data: { kind: "single-binary", events: 3, n: 20 } }];
    expect(() =>
      summaryOfFindings([
        {
          outcome: "x",
          result: analyse(single, { measure: "PLO", model: "fixed" }),
          studies: single,
          grade: grade({}),
        },
      ]),
    ).toThrow(/compares two groups/);
  });
});
