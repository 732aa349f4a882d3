import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { NOT_BIBLIOGRAPHIC, parseFile } from "./parse-file";
import { type Format, NotBibliographicError, type ParsedRecord } from "./types";

async function* inPieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(input: Parameters<typeof parseFile>[0], options?: { format?: Format; fileName?: string }) {
  const { format, events } = await parseFile(input, options);
  const records: ParsedRecord[] = [];
  for await (const event of events) if (event.kind === "record") records.push(event.record);
  return { format, records };
}

const risRecord = (title: string) => `TY  - JOUR\r\nTI  - ${title}\r\nAU  - Müller, Jürgen\r\nER  - \r\n\r\n`;

describe("parseFile", () => {
  it("detects the format and replays the head to the parser, across the 64 KB boundary and split characters", async () => {
    const titles = Array.from({ length: 2000 }, (_, i) => `Étude numéro ${i} — ünïcödé`);
    const bytes = Buffer.from(titles.map(risRecord).join(""), "utf8");
    expect(bytes.length).toBeGreaterThan(128 * 1024);
    for (const size of [1000, 4099, bytes.length]) {
      const { format, records } = await readAll(inPieces(bytes, size));
      expect(format).toBe("ris");
      expect(records.map((r) => r.title)).toEqual(titles);
      expect(records.every((r) => r.authors[0] === "Müller, Jürgen")).toBe(true);
    }
  });

  it("reads Node streams and string chunks", async () => {
    const text = risRecord("From a stream");
    expect((await readAll(Readable.from([Buffer.from(text)]))).records[0]!.title).toBe("From a stream");
    expect((await readAll(Readable.from([text.slice(0, 5), text.slice(5)]))).records[0]!.title).toBe("From a stream");
  });

  it("strips a UTF-8 byte-order mark and decodes UTF-16 with one", async () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(risRecord("Avec BOM"))]);
    expect((await readAll(inPieces(utf8, 2))).records[0]!.raw.TY).toBe("JOUR");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(risRecord("Sixteen bits"), "utf16le")]);
    const { format, records } = await readAll(inPieces(utf16, 3));
    expect(format).toBe("ris");
    expect(records[0]!.title).toBe("Sixteen bits");
  });

  it("falls back to windows-1252 when the head is not UTF-8", async () => {
    const bytes = Buffer.from("TY  - JOUR\nTI  - Caf\xe9 \x93quoted\x94\nER  - \n", "latin1");
    expect((await readAll(inPieces(bytes, 7))).records[0]!.title).toBe("Café “quoted”");
  });

  it("takes the user's format over detection", async () => {
    const { format, records } = await readAll(inPieces(Buffer.from("TI  - No PMID line\nAU  - Smith J\n"), 10), {
      format: "medline",
    });
    expect(format).toBe("medline");
    expect(records.map((r) => r.title)).toEqual(["No PMID line"]);
  });

  it("drops NUL characters, which PostgreSQL cannot store", async () => {
    const { records } = await readAll(inPieces(Buffer.from("TY  - JOUR\nTI  - A\u0000B\nER  - \n"), 100), {
      format: "ris",
    });
    expect(records[0]!.title).toBe("AB");
    expect(JSON.stringify(records[0]!.raw)).not.toContain("\\u0000");
  });

  it.each([
    ["an empty file", Buffer.alloc(0)],
    ["a PNG", Buffer.from("89504e470d0a1a0a0000000d4948445200000001", "hex")],
    ["prose", Buffer.from("Minutes of the meeting, with title and authors to follow.\n")],
  ])("rejects %s with one clear sentence", async (_what, bytes) => {
    const attempt = parseFile(inPieces(bytes, 100), { fileName: "export.ris" });
    await expect(attempt).rejects.toThrow(NotBibliographicError);
    await expect(attempt).rejects.toThrow(NOT_BIBLIOGRAPHIC);
  });

  it("releases the file when the reader stops early or detection fails", async () => {
    const many = Buffer.from(Array.from({ length: 5000 }, (_, i) => risRecord(`R${i}`)).join(""));
    const stream = Readable.from(inPieces(many, 1024));
    const { events } = await parseFile(stream);
    for await (const event of events) if (event.kind === "record") break;
    expect(stream.destroyed).toBe(true);

    const junk = Readable.from(inPieces(Buffer.alloc(200_000, "a"), 1024));
    await expect(parseFile(junk)).rejects.toThrow(NotBibliographicError);
    expect(junk.destroyed).toBe(true);
  });
});
