// Every file Sift keeps (uploaded search exports, full-text PDFs) goes through here: a local folder by default,
// S3-compatible object storage when S3_BUCKET is set, so app instances stay stateless.
import { localStorage } from "./local-storage";
import { s3Configured, s3Storage } from "./s3-storage";
import type { FileStorage } from "./storage-keys";

export { checkKey, type FileStorage, StorageKeyError, safeFileName } from "./storage-keys";

let instance: FileStorage | undefined;

export function fileStorage(): FileStorage {
  return (instance ??= s3Configured() ? s3Storage() : localStorage());
}
