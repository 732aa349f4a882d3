// What every storage backend implements and how keys are checked; the backends import this, and file-storage.ts
// picks one of them.
import type { Readable } from "node:stream";

export interface FileStorage {
  /** Stores the stream under `key`, replacing any earlier file; resolves with the number of bytes written. */
  put(key: string, body: Readable, contentType?: string): Promise<{ bytes: number }>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

export class StorageKeyError extends Error {}

/** Keys are made by Sift ("reviews/<id>/imports/<id>/<name>"); anything that could climb out is refused. */
export function checkKey(key: string): string {
  if (!/^[\w.-]+(\/[\w.-]+)*$/.test(key) || key.split("/").some((part) => part === ".." || part === ".")) {
    throw new StorageKeyError(`not a valid storage key: ${key}`);
  }
  return key;
}

/** A file name reduced to what is safe inside a key, keeping its extension readable. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize("NFKD")
    .replace(/[^\w.-]+/g, "_")
    .replace(/^[._]+/, "")
    .slice(-120);
  return cleaned || "file";
}
