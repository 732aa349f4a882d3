// Both back ends behave alike: the local folder, and S3 (against s3rver, an S3 emulator on loopback).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkKey, safeFileName, type FileStorage } from "./file-storage";
import { localStorage } from "./local-storage";
import { s3Storage } from "./s3-storage";

const dir = mkdtempSync(path.join(tmpdir(), "sift-storage-"));
let s3server: S3rver;
let s3: FileStorage;

beforeAll(async () => {
  s3server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: path.join(dir, "s3"), configureBuckets: [{ name: "sift-test", configs: [] }] });
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
  for (const k of ["S3_BUCKET", "S3_ENDPOINT", "S3_FORCE_PATH_STYLE", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]) delete process.env[k];
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
    expect(await storage.put(key, Readable.from([Buffer.from(content)]))).toEqual({ bytes: Buffer.byteLength(content) });
    expect(await text(await storage.get(key))).toBe(content);
    await storage.put(key, Readable.from([Buffer.from("second")]));
    expect(await text(await storage.get(key))).toBe("second");
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toThrow();
  });
});

describe("storage keys", () => {
  it("refuses keys that could leave the storage root", () => {
    for (const bad of ["../etc/passwd", "a/../../b", "/abs", "a//b", "a/./b", ""]) expect(() => checkKey(bad)).toThrow();
    expect(checkKey("reviews/x/imports/y/file.ris")).toBe("reviews/x/imports/y/file.ris");
    expect(safeFileName("../../Export (Embase) 2024.ris")).toBe("Export_Embase_2024.ris");
  });
});
