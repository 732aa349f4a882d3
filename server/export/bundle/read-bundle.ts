// Reads a bundle's lines back, refusing anything that is not a complete bundle this Sift can restore.
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleHeader, type BundleLine } from "./bundle-format";
import { BundleDamagedError } from "./remap";

export class BundleTooNewError extends Error {}

/** Every line in order; throws BundleDamagedError on anything unreadable, including a missing trailer. */
export async function* bundleLines(input: Readable): AsyncGenerator<BundleLine> {
  const gunzip = createGunzip();
  input.on("error", (err) => gunzip.destroy(err));
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  let n = 0;
  let ended = false;
  try {
    for await (const text of lines) {
      n++;
      if (!text) continue;
      if (ended) throw new BundleDamagedError(`line ${n} follows the end of the bundle`);
      let line: BundleLine;
      try {
        line = JSON.parse(text) as BundleLine;
      } catch {
        throw new BundleDamagedError(`line ${n} is not valid JSON`);
      }
      if (n === 1 && (line as BundleHeader).format !== BUNDLE_FORMAT) {
        throw new BundleDamagedError("this file is not a Sift review bundle");
      }
      if (line.kind === "end") ended = true;
      yield line;
    }
  } catch (err) {
    if (err instanceof BundleDamagedError) throw err;
    throw new BundleDamagedError(`the file cannot be read (${(err as Error).message})`);
  }
  if (n === 0) throw new BundleDamagedError("the file is empty");
  if (!ended) throw new BundleDamagedError("the file ends before the bundle does (it was cut off)");
}

/** Refuses a bundle this Sift cannot read: a newer bundle layout, or a schema with migrations unknown here. */
export function checkCompatible(header: BundleHeader, applied: string[]): void {
  if (header.version > BUNDLE_VERSION) {
    throw new BundleTooNewError(
      `this bundle has format version ${header.version}, newer than this Sift reads (${BUNDLE_VERSION}); upgrade Sift to restore it`,
    );
  }
  const known = new Set(applied);
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new BundleTooNewError(
      `this bundle comes from a newer Sift (version ${header.sift}, database changes this one lacks: ${unknown.join(", ")}); upgrade Sift to restore it`,
    );
  }
}
