import { describe, expect, it } from "vitest";
import {
  cohensKappa,
  contingencyTable,
  fleissCounts,
  fleissKappa,
  interpretKappa,
  percentAgreement,
} from "./agreement";

// SAS PROC FREQ example used by statsmodels' inter-rater tests: simple kappa 0.4842, weighted 0.4701.
const SAS_TABLE = [
  [0, 4, 1],
  [0, 8, 0],
  [0, 1, 5],
];

// Fleiss (1971), Table 1: 30 psychiatric patients, 6 diagnoses each, categories depression, personality
// disorder, schizophrenia, neurosis, other. Counts from JonasMoss/quadagree data_raw/fleiss1971.csv (scraped
// from the paper); they equal the per-rater `diagnoses` data of R's irr package (as copied in statsmodels'
// test_inter_rater.py) once aggregated, which the fleissCounts test below checks.
const FLEISS_1971 = [
  [0, 0, 0, 6, 0],
  [0, 3, 0, 0, 3],
  [0, 1, 4, 0, 1],
  [0, 0, 0, 0, 6],
  [0, 3, 0, 3, 0],
  [2, 0, 4, 0, 0],
  [0, 0, 4, 0, 2],
  [2, 0, 3, 1, 0],
  [2, 0, 0, 4, 0],
  [0, 0, 0, 0, 6],
  [1, 0, 0, 5, 0],
  [1, 1, 0, 4, 0],
  [0, 3, 3, 0, 0],
  [1, 0, 0, 5, 0],
  [0, 2, 0, 3, 1],
  [0, 0, 5, 0, 1],
  [3, 0, 0, 1, 2],
  [5, 1, 0, 0, 0],
  [0, 2, 0, 4, 0],
  [1, 0, 2, 0, 3],
  [0, 0, 0, 0, 6],
  [0, 1, 0, 5, 0],
  [0, 2, 0, 1, 3],
  [2, 0, 0, 4, 0],
  [1, 0, 0, 4, 1],
  [0, 5, 0, 1, 0],
  [4, 0, 0, 0, 2],
  [0, 2, 0, 4, 0],
  [1, 0, 5, 0, 0],
  [0, 0, 0, 0, 6],
];
const IRR_DIAGNOSES = [
  "444444",
  "222555",
  "233335",
  "555555",
  "222444",
  "113333",
  "333355",
  "113334",
  "114444",
  "555555",
  "144444",
  "124444",
  "222333",
  "144444",
  "224445",
  "333335",
  "111455",
  "111112",
  "224444",
  "133555",
  "555555",
  "244444",
  "224555",
  "114444",
  "144445",
  "222224",
  "111155",
  "224444",
  "133333",
  "555555",
];

