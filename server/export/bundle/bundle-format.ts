// A bundle is one gzipped file of JSON lines: a header, the people it mentions (by email, never with a password
// hash), every row of the review table by table with parents first, and a trailer whose counts prove that
// nothing was cut off.
export const BUNDLE_FORMAT = "sift-review-bundle";
/** Raised when the layout of the lines changes; the schema's own changes are tracked by migration names. */
export const BUNDLE_VERSION = 1;

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
  | { kind: "end"; users: number; rows: Record<string, number> };
