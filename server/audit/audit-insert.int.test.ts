import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { Prisma } from "../db/generated/client.ts";
import { makeTeam, testDb } from "../test/integration";
import { auditInsert } from "./audit-insert";
import { recordAuditEvent, recordAuditEventPg } from "./record-audit-event";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("auditInsert", () => {
  it("writes one event as a statement of its own, at the time it is given", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const createdAt = new Date("2026-12-08T09:30:00.123Z");
    const data = { records: 3, note: `it's "quoted"`, from: null };
    await db.$executeRaw(
      auditInsert({
        reviewId: review.id,
        actorId: members.lead.id,
        action: "test.written",
        entityType: "review",
        entityId: review.id,
        data,
        createdAt,
      }),
    );
    const events = await db.auditEvent.findMany({ where: { reviewId: review.id, action: "test.written" } });
    expect(events).toEqual([
      {
        id: expect.stringMatching(UUID_V7),
        reviewId: review.id,
        actorId: members.lead.id,
        action: "test.written",
        entityType: "review",
        entityId: review.id,
        data,
        createdAt,
      },
    ]);
  });

  it("as a CTE, takes the values given as SQL from the row it is selected from, and writes nothing without one", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const write = (found: boolean) => db.$executeRaw`
      WITH chosen AS (SELECT u.id, u.name FROM users u WHERE u.id = ${members.reviewer.id} AND ${found}::boolean),
      audit AS (${auditInsert(
        {
          reviewId: review.id,
          actorId: Prisma.sql`c.id`,
          action: Prisma.sql`'test.chose_' || c.name`,
          entityType: "user",
          entityId: Prisma.sql`c.id`,
          data: Prisma.sql`jsonb_build_object('name', c.name)`,
        },
        Prisma.sql`chosen c`,
      )})
      SELECT 1`;
    await write(false);
    await write(true);
    const events = await db.auditEvent.findMany({ where: { reviewId: review.id, entityType: "user" } });
    expect(events).toEqual([
      expect.objectContaining({
        actorId: members.reviewer.id,
        action: "test.chose_reviewer",
        entityId: members.reviewer.id,
        data: { name: "reviewer" },
      }),
    ]);
  });

  it("is what recordAuditEvent and recordAuditEventPg write, stamped when they are called", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const event = {
      reviewId: review.id,
      actorId: members.lead.id,
      entityType: "review",
      entityId: review.id,
      data: { n: 1 },
    };
    const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
    const before = Date.now();
    try {
      await db.$transaction((tx) => recordAuditEvent(tx, { ...event, action: "test.by_prisma" }));
      const client = await pool.connect();
      try {
        await recordAuditEventPg(client, { ...event, action: "test.by_pg" });
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
    const events = await db.auditEvent.findMany({
      where: { reviewId: review.id, action: { startsWith: "test.by_" } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["test.by_prisma", "test.by_pg"]);
    for (const e of events) {
      expect(e).toMatchObject({ ...event, id: expect.stringMatching(UUID_V7) });
      expect(e.createdAt.getTime()).toBeGreaterThanOrEqual(before);
      expect(e.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
  });
});
