// Both back ends behave alike: the local folder, and S3 (against s3rver, an S3 emulator on loopback).
import { mkdtempSync, rmSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline, Readable } from "node:stream";
import { text } from "node:stream/consumers";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfGuard } from "../full-text/pdf-guard";
import { checkKey, type FileStorage, safeFileName } from "./file-storage";
import { localStorage } from "./local-storage";
import { s3Storage } from "./s3-storage";

const dir = mkdtempSync(path.join(tmpdir(), "sift-storage-"));
let s3server: S3rver;
let s3: FileStorage;

beforeAll(async () => {
  s3server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: path.join(dir, "s3"),
    configureBuckets: [{ name: "sift-test", configs: [] }],
  });
  const { port } = (await s3server.run()) as { port: number };
  Object.assign(process.env, {
    S3_BUCKET: "sift-test",
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_FORCE_PATH_STYLE: "1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  });
  s3 = s3Storage();
});

afterAll(async () => {
  await s3server?.close();
  for (const k of ["S3_BUCKET", "S3_ENDPOINT", "S3_FORCE_PATH_STYLE", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"])
    delete process.env[k];
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ["local folder", () => localStorage(path.join(dir, "local"))],
  ["S3", () => s3],
])("file storage: %s", (_name, make) => {
  it("stores, reads back byte for byte, replaces and deletes", async () => {
    const storage = make();
    const content = "TY  - JOUR\nTI  - Cellules souches mésenchymateuses — α\nER  - \n".repeat(2000);
    const key = `reviews/r1/imports/i1/${safeFileName("search (PubMed).ris")}`;
    expect(await storage.put(key, Readable.from([Buffer.from(content)]))).toEqual({
      bytes: Buffer.byteLength(content),
    });
    expect(await text(await storage.get(key))).toBe(content);
    await storage.put(key, Readable.from([Buffer.from("second")]));
    expect(await text(await storage.get(key))).toBe("second");
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toThrow();
  });
});

describe("local folder: no empty folders left behind", () => {
  const root = path.join(dir, "folders");
  const listing = async () =>
    (await readdir(root, { recursive: true, withFileTypes: true }))
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
      .sort();

  it("a refused store (an oversized full text) leaves the folder as it was", async () => {
    const storage = localStorage(root);
    await storage.put("reviews/r1/reports/p1/a/kept.pdf", Readable.from([Buffer.from("%PDF-1.4 kept")]));
    const before = await listing();
    const oversized = pipeline(Readable.from([Buffer.from("%PDF-1.4 "), Buffer.alloc(4096)]), pdfGuard(1024), () => {});
    await expect(storage.put("reviews/r2/reports/p2/b/big.pdf", oversized)).rejects.toThrow(/larger than/);
    const alsoRefused = pipeline(
      Readable.from([Buffer.from("%PDF-1.4 "), Buffer.alloc(4096)]),
      pdfGuard(1024),
      () => {},
    );
    await expect(storage.put("reviews/r1/reports/p1/c/big.pdf", alsoRefused)).rejects.toThrow(/larger than/);
    expect(await listing()).toEqual(before);
  });

  it("deleting a file removes the folders it leaves empty, and only those", async () => {
    const storage = localStorage(root);
    await storage.put("reviews/r3/imports/i1/one.ris", Readable.from([Buffer.from("one")]));
    await storage.put("reviews/r3/imports/i2/two.ris", Readable.from([Buffer.from("two")]));
    await storage.delete("reviews/r3/imports/i1/one.ris");
    expect((await listing()).filter((e) => e.startsWith(path.join("reviews", "r3")))).toEqual(
      ["reviews/r3", "reviews/r3/imports", "reviews/r3/imports/i2", "reviews/r3/imports/i2/two.ris"].map((p) =>
        path.join(...p.split("/")),
      ),
    );
    await storage.delete("reviews/r3/imports/i2/two.ris");
    expect((await listing()).filter((e) => e.startsWith(path.join("reviews", "r3")))).toEqual([]);
    expect(await readdir(root)).toEqual(["reviews"]); // the root itself and others' folders stay
  });
});

describe("storage keys", () => {
  it("refuses keys that could leave the storage root", () => {
    for (const bad of ["../etc/passwd", "a/../../b", "/abs", "a//b", "a/./b", ""])
      expect(() => checkKey(bad)).toThrow();
    expect(checkKey("reviews/x/imports/y/file.ris")).toBe("reviews/x/imports/y/file.ris");
    expect(safeFileName("../../Export (Embase) 2024.ris")).toBe("Export_Embase_2024.ris");
  });
});
