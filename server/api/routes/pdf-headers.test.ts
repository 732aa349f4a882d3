import { describe, expect, it } from "vitest";
import { inlineDisposition, pdfHeaders } from "./pdf-headers";

describe("PDF response headers", () => {
  it("names the file inline, with nothing that could break out of the header", () => {
    expect(inlineDisposition("Mazzini 2015.pdf")).toBe(`inline; filename="Mazzini 2015.pdf"`);
    const hostile = inlineDisposition('a";\r\nSet-Cookie: x=1.pdf');
    expect(hostile).not.toMatch(/[\r\n]/);
    expect(hostile).toMatch(/^inline; filename="a__Set-Cookie: x=1\.pdf"; filename\*=UTF-8''/);
    expect(inlineDisposition("Étude cellules souches")).toBe(
      `inline; filename="Etude cellules souches.pdf"; filename*=UTF-8''%C3%89tude%20cellules%20souches.pdf`,
    );
    expect(inlineDisposition(null)).toContain('filename="full-text.pdf"');
  });

  it("serves as a PDF that browsers must not sniff as anything else", () => {
    const headers = pdfHeaders("x.pdf", 1234);
    expect(headers.get("Content-Type")).toBe("application/pdf");
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Content-Length")).toBe("1234");
    expect(headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
  });
});
