// A bundle is one gzipped file of JSON lines: a header, the people it mentions (by email, never with a password
// hash), every row of the review table by table with parents first, and a trailer whose counts prove that
// nothing was cut off. From version 2, the stored files those rows point at (full-text PDFs, uploaded search
// files) follow the rows, each as a `file` line, its bytes in base64 `chunk` lines, and a `file-end` line with
// its size and SHA-256, so a file of any size streams through in pieces and a damaged one is caught.
export const BUNDLE_FORMAT = "sift-review-bundle";
/**
 * Raised when the layout of the lines changes; the schema's own changes are tracked by migration names.
 * 1: rows only; 2: with the stored files they point at. Every older version is still read.
 */
export const BUNDLE_VERSION = 2;

export interface BundleHeader {
  kind: "header";
  format: typeof BUNDLE_FORMAT;
  version: number;
  /** The Sift version that wrote it, for people; compatibility is decided by `migrations`. */
  sift: string;
  /** Every migration applied to the database it came from: a name unknown here means a newer schema. */
  migrations: string[];
  exportedAt: string;
  review: { id: string; slug: string; title: string };
  tables: string[];
}

export interface BundleUser {
  id: string;
  email: string;
  name: string;
}

export type Row = Record<string, unknown>;

export type BundleLine =
  | BundleHeader
  | { kind: "user"; user: BundleUser }
  | { kind: "row"; table: string; row: Row }
  | { kind: "file"; key: string }
  | { kind: "chunk"; data: string }
  | { kind: "file-end"; key: string; bytes: number; sha256: string }
  /** `files` is absent in version 1, which carried none. */
  | { kind: "end"; users: number; rows: Record<string, number>; files?: number };
