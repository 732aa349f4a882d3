import { describe, expect, it } from "vitest";
import { safeCell } from "./safe-cell";

describe("safeCell", () => {
  it("neutralises text a spreadsheet would read as a formula", () => {
    for (const text of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=1", "\r=1"]) expect(safeCell(text)).toBe(`'${text}`);
  });

  it("leaves ordinary text alone", () => {
    for (const text of ["NurOwn", "", "1 = 1", "a-b", "'quoted"]) expect(safeCell(text)).toBe(text);
  });
});
