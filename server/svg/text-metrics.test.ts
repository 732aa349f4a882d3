import { describe, expect, it } from "vitest";
import { textWidth, wrapText } from "./text-metrics";

describe("textWidth", () => {
  it("adds Helvetica's advance widths, regular and bold", () => {
    // H 722 + e 556 + l 222 + l 222 + o 556 = 2278 units; bold: 722 + 556 + 278 + 278 + 611 = 2445.
    expect(textWidth("Hello", 10)).toBeCloseTo(22.78, 10);
    expect(textWidth("Hello", 10, true)).toBeCloseTo(24.45, 10);
    expect(textWidth("", 12)).toBe(0);
  });
  it("measures a no-break space as a space, the plots' symbols at their width, and anything unknown wide", () => {
    expect(textWidth("a\u00a0b", 10)).toBeCloseTo(textWidth("a b", 10), 10);
    expect(textWidth("× High risk", 10) - textWidth(" High risk", 10)).toBeCloseTo(5.84, 10);
    expect(textWidth("−", 10)).toBeCloseTo(5.84, 10);
    expect(textWidth("é", 10)).toBeCloseTo(6.67, 10);
    expect(textWidth("漢", 10)).toBe(10);
  });
  it("gives a wide capital more room than a narrow lower-case letter, as a character count would not", () => {
    expect(textWidth("WWWW", 12)).toBeGreaterThan(4 * textWidth("iiii", 12));
  });
});

describe("wrapText", () => {
  it("wraps greedily at spaces within the width", () => {
    const lines = wrapText("Records excluded by automation tools before screening", 120, 10);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("Records excluded by automation tools before screening");
    for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(120);
  });
  it("never breaks at a no-break space, and cuts a word longer than a line", () => {
    expect(wrapText("n\u00a0=\u00a012 records", 40, 10)[0]).toBe("n\u00a0=\u00a012");
    const cut = wrapText("Supercalifragilisticexpialidocious", 60, 10);
    expect(cut.join("")).toBe("Supercalifragilisticexpialidocious");
    for (const line of cut) expect(textWidth(line, 10)).toBeLessThanOrEqual(60);
  });
  it("gives one empty line for empty text", () => {
    expect(wrapText("   ", 100, 10)).toEqual([""]);
  });
});
