import { describe, expect, it } from "vitest";
import { parseReportUrl } from "./report-url";

describe("full-text links", () => {
  it("accepts web addresses and normalises them", () => {
    expect(parseReportUrl("  https://doi.org/10.1002/ana.24488 ")).toBe("https://doi.org/10.1002/ana.24488");
    expect(parseReportUrl("http://Example.org")).toBe("http://example.org/");
    expect(parseReportUrl("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4994502/?report=pdf")).toContain("report=pdf");
  });

  it("refuses anything that is not an http(s) address, with a reason", () => {
    expect(() => parseReportUrl("")).toThrow(/Enter the address/);
    expect(() => parseReportUrl("doi.org/10.1/x")).toThrow(/not a web address/);
    expect(() => parseReportUrl("javascript:alert(1)")).toThrow(/Only web addresses/);
    expect(() => parseReportUrl("file:///etc/passwd")).toThrow(/Only web addresses/);
    expect(() => parseReportUrl("ftp://example.org/paper.pdf")).toThrow(/Only web addresses/);
    expect(() => parseReportUrl("https://user:secret@example.org/paper.pdf")).toThrow(/user name and password/);
    expect(() => parseReportUrl(`https://example.org/${"a".repeat(2001)}`)).toThrow(/too long/);
  });
});
