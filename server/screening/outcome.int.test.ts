// The outcome rule is SQL (it runs inside the decision's own statement), so its cases run on PostgreSQL with
// plain rows of decisions.

import { describe, expect, it } from "vitest";
import { Prisma } from "../db/generated/client.ts";
import type { Stage } from "../shared/stages";
import { testDb } from "../test/integration";
import { evaluation } from "./outcome";

type Verdict = "include" | "exclude" | "maybe";
const d = (verdict: Verdict, reasonId: string | null = null) => ({ verdict, reasonId });

async function evaluate(decisions: { verdict: Verdict; reasonId: string | null }[], needed: number, stage: Stage) {
  const rows = decisions.length
    ? Prisma.join(
        decisions.map(
          (x, i) =>
            Prisma.sql`(${x.verdict}::verdict, ${x.reasonId}::text, timestamp '2026-01-01' + ${i} * interval '1 minute')`,
        ),
      )
    : null;
  const relation = rows
    ? Prisma.sql`SELECT * FROM (VALUES ${rows}) v(verdict, reason_id, decided_at)`
    : Prisma.sql`SELECT NULL::verdict AS verdict, NULL::text AS reason_id, NULL::timestamp AS decided_at WHERE false`;
  const [row] = await testDb().$queryRaw<{ status: string; reason_id: string | null }[]>(
    evaluation(relation, Prisma.sql`${needed}::int`, stage),
  );
  return row!.status === "included" || row!.status === "excluded"
    ? { status: row!.status, reasonId: row!.reason_id }
    : { status: row!.status };
}

describe("the outcome rule", () => {
  it("waits until the needed number of decisions is in", async () => {
    expect(await evaluate([d("include")], 2, "title_abstract")).toEqual({ status: "awaiting" });
    expect(await evaluate([d("exclude"), d("include")], 3, "title_abstract")).toEqual({ status: "awaiting" });
    expect(await evaluate([], 1, "title_abstract")).toEqual({ status: "awaiting" });
  });

  it("settles records where everyone agrees, with the earliest reason given", async () => {
    expect(await evaluate([d("include"), d("include")], 2, "title_abstract")).toEqual({
      status: "included",
      reasonId: null,
    });
    expect(await evaluate([d("exclude", "r1"), d("exclude", null)], 2, "title_abstract")).toEqual({
      status: "excluded",
      reasonId: "r1",
    });
    expect(await evaluate([d("exclude", null), d("exclude", "r2"), d("exclude", "r1")], 3, "title_abstract")).toEqual({
      status: "excluded",
      reasonId: "r2",
    });
    expect(await evaluate([d("exclude")], 1, "title_abstract")).toEqual({ status: "excluded", reasonId: null });
  });

  it("counts maybe, and any disagreement, as a conflict", async () => {
    expect(await evaluate([d("include"), d("exclude")], 2, "title_abstract")).toEqual({ status: "conflict" });
    expect(await evaluate([d("maybe"), d("maybe")], 2, "title_abstract")).toEqual({ status: "conflict" });
    expect(await evaluate([d("include"), d("include"), d("maybe")], 3, "title_abstract")).toEqual({
      status: "conflict",
    });
    expect(await evaluate([d("maybe")], 1, "full_text")).toEqual({ status: "conflict" });
  });

  it("at full text, exclusions for different reasons (or one without) still need a lead", async () => {
    expect(await evaluate([d("exclude", "a"), d("exclude", "b")], 2, "full_text")).toEqual({ status: "conflict" });
    expect(await evaluate([d("exclude", "a"), d("exclude", null)], 2, "full_text")).toEqual({ status: "conflict" });
    expect(await evaluate([d("exclude", "a"), d("exclude", "a")], 2, "full_text")).toEqual({
      status: "excluded",
      reasonId: "a",
    });
    expect(await evaluate([d("exclude", "a"), d("exclude", "b")], 2, "title_abstract")).toEqual({
      status: "excluded",
      reasonId: "a",
    });
  });
});
