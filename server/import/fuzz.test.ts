// Damaged and hostile files must end in records or a NotBibliographicError, never a crash or a hang: an import
// that throws anything else is retried by the job queue, forever. Seeded, so a failure replays exactly.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectedExports, exportPath, haveFixtures, MISSING_FIXTURES } from "./fixture-files";
import { parseFile } from "./parse-file";
import { FORMATS, type Format, NotBibliographicError } from "./types";

if (!haveFixtures) console.warn(MISSING_FIXTURES);

/** Damage within the first 64 KB of each export: the detection head, many records of every format, quick on the big files. */
const FUZZ_BYTES = 64 * 1024;
const VARIANTS = 20;

/** mulberry32: small, fast and good enough to pick offsets. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** Bytes that mean something to some format: line breaks, quotes, braces, tags, NUL, broken UTF-8. */
const SHARP_BYTES = Buffer.from('\r\n\0"{}<>/;,\t- @=[]\\\xff\xc3\xe2', "latin1");

function damage(bytes: Buffer, next: () => number): Buffer {
  let out = bytes;
  const edits = 1 + Math.floor(next() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (out.length + 1));
    const kind = Math.floor(next() * 4);
    const byte = () =>
      next() < 0.5 ? SHARP_BYTES[Math.floor(next() * SHARP_BYTES.length)]! : Math.floor(next() * 256);
    if (kind === 0 && at < out.length) {
      out = Buffer.from(out);
      out[at] = out[at]! ^ (1 << Math.floor(next() * 8));
    } else if (kind === 1) {
      const inserted = Buffer.from(Array.from({ length: 1 + Math.floor(next() * 16) }, byte));
      out = Buffer.concat([out.subarray(0, at), inserted, out.subarray(at)]);
    } else if (kind === 2) {
      out = Buffer.concat([out.subarray(0, at), out.subarray(at + 1 + Math.floor(next() * 64))]);
    } else if (at < out.length) {
      out = Buffer.from(out);
      out[at] = byte();
    }
  }
  return out;
}

async function* inPieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Reads the bytes to the end; returns the number of records, or -1 when they were refused as not bibliographic. */
async function survive(bytes: Buffer, chunkSize: number, format?: Format): Promise<number> {
  let records = 0;
  try {
    const { events } = await parseFile(inPieces(bytes, chunkSize), { format });
    for await (const event of events) {
      if (event.kind !== "record") continue;
      if (typeof event.record.title !== "string" || !Array.isArray(event.record.authors)) {
        throw new Error(`record at line ${event.line} has no string title or author list`);
      }
      records++;
    }
  } catch (err) {
    if (err instanceof NotBibliographicError) return -1;
    throw err;
  }
  return records;
}

describe.skipIf(!haveFixtures)("damaged real exports", () => {
  for (const row of expectedExports()) {
    it(`${row.path} survives ${VARIANTS} truncations and ${VARIANTS} damaged copies`, async () => {
      const whole = readFileSync(exportPath(row.path)).subarray(0, FUZZ_BYTES);
      const next = random(seedOf(row.path));
      const chunkSize = () => 1 + Math.floor(next() ** 3 * 16384);
      for (let i = 0; i < VARIANTS; i++) {
        const cut = whole.subarray(0, Math.floor(next() * whole.length));
        // Half are read as the user's choice of format, so the parser meets the damage even when detection would refuse it.
        await survive(cut, chunkSize(), i % 2 ? row.format : undefined);
      }
      for (let i = 0; i < VARIANTS; i++) {
        await survive(damage(whole, next), chunkSize(), i % 2 ? row.format : undefined);
      }
    });
  }
});

describe("hostile input", () => {
  const MB = 1024 * 1024;
  const junk = Buffer.from(Array.from({ length: 256 * 1024 }, random(42)).map((x) => Math.floor(x * 256)));
  const cases: [string, Buffer][] = [
    ["an empty file", Buffer.alloc(0)],
    ["a bare TY line", Buffer.from("TY  -")],
    ["a record that never ends", Buffer.from(`TY  - JOUR\nTI  - ${"a".repeat(MB)}`)],
    ["1 MB of 'a'", Buffer.alloc(MB, "a")],
    ["1 MB of line breaks", Buffer.alloc(MB, "\r")],
    ["binary junk", junk],
    ["deeply nested braces", Buffer.from(`@article{key, title = ${"{".repeat(100_000)}x${"}".repeat(100_000)}}`)],
    ["unclosed braces", Buffer.from(`@article{key, title = ${"{".repeat(200_000)}`)],
    ["deeply nested JSON", Buffer.from(`{"studies":[${"[".repeat(100_000)}`)],
    ["deeply nested XML", Buffer.from(`<xml><records><record><ref-type>0</ref-type>${"<a>".repeat(50_000)}`)],
    ["an unclosed CSV quote", Buffer.from(`title,abstract\n"${"a,".repeat(MB / 2)}`)],
  ];

  it.each(cases)("%s: detection and every parser finish", async (_what, bytes) => {
    expect(await survive(bytes, 65536)).toBeGreaterThanOrEqual(-1);
    for (const format of FORMATS) expect(await survive(bytes, 65536, format)).toBeGreaterThanOrEqual(-1);
  });
});
