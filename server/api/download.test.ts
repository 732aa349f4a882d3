import contentDisposition from "content-disposition";
import { describe, expect, it } from "vitest";
import { disposition, download } from "./download";

describe("file names in Content-Disposition", () => {
  it("keeps a name in any script for browsers that read filename*, with an ASCII one for the rest", () => {
    const header = disposition("Müller 2016 – ALS.pdf");
    expect(header).toBe(
      `attachment; filename="Muller 2016 _ ALS.pdf"; filename*=UTF-8''M%C3%BCller%202016%20%E2%80%93%20ALS.pdf`,
    );
    expect(contentDisposition.parse(header)).toEqual({
      type: "attachment",
      parameters: { filename: "Müller 2016 – ALS.pdf" },
    });
    expect(contentDisposition.parse(disposition("研究 2020.csv")).parameters.filename).toBe("研究 2020.csv");
  });

  it("gives a plain name as it is", () => {
    expect(disposition("als-review_records_title-abstract_2026-01-31.ris")).toBe(
      `attachment; filename="als-review_records_title-abstract_2026-01-31.ris"`,
    );
    expect(disposition("Mazzini 2015.pdf", "inline")).toBe(`inline; filename="Mazzini 2015.pdf"`);
  });

  it("lets nothing in a name break out of the header or name a folder", () => {
    const header = disposition('a";\r\nSet-Cookie: x=1.csv');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment; filename="a__Set-Cookie: x=1\.csv"; filename\*=UTF-8''/);
    expect(contentDisposition.parse(header).parameters.filename).toBe('a";Set-Cookie: x=1.csv');
    expect(contentDisposition.parse(disposition("../reviews\\secret.csv")).parameters.filename).toBe(
      "..-reviews-secret.csv",
    );
    expect(disposition("")).toBe("attachment");
  });
});

describe("a download", () => {
  it("is saved under its name, never cached, with its size when known", async () => {
    const response = download("a,b\n", { contentType: "text/csv; charset=utf-8", fileName: "Étude.csv", byteSize: 4n });
    expect(Object.fromEntries(response.headers)).toEqual({
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="Etude.csv"; filename*=UTF-8''%C3%89tude.csv`,
      "content-length": "4",
      "cache-control": "no-store",
    });
    expect(await response.text()).toBe("a,b\n");
    expect(download("x", { contentType: "image/svg+xml", fileName: "rob2.svg" }).headers.has("content-length")).toBe(
      false,
    );
  });
});
