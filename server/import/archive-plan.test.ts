import { describe, expect, it } from "vitest";
import type { Catalog, ForeignKeyShape, TableShape } from "../db/catalog";
import { archivePlan } from "./archive-plan";

const fk = (column: string, refTable: string, onDelete = "CASCADE"): ForeignKeyShape => ({
  name: `${column}_fkey`,
  columns: [column],
  refTable,
  refColumns: ["id"],
  onDelete,
  onUpdate: "CASCADE",
});

function table(columns: string[], foreignKeys: ForeignKeyShape[] = [], primaryKey = ["id"]): TableShape {
  return {
    columns: Object.fromEntries(
      ["id", ...columns].map((c) => [c, { type: "text", nullable: c !== "id", default: null }]),
    ),
    primaryKey: { name: "pkey", columns: primaryKey },
    uniques: [],
    indexes: [],
    foreignKeys,
  };
}

const catalog: Catalog = {
  enums: {},
  tables: {
    reviews: table(["title"]),
    imports: table(["review_id"], [fk("review_id", "reviews")]),
    labels: table(["review_id"], [fk("review_id", "reviews")]),
    records: table(
      ["review_id", "import_id", "duplicate_of_id"],
      [fk("review_id", "reviews"), fk("import_id", "imports"), fk("duplicate_of_id", "records", "SET NULL")],
    ),
    screening_decisions: table(["record_id"], [fk("record_id", "records")]),
    duplicate_pairs: table(
      ["record_a_id", "record_b_id"],
      [fk("record_a_id", "records"), fk("record_b_id", "records")],
    ),
    // A table added later: withdrawn with the records it labels, while the review's labels stay.
    record_labels: table(["record_id", "label_id"], [fk("record_id", "records"), fk("label_id", "labels")]),
    outcome_changes: table(["record_id"], [fk("record_id", "records", "RESTRICT")]),
    superseded_decisions: table(
      ["record_id", "change_id"],
      [fk("change_id", "outcome_changes"), fk("record_id", "records")],
    ),
    screening_outcomes: table(
      ["record_id", "override_id"],
      [fk("record_id", "records"), fk("override_id", "outcome_changes", "SET NULL")],
    ),
    studies: table(["review_id"], [fk("review_id", "reviews")]),
    reports: table(
      ["record_id", "study_id", "file_key"],
      [fk("record_id", "records"), fk("study_id", "studies", "SET NULL")],
    ),
    extractions: table(["study_id"], [fk("study_id", "studies")]),
    extraction_values: table(["extraction_id"], [fk("extraction_id", "extractions")]),
    appraisals: table(["study_id"], [fk("study_id", "studies")]),
  },
};

describe("archivePlan", () => {
  it("withdraws every table whose rows would go or block with a record, parents first, whatever its name", () => {
    const plan = archivePlan(catalog, "records", ["studies"]);
    const names = plan.map((t) => t.name);
    expect(names[0]).toBe("records");
    expect([...names].sort()).toEqual(
      [
        "records",
        "screening_decisions",
        "duplicate_pairs",
        "record_labels",
        "outcome_changes",
        "superseded_decisions",
        "screening_outcomes",
        "reports",
      ].sort(),
    );
    expect(names.indexOf("outcome_changes")).toBeLessThan(names.indexOf("superseded_decisions"));
    const byName = Object.fromEntries(plan.map((t) => [t.name, t]));
    expect(byName.records!.parents).toEqual([]);
    expect(byName.duplicate_pairs!.parents).toEqual([
      { column: "record_a_id", table: "records" },
      { column: "record_b_id", table: "records" },
    ]);
    // Set-null keys leave their rows: the override, a report's study, a record's duplicate-of are repaired instead.
    expect(byName.screening_outcomes!.parents).toEqual([{ column: "record_id", table: "records" }]);
    expect(byName.record_labels!.parents).toEqual([{ column: "record_id", table: "records" }]);
    expect(byName.reports).toMatchObject({ hasFile: true, columns: ["id", "record_id", "study_id", "file_key"] });
    expect(names).not.toContain("labels");
    expect(names).not.toContain("studies");
  });

  it("withdraws a study with its extraction and appraisal, but not its reports, which set their study to none", () => {
    const plan = archivePlan(catalog, "studies", ["records", "reports"]);
    expect(plan.map((t) => t.name)).toEqual(["studies", "appraisals", "extractions", "extraction_values"]);
  });

  it("refuses a table it could not keep: one without a single text id", () => {
    const withComposite: Catalog = {
      ...catalog,
      tables: {
        ...catalog.tables,
        record_tags: table(["record_id"], [fk("record_id", "records")], ["id", "record_id"]),
      },
    };
    expect(() => archivePlan(withComposite, "records")).toThrow(/rows of record_tags cannot be withdrawn/);
  });

  it("leaves out derived tables, whose rows go with the records they were made from", () => {
    const withSearch: Catalog = {
      ...catalog,
      tables: {
        ...catalog.tables,
        record_search: table(["title"], [fk("id", "records")], ["record_id"]),
      },
    };
    expect(archivePlan(withSearch, "records").map((t) => t.name)).not.toContain("record_search");
  });
});
