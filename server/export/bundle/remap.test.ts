import { describe, expect, it } from "vitest";
import type { TablePlan } from "./bundle-plan";
import { remapRow } from "./remap";

const stoppingSamples: TablePlan = {
  name: "stopping_samples",
  primaryKey: "id",
  primaryKeyColumns: ["id"],
  scope: null,
  foreignKeys: [],
  columns: {
    id: { type: "text", nullable: false, default: null },
    held_record_ids: { type: "text[]", nullable: true, default: null },
    nct_ids: { type: "text[]", nullable: true, default: null },
  },
  fileColumns: [],
};

describe("remapRow", () => {
  it("renames the ids inside a list of ids, and leaves other values in such lists alone", () => {
    const maps = {
      rows: new Map([
        ["sample-1", "sample-9"],
        ["record-1", "record-7"],
        ["record-2", "record-8"],
      ]),
      users: new Map(),
    };
    const { row } = remapRow(
      stoppingSamples,
      { id: "sample-1", held_record_ids: ["record-1", "record-2"], nct_ids: ["NCT01234567"] },
      maps,
      new Set(),
      new Set(["stopping_samples"]),
    );
    expect(row).toEqual({ id: "sample-9", held_record_ids: ["record-7", "record-8"], nct_ids: ["NCT01234567"] });
  });
});
