import { describe, expect, it } from "vitest";
import type { Catalog, ForeignKeyShape, TableShape } from "../../db/catalog";
import { planBundle, scopeCondition } from "./bundle-plan";
import { type IdMaps, remapRow } from "./remap";

const fk = (column: string, refTable: string): ForeignKeyShape => ({
  name: `${column}_fkey`,
  columns: [column],
  refTable,
  refColumns: ["id"],
  onDelete: "CASCADE",
  onUpdate: "CASCADE",
});
type ColumnSpec = { type?: string; nullable?: boolean };
function table(columns: Record<string, ColumnSpec>, foreignKeys: ForeignKeyShape[] = []): TableShape {
  const all: Record<string, ColumnSpec> = { id: {}, ...columns };
  return {
    columns: Object.fromEntries(
      Object.entries(all).map(([n, c]) => [
        n,
        { type: c.type ?? "text", nullable: c.nullable ?? false, default: null },
      ]),
    ),
    primaryKey: { name: "pkey", columns: ["id"] },
    uniques: [],
    indexes: [],
    foreignKeys,
  };
}

const catalog: Catalog = {
  enums: {},
  tables: {
    users: table({ email: {} }),
    oidc_accounts: table({ user_id: {} }, [fk("user_id", "users")]),
    reviews: table({ created_by_id: {} }, [fk("created_by_id", "users")]),
    widget_values: table({ widget_id: {}, data: { type: "jsonb" } }, [fk("widget_id", "widgets")]),
    widgets: table({ review_id: {}, parent_id: { nullable: true }, owner_id: {}, file_key: { nullable: true } }, [
      fk("review_id", "reviews"),
      fk("parent_id", "widgets"),
      fk("owner_id", "users"),
    ]),
    screening_assignments: table({ review_id: {} }, [fk("review_id", "reviews")]),
    audit_events: table({ review_id: { nullable: true }, entity_id: {}, data: { type: "jsonb" } }, [
      fk("review_id", "reviews"),
    ]),
  },
};

describe("planBundle", () => {
  const plan = planBundle(catalog);
  const names = plan.tables.map((t) => t.name);

  it("takes every table a review reaches, parents first, and leaves out the listed ephemeral ones", () => {
    expect(names[0]).toBe("reviews");
    expect(new Set(names)).toEqual(new Set(["reviews", "widgets", "widget_values", "audit_events"]));
    expect(names.indexOf("widgets")).toBeLessThan(names.indexOf("widget_values"));
    expect(plan.excluded.map((e) => e.name)).toEqual(["screening_assignments"]);
  });

  it("finds the columns holding storage keys by their name and type", () => {
    expect(plan.tables.find((t) => t.name === "widgets")!.fileColumns).toEqual(["file_key"]);
    expect(plan.tables.filter((t) => t.fileColumns.length > 0).map((t) => t.name)).toEqual(["widgets"]);
  });

  it("chooses rows through the chain of keys up to the review", () => {
    expect(scopeCondition(plan, "widget_values")).toBe(
      `t."widget_id" IN (SELECT p0."id" FROM "widgets" p0 WHERE p0."review_id" = $1)`,
    );
    expect(scopeCondition(plan, "reviews")).toBe(`t."id" = $1`);
  });
});

describe("remapRow", () => {
  const plan = planBundle(catalog);
  const widgets = plan.tables.find((t) => t.name === "widgets")!;
  const audit = plan.tables.find((t) => t.name === "audit_events")!;
  const maps: IdMaps = {
    rows: new Map([
      ["rv", "RV"],
      ["w1", "W1"],
      ["w2", "W2"],
    ]),
    users: new Map([["u1", "U1"]]),
  };

  it("renames keys, maps people, and defers a reference to its own table", () => {
    const { row, deferred } = remapRow(
      widgets,
      { id: "w2", review_id: "rv", parent_id: "w1", owner_id: "u1" },
      maps,
      new Set(["reviews"]),
      new Set(["reviews", "widgets"]),
    );
    expect(row).toEqual({ id: "W2", review_id: "RV", parent_id: null, owner_id: "U1" });
    expect(deferred).toEqual([{ table: "widgets", primaryKey: "id", id: "W2", column: "parent_id", value: "W1" }]);
  });

  it("renames ids quoted in JSON and in *_id columns, and nothing else", () => {
    const { row } = remapRow(
      audit,
      {
        id: "w1",
        review_id: "rv",
        entity_id: "w2",
        data: { removedId: "w1", by: "u1", title: "w1 is a word", list: ["w2"] },
      },
      maps,
      new Set(["reviews"]),
      new Set(["reviews"]),
    );
    expect(row).toMatchObject({
      entity_id: "W2",
      data: { removedId: "W1", by: "U1", title: "w1 is a word", list: ["W2"] },
    });
  });

  it("refuses a person who is not in the bundle", () => {
    expect(() =>
      remapRow(
        widgets,
        { id: "w1", review_id: "rv", parent_id: null, owner_id: "u9" },
        maps,
        new Set(["reviews"]),
        new Set(["reviews", "widgets"]),
      ),
    ).toThrow(/not in the bundle/);
  });
});
