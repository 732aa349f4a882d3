import { describe, expect, it } from "vitest";
import { Prisma } from "./generated/client.ts";
import { execute, inline as inlineStatement } from "./sql";

const inline = (query: Prisma.Sql) => execute("s", query);

describe("execute", () => {
  it("turns parameters into escaped literals that cannot end the string they are in", () => {
    const hostile = "x'); DROP TABLE records; --";
    expect(inline(Prisma.sql`SELECT ${hostile}, ${"back\\slash"}`)).toBe(
      `EXECUTE s('x''); DROP TABLE records; --',  E'back\\\\slash')`,
    );
  });

  it("writes numbers, booleans, null, dates and arrays as SQL literals", () => {
    const at = new Date("2026-11-24T10:00:00.000Z");
    expect(
      inline(Prisma.sql`SELECT ${1}, ${2.5}, ${true}, ${null}, ${at}::timestamp, ${["a", "b"]}::text[], ${[]}::text[]`),
    ).toBe("EXECUTE s(1, 2.5, TRUE, NULL, '2026-11-24T10:00:00.000Z', ARRAY['a', 'b'], '{}')");
    expect(inline(Prisma.sql`SELECT 1`)).toBe("EXECUTE s");
  });

  it("passes parameters in order, beyond nine too, and leaves the values' text alone", () => {
    const values = Array.from({ length: 11 }, (_, i) => `$${i + 1}`);
    expect(inline(Prisma.sql`SELECT ${Prisma.join(values)}`)).toBe(
      `EXECUTE s(${values.map((v) => `'${v}'`).join(", ")})`,
    );
  });

  it("refuses values it cannot write safely", () => {
    expect(() => inline(Prisma.sql`SELECT ${Number.NaN}`)).toThrow(/cannot inline/);
    expect(() => inline(Prisma.sql`SELECT ${{ a: 1 }}`)).toThrow(/cannot inline/);
  });
});

describe("inline", () => {
  it("writes the statement itself with its parameters as literals, for when nothing is prepared", () => {
    expect(inlineStatement(Prisma.sql`SELECT ${"it's"}, ${[]}::text[], ${2} + ${null}::int`)).toBe(
      "SELECT 'it''s', '{}'::text[], 2 + NULL::int",
    );
  });
});
