import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { siftHome } from "../config/paths";
import { checkKey, type FileStorage } from "./storage-keys";

/**
 * Removes `dir` and the folders above it that it leaves empty, up to (not including) `root`: every file has a
 * folder of its own (reviews/<id>/imports/<id>/), so a refused or deleted file would otherwise leave its folders
 * behind. A folder another file is being written into is never empty, so it stays.
 */
async function removeEmptyFolders(root: string, dir: string): Promise<void> {
  for (let at = dir; at.startsWith(root + path.sep); at = path.dirname(at)) {
    try {
      await rmdir(at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") return; // not empty (or not ours to remove): stop here
    }
  }
}

export function localStorage(root = process.env.SIFT_STORAGE_DIR ?? path.join(siftHome(), "files")): FileStorage {
  root = path.resolve(root);
  const fileFor = (key: string) => path.join(root, ...checkKey(key).split("/"));
  return {
    async put(key, body) {
      const target = fileFor(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Written beside the target and renamed, so a reader never sees half a file.
      const partial = `${target}.${randomBytes(4).toString("hex")}.partial`;
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      const out = createWriteStream(partial);
      try {
        await pipeline(body, counter, out);
        await rename(partial, target);
      } catch (err) {
        // A stream that fails early (a refused upload) may still be opening its file: removing it before the
        // stream closes would leave the partial file behind.
        if (!out.closed) await new Promise<void>((resolve) => out.once("close", () => resolve()));
        await rm(partial, { force: true });
        await removeEmptyFolders(root, path.dirname(target));
        throw err;
      }
      return { bytes };
    },
    async get(key): Promise<Readable> {
      const stream = createReadStream(fileFor(key));
      await new Promise<void>((resolve, reject) => stream.once("open", () => resolve()).once("error", reject));
      return stream;
    },
    async delete(key) {
      const file = fileFor(key);
      await rm(file, { force: true });
      await removeEmptyFolders(root, path.dirname(file));
    },
  };
}
