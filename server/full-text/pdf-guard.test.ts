import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { pdfGuard, startsAsPdf } from "./pdf-guard";

async function through(chunks: string[], max = 1000): Promise<string> {
  let out = "";
  await pipeline(
    Readable.from(chunks.map((c) => Buffer.from(c, "latin1"))),
    pdfGuard(max),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString("latin1");
        done();
      },
    }),
  );
  return out;
}

describe("PDF signature", () => {
  it("recognises %PDF- at the start only", () => {
    expect(startsAsPdf(Buffer.from("%PDF-1.7\n%âãÏÓ"))).toBe(true);
    expect(startsAsPdf(Buffer.from("%PDF"))).toBe(false);
    expect(startsAsPdf(Buffer.from(" %PDF-1.4"))).toBe(false);
    expect(startsAsPdf(Buffer.from("<html>%PDF-1.4"))).toBe(false);
    expect(startsAsPdf(new Uint8Array())).toBe(false);
  });

  it("passes a PDF through unchanged, even when its signature is split across chunks", async () => {
    expect(await through(["%P", "DF", "-1.5\nbody"])).toBe("%PDF-1.5\nbody");
  });

  it("refuses other content, whatever the file is called", async () => {
    await expect(through(["<!doctype html><title>Paywall</title>"])).rejects.toThrow(/not a PDF/);
    await expect(through(["%P", "NG"])).rejects.toThrow(/not a PDF/);
    await expect(through(["%PD"])).rejects.toThrow(/not a PDF/);
    await expect(through([])).rejects.toThrow("This file is empty.");
  });

  it("stops a file larger than the limit", async () => {
    await expect(through(["%PDF-1.4\n", "x".repeat(2000)], 1000)).rejects.toThrow(/larger than/);
    expect(await through(["%PDF-1.4\n", "x".repeat(100)], 109)).toHaveLength(109);
  });
});
