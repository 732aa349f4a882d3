import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FileSections, restoredKey } from "./restore-files";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("restoredKey", () => {
  const ids = new Map([
    ["rv1", "RV2"],
    ["rp1", "RP2"],
  ]);

  it("renames every id in the key, keeping the file's name", () => {
    expect(restoredKey("reviews/rv1/reports/rp1/u-1/Petrou_2016.pdf", ids, "RV2")).toBe(
      "reviews/RV2/reports/RP2/u-1/Petrou_2016.pdf",
    );
  });

  it("gives a key holding no id a fresh folder of the new review", () => {
    expect(restoredKey("legacy/file.pdf", ids, "RV2")).toMatch(/^reviews\/RV2\/restored\/[0-9a-f-]{36}\/file\.pdf$/);
  });
});

describe("FileSections", () => {
  const bytes = Buffer.from("%PDF-1.7 hello");

  it("accepts a file whose pieces add up to its size and checksum", () => {
    const files = new FileSections();
    files.start("a/b.pdf");
    const back = Buffer.concat([
      files.chunk(bytes.subarray(0, 5).toString("base64")),
      files.chunk(bytes.subarray(5).toString("base64")),
    ]);
    files.end({ key: "a/b.pdf", bytes: bytes.length, sha256: sha(bytes) });
    files.finish();
    expect(back).toEqual(bytes);
    expect([...files.keys]).toEqual(["a/b.pdf"]);
  });

  it("refuses changed bytes, malformed or stray pieces, unsafe, repeated and unfinished files", () => {
    const changed = new FileSections();
    changed.start("a/b.pdf");
    changed.chunk(Buffer.from("%PDF-1.7 jello").toString("base64"));
    expect(() => changed.end({ key: "a/b.pdf", bytes: bytes.length, sha256: sha(bytes) })).toThrow(/damaged/);

    const files = new FileSections();
    expect(() => files.chunk("AAAA")).toThrow(/outside any file/);
    expect(() => files.start("../etc/passwd")).toThrow(/unsafe key/);
    files.start("a/b.pdf");
    expect(() => files.chunk("not base64!")).toThrow(/not valid base64/);
    expect(() => files.start("a/c.pdf")).toThrow(/has no end/);
    expect(() => files.finish()).toThrow(/has no end/);
    files.end({ key: "a/b.pdf", bytes: 0, sha256: sha(Buffer.alloc(0)) });
    expect(() => files.start("a/b.pdf")).toThrow(/repeated key/);
  });
});
