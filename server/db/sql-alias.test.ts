import { describe, expect, it } from "vitest";
import { Prisma } from "./generated/client.ts";
import { sqlAlias } from "./sql-alias";

describe("sqlAlias", () => {
  it("puts a plain identifier into the text, not into the parameters", () => {
    const query = Prisma.sql`SELECT ${sqlAlias("u")}.id, ${sqlAlias("flow_row2")}.x FROM t WHERE a = ${1}`;
    expect(query.text).toBe("SELECT u.id, flow_row2.x FROM t WHERE a = $1");
    expect(query.values).toEqual([1]);
  });

  it("refuses anything else, which could change the statement it is written into", () => {
    for (const bad of ["", "U", "1u", "u.id", "u; DROP TABLE users", 'u"', "u -- x", "ü"]) {
      expect(() => sqlAlias(bad)).toThrow(/Not an SQL alias/);
    }
  });
});
