import { describe, expect, it } from "vitest";
import { FILLABLE_FIELDS, type FillableRecord, isEmptyValue, planFills, stillFilled } from "./fill-plan";

function record(id: string, fields: Partial<FillableRecord> = {}): FillableRecord {
  const empty = Object.fromEntries(FILLABLE_FIELDS.map((f) => [f, null])) as Omit<FillableRecord, "id">;
  return { ...empty, abstract: "", authors: [], keywords: [], ...fields, id };
}

describe("planFills", () => {
  it("fills each empty field from the first donor that has it, and nothing the kept record has", () => {
    const kept = record("k", { doi: "10.1/k", journal: "BMJ" });
    const best = record("d1", { abstract: "Background", doi: "10.1/other", volume: "12" });
    const next = record("d2", { abstract: "Another abstract", pages: "1-9", keywords: ["ALS"], year: 2020 });
    expect(planFills(kept, [best, next])).toEqual([
      { field: "abstract", donorId: "d1", value: "Background" },
      { field: "year", donorId: "d2", value: 2020 },
      { field: "volume", donorId: "d1", value: "12" },
      { field: "pages", donorId: "d2", value: "1-9" },
      { field: "keywords", donorId: "d2", value: ["ALS"] },
    ]);
  });

  it("treats blank text and empty lists as empty, and never takes a value from the kept record itself", () => {
    const kept = record("k", { abstract: "  ", url: "" });
    expect(planFills(kept, [kept, record("d", { authors: [""], url: "https://x" })])).toEqual([
      { field: "url", donorId: "d", value: "https://x" },
    ]);
  });

  it("plans nothing when the donors have nothing more", () => {
    expect(planFills(record("k", { abstract: "A" }), [record("d")])).toEqual([]);
  });
});

describe("isEmptyValue and stillFilled", () => {
  it("tell empty values and unchanged fills", () => {
    expect([null, "", " ", [], [" "]].every(isEmptyValue)).toBe(true);
    expect([0, "x", ["x"]].some(isEmptyValue)).toBe(false);
    expect(stillFilled(["a", "b"], ["a", "b"])).toBe(true);
    expect(stillFilled("edited", "filled")).toBe(false);
    expect(stillFilled(2020, 2020)).toBe(true);
  });
});
