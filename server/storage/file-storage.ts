// Every file Sift keeps (uploaded search exports, full-text PDFs) goes through here: a local folder by default,
// S3-compatible object storage when S3_BUCKET is set, so app instances stay stateless.
import type { Readable } from "node:stream";
import { localStorage } from "./local-storage";
import { s3Configured, s3Storage } from "./s3-storage";

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

let instance: FileStorage | undefined;

export function fileStorage(): FileStorage {
  return (instance ??= s3Configured() ? s3Storage() : localStorage());
}