describe("cohensKappa", () => {
  it("reproduces the published vectors", () => {
    expect(
      cohensKappa([
        [20, 20],
        [10, 50],
      ]),
    ).toBeCloseTo(0.348, 3);
    expect(cohensKappa(SAS_TABLE)).toBeCloseTo(0.4842, 4);
    expect(cohensKappa(SAS_TABLE, "linear")).toBeCloseTo(0.4701, 4);
  });

  it("matches the hand-computed quadratic weighted kappa", () => {
    // Rows r = [5, 8, 6], columns c = [0, 13, 6], n = 19. Kappa ignores the weights' scale, so use (i − j)²:
    // observed Σ w·t = 1·4 + 4·1 + 1·1 = 9; expected Σ w·r_i·c_j = 1·5·13 + 4·5·6 + 1·8·6 + 1·6·13 = 311
    // (column 0 is empty). κ = 1 − n·9 / 311 = 1 − 171/311 = 140/311 ≈ 0.450161.
    expect(cohensKappa(SAS_TABLE, "quadratic")).toBeCloseTo(140 / 311, 12);
  });

  it("treats an explicit weight matrix as disagreement weights", () => {
    expect(
      cohensKappa(SAS_TABLE, [
        [0, 1, 2],
        [1, 0, 1],
        [2, 1, 0],
      ]),
    ).toBeCloseTo(0.4701, 4);
    expect(
      cohensKappa(SAS_TABLE, [
        [0, 1, 1],
        [1, 0, 1],
        [1, 1, 0],
      ]),
    ).toBeCloseTo(cohensKappa(SAS_TABLE)!, 12);
    expect(() =>
      cohensKappa(SAS_TABLE, [
        [1, 1, 1],
        [1, 0, 1],
        [1, 1, 0],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      cohensKappa(SAS_TABLE, [
        [0, 1],
        [1, 0],
      ]),
    ).toThrow(RangeError);
  });

  it("is 1 for perfect agreement and can go below 0", () => {
    expect(
      cohensKappa([
        [5, 0],
        [0, 7],
      ]),
    ).toBe(1);
    expect(
      cohensKappa(
        [
          [5, 0, 0],
          [0, 7, 0],
          [0, 0, 2],
        ],
        "quadratic",
      ),
    ).toBe(1);
    expect(
      cohensKappa([
        [0, 5],
        [5, 0],
      ]),
    ).toBe(-1);
  });

  it("returns null when kappa is not computable", () => {
    expect(cohensKappa([])).toBeNull();
    expect(
      cohensKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
    // Both reviewers always chose the same single category: chance agreement is already 1.
    expect(
      cohensKappa([
        [12, 0],
        [0, 0],
      ]),
    ).toBeNull();
    expect(
      cohensKappa(
        [
          [0, 0, 0],
          [0, 12, 0],
          [0, 0, 0],
        ],
        "linear",
      ),
    ).toBeNull();
    expect(cohensKappa([[12]])).toBeNull();
  });

  it("rejects tables that are not square or hold invalid counts", () => {
    expect(() => cohensKappa([[1, 2], [3]])).toThrow(RangeError);
    expect(() =>
      cohensKappa([
        [1, -1],
        [0, 2],
      ]),
    ).toThrow(RangeError);
  });
});

describe("percentAgreement", () => {
  it("is the diagonal share, null when empty", () => {
    expect(
      percentAgreement([
        [20, 20],
        [10, 50],
      ]),
    ).toBeCloseTo(0.7, 12);
    expect(percentAgreement(SAS_TABLE)).toBeCloseTo(13 / 19, 12);
    expect(
      percentAgreement([
        [12, 0],
        [0, 0],
      ]),
    ).toBe(1);
    expect(
      percentAgreement([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
  });
});

describe("fleissKappa", () => {
  it("reproduces Fleiss (1971): 0.4302", () => {
    expect(fleissKappa(FLEISS_1971)).toBeCloseTo(0.4302, 4);
    expect(fleissKappa(FLEISS_1971)).toBeCloseTo(0.4302445, 7); // R irr::kappam.fleiss(diagnoses)
  });

  it("reproduces the Wikipedia example (10 subjects × 14 raters): 0.210", () => {
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(table)).toBeCloseTo(0.21, 3);
  });

  it("is 1 for unanimous subjects spread over categories, null when not computable", () => {
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
        [3, 0],
      ]),
    ).toBe(1);
    expect(fleissKappa([])).toBeNull();
    expect(
      fleissKappa([
        [0, 4, 0],
        [0, 4, 0],
      ]),
    ).toBeNull();
  });

  it("rejects unequal rater counts, fewer than two raters and ragged rows", () => {
    expect(() =>
      fleissKappa([
        [3, 0],
        [2, 0],
      ]),
    ).toThrow(/same number of raters.*subject 2 has 2/);
    expect(() =>
      fleissKappa([
        [1, 0],
        [0, 1],
      ]),
    ).toThrow(/at least 2 raters/);
    expect(() =>
      fleissKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toThrow(RangeError);
    expect(() => fleissKappa([[2, 0], [2]])).toThrow(RangeError);
    expect(() => fleissKappa([[1.5, 0.5]])).toThrow(RangeError);
  });
});

describe("input builders", () => {
  it("contingencyTable counts (rater 1, rater 2) pairs in category order", () => {
    const pairs: [string, string][] = [
      ["include", "include"],
      ["include", "exclude"],
      ["exclude", "exclude"],
      ["exclude", "exclude"],
    ];
    expect(contingencyTable(pairs, ["include", "exclude"])).toEqual([
      [1, 1],
      [0, 2],
    ]);
    expect(contingencyTable([], ["include", "exclude"])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(() => contingencyTable([["include", "maybe"]], ["include", "exclude"])).toThrow(/Unknown category "maybe"/);
    expect(() => contingencyTable([], ["include", "include"])).toThrow(RangeError);
  });

  it("fleissCounts aggregates the irr per-rater diagnoses into the Fleiss (1971) table", () => {
    const ratings = IRR_DIAGNOSES.map((row) => row.split(""));
    expect(fleissCounts(ratings, ["1", "2", "3", "4", "5"])).toEqual(FLEISS_1971);
    expect(() => fleissCounts([["1", "6"]], ["1", "2", "3", "4", "5"])).toThrow(RangeError);
  });
});

describe("interpretKappa", () => {
  it("uses the Landis & Koch bands", () => {
    expect(interpretKappa(null)).toBe("not computable");
    expect(interpretKappa(-0.1)).toBe("poor");
    expect(interpretKappa(0)).toBe("slight");
    expect(interpretKappa(0.2)).toBe("slight");
    expect(interpretKappa(0.1 + 0.1)).toBe("slight");
    expect(interpretKappa(0.21)).toBe("fair");
    expect(interpretKappa(0.348)).toBe("fair");
    expect(interpretKappa(0.4302)).toBe("moderate");
    expect(interpretKappa(0.61)).toBe("substantial");
    expect(interpretKappa(0.8)).toBe("substantial");
    expect(interpretKappa(0.81)).toBe("almost perfect");
    expect(interpretKappa(1)).toBe("almost perfect");
  });
});
