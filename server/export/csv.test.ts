import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvField, csvRow } from "./csv";

describe("csv", () => {
  it("quotes only when needed and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField(null)).toBe("");
    expect(csvField(3)).toBe("3");
    expect(csvField(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05.000Z");
  });

  it("neutralises formulas inside quoted fields too", () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-1)).toBe("-1");
  });

  it("reads back through a real CSV parser as the same cells", () => {
    const cells = ['He said "no", then left', "multi\r\nline", "", "naïve — ü", "x"];
    const [row] = parse(csvRow(cells), { relax_column_count: false }) as string[][];
    expect(row).toEqual(cells);
  });
});
