// The restoring side of a bundle's files: each file's pieces checked against its size and SHA-256, a new storage
// key for it (so a copy restored beside its original never shares or overwrites the original's files), and the
// writing into storage, undone in full when the restore fails.
import { createHash, type Hash, randomUUID } from "node:crypto";
import { PassThrough } from "node:stream";
import { checkKey, type FileStorage, StorageKeyError } from "../../storage/file-storage";
import { BundleDamagedError } from "./remap";

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Follows the file lines in order, refusing a piece out of place, a malformed one, or a file whose bytes differ. */
export class FileSections {
  private open: { key: string; hash: Hash; bytes: number } | null = null;
  readonly keys = new Set<string>();

  start(key: unknown): string {
    if (this.open) throw new BundleDamagedError(`the file ${this.open.key} has no end`);
    if (typeof key !== "string" || this.keys.has(key))
      throw new BundleDamagedError("a file in the bundle has a missing or repeated key");
    try {
      checkKey(key);
    } catch (err) {
      if (err instanceof StorageKeyError)
        throw new BundleDamagedError(`the bundle names a file with an unsafe key: ${key}`);
      throw err;
    }
    this.keys.add(key);
    this.open = { key, hash: createHash("sha256"), bytes: 0 };
    return key;
  }

  chunk(data: unknown): Buffer {
    if (!this.open) throw new BundleDamagedError("a piece of a file stands outside any file");
    if (typeof data !== "string" || !BASE64.test(data))
      throw new BundleDamagedError(`a piece of the file ${this.open.key} is not valid base64`);
    const bytes = Buffer.from(data, "base64");
    this.open.hash.update(bytes);
    this.open.bytes += bytes.length;
    return bytes;
  }

  end(line: { key: unknown; bytes: unknown; sha256: unknown }): void {
    const open = this.open;
    if (!open || line.key !== open.key) throw new BundleDamagedError("a file ends that was not begun");
    this.open = null;
    if (line.bytes !== open.bytes || line.sha256 !== open.hash.digest("hex")) {
      throw new BundleDamagedError(`the file ${open.key} is damaged: its bytes do not match its size and checksum`);
    }
  }

  finish(): void {
    if (this.open) throw new BundleDamagedError(`the file ${this.open.key} has no end`);
  }
}

/**
 * Where a file goes on restore: its old key with every id of the bundle renamed (Sift's keys hold the review's
 * and the row's ids, so this alone makes it new); a key holding no id gets a fresh folder of the new review.
 */
export function restoredKey(oldKey: string, ids: Map<string, string>, reviewId: string): string {
  const parts = oldKey.split("/").map((part) => ids.get(part) ?? part);
  const key = parts.join("/");
  return checkKey(key !== oldKey ? key : `reviews/${reviewId}/restored/${randomUUID()}/${parts.at(-1)}`);
}

/** Writes files into storage as their pieces arrive; `discard` removes every one written so far. */
export class RestoredFiles {
  private readonly written: string[] = [];
  private current: { body: PassThrough; stored: Promise<unknown> } | null = null;

  constructor(private readonly storage: FileStorage) {}

  begin(key: string): void {
    const body = new PassThrough();
    const stored = this.storage.put(key, body);
    // Awaited in write() and end(); this only keeps an early failure from being reported as unhandled.
    stored.catch(() => {});
    this.written.push(key);
    this.current = { body, stored };
  }

  async write(bytes: Buffer): Promise<void> {
    const { body, stored } = this.current!;
    // Racing the store: if storage fails, "drain" never comes and its error must end the wait.
    if (!body.write(bytes)) await Promise.race([new Promise((resolve) => body.once("drain", resolve)), stored]);
  }

  async end(): Promise<void> {
    const { body, stored } = this.current!;
    body.end();
    await stored;
    this.current = null;
  }

  get count(): number {
    return this.written.length;
  }

  async discard(): Promise<void> {
    if (this.current) {
      this.current.body.destroy(new Error("restore abandoned"));
      await this.current.stored.catch(() => {});
    }
    await Promise.all(
      this.written.map((key) =>
        this.storage.delete(key).catch((err: unknown) => console.error("sift: could not delete", key, err)),
      ),
    );
  }
}
