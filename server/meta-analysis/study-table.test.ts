import { describe, expect, it } from "vitest";
import { studiesFromCsv } from "./study-table";

describe("studiesFromCsv", () => {
  it("reads two arms' means, whatever the column order and case", () => {
    const studies = studiesFromCsv("Study,n1,m1,sd1,m2,sd2,n2\nA,20,5.5,1.2,6,1.1,21\n", "MD");
    expect(studies).toEqual([
      { label: "A", data: { kind: "continuous", m1: 5.5, sd1: 1.2, n1: 20, m2: 6, sd2: 1.1, n2: 21 } },
    ]);
  });

  it("reads a hazard ratio with its CI onto the log scale", () => {
    const [s] = studiesFromCsv("study,hr,ci_lower,ci_upper\nTrial,0.5,0.25,1\n", "HR");
    expect(s?.data).toEqual({ kind: "generic", yi: Math.log(0.5), sei: Math.log(4) / (2 * 1.959963984540054) });
  });

  it("reads log effects given as yi,sei", () => {
    const [s] = studiesFromCsv("study,yi,sei\nTrial,-0.3,0.1\n", "HR");
    expect(s?.data).toEqual({ kind: "generic", yi: -0.3, sei: 0.1 });
  });

  it("reads the sham value NMD normalises by, 0 when absent", () => {
    const csv = "study,m1,sd1,n1,m2,sd2,n2,m_sham\nA,30,8,10,40,10,10,\nB,70,12,8,40,12,8,100\n";
    expect(studiesFromCsv(csv, "NMD").map((s) => s.data.kind === "continuous" && s.data.mSham)).toEqual([0, 100]);
  });

  it.each([
    ["study,events1,n1,events2\nA,1,10,2\n", "RR", /no column n2; RR needs study,events1,n1,events2,n2/],
    [
      "study,events1,n1,events2,n2\nA,1,10,2,20\nB,1,1,2,20\n",
      "RR",
      /^line 3 \(B\): n1 is 1; a group needs a whole number above 1/,
    ],
    ["study,events1,n1,events2,n2\nA,11,10,2,20\n", "OR", /^line 2 \(A\): events1 \(11\) is more than n1 \(10\)/],
    [
      "study,m1,sd1,n1,m2,sd2,n2\nA,5,-1,10,6,1,10\n",
      "MD",
      /^line 2 \(A\): sd1 is -1; a standard deviation cannot be negative/,
    ],
    ["study,m1,sd1,n1,m2,sd2,n2\nA,5,x,10,6,1,10\n", "SMD", /^line 2 \(A\): sd1 is "x", not a number/],
    [
      "study,hr,ci_lower,ci_upper\nA,0.5,0.6,0.9\n",
      "HR",
      /^line 2 \(A\): the CI 0.6 to 0.9 does not contain the estimate 0.5/,
    ],
    ["study,events,n\nA,3,20\nA,4,21\n", "PLO", /^line 3 \(A\): a second row for the study "A"/],
    ["study,events,n\n,3,20\n", "PFT", /^line 2 \(no study name\): the study column is empty/],
    ["study,m1,sd1,n1,m2,sd2,n2\nA,0,1,10,6,1,10\n", "ROM", /both means above 0/],
    ["study,m,sd,n\n", "MN", /no studies in the file/],
  ] as const)("refuses bad input with one message naming the row: %s", (csv, measure, message) => {
    expect(() => studiesFromCsv(csv, measure)).toThrow(message);
  });
});
