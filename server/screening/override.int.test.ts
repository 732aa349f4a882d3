// Overriding a settled record's final verdict: who, when, the verdict before and after, reason and note; PRISMA
// counts it by its new verdict, the records export shows it, and the reviewers' decisions can no longer change it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runExport } from "../export/export-jobs";
import { jobQueue, stopJobQueue } from "../jobs/queue";
import { localStorage } from "../storage/local-storage";
import { FT, reopenTeam, TA } from "./reopen.fixture";

const root = mkdtempSync(path.join(tmpdir(), "sift-override-"));
process.env.SIFT_STORAGE_DIR = root;
const storage = localStorage(root);
let pool: pg.Pool;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  await jobQueue();
});
afterAll(async () => {
  await stopJobQueue();
  await pool.end();
});

type Team = Awaited<ReturnType<typeof reopenTeam>>;

/** The records export of a stage as CSV rows, through the export job as a lead asks for it. */
async function recordsCsv(t: Team, stage: typeof TA | typeof FT) {
  const started = await t.lead.exports.start({ reviewId: t.reviewId, kind: "records", format: "csv", stage });
  await runExport({ db: t.db, pool, storage }, started.id);
  const row = await t.db.export.findUniqueOrThrow({ where: { id: started.id } });
  expect(row, row.error ?? "").toMatchObject({ status: "succeeded" });
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.get(row.fileKey!)) chunks.push(Buffer.from(chunk));
  return parse(Buffer.concat(chunks).subarray(3).toString("utf8"), { columns: true }) as Record<string, string>[];
}

describe("overriding a settled verdict", () => {
  it("turns an agreed title/abstract exclusion into an inclusion: audited, its report sought, PRISMA and the export follow, decisions no longer change it", async () => {
    const t = await reopenTeam(3);
    const { reviewId, ids, a, lead, db } = t;
    const [r0, r1, r2] = ids as [string, string, string];
    await t.both(TA, r0, ["exclude", "exclude"]);
    await t.both(TA, r1, ["exclude", "exclude"]);
    await t.both(TA, r2, ["include", "include"]);
    expect((await t.flow()).values).toMatchObject({ records_excluded: 2, dbr_sought_reports: 1 });

    await expect(
      lead.screening.override({ reviewId, stage: TA, recordId: r0, verdict: "include", note: "  " }),
    ).rejects.toThrow(/Say why you override/);
    const overridden = await lead.screening.override({
      reviewId,
      stage: TA,
      recordId: r0,
      verdict: "include",
      note: "Phase 1 MSC trial in ALS patients: meets the criteria",
    });
    expect(overridden).toMatchObject({ status: "included", reasonId: null, undone: [] });
    const change = await db.outcomeChange.findFirstOrThrow({ where: { recordId: r0 } });
    expect(change).toMatchObject({
      kind: "override",
      fromStatus: "excluded",
      fromReasonId: t.reason("Not ALS"),
      toStatus: "included",
      toReasonId: null,
      actorId: t.users.lead.id,
    });
    expect(await t.outcome(r0, TA)).toMatchObject({ status: "included", overrideId: change.id });
    expect(await db.report.count({ where: { recordId: r0 } })).toBe(1);
    expect(
      (await db.auditEvent.findFirstOrThrow({ where: { entityId: r0, action: "outcome.overridden" } })).data,
    ).toMatchObject({
      stage: TA,
      verdict: "include",
      reasonId: null,
      from: { verdict: "exclude", reasonId: t.reason("Not ALS"), settledBy: "agreement" },
    });
    // The reviewers' decisions stay as they were, so agreement does too.
    expect(await db.screeningDecision.count({ where: { recordId: r0, verdict: "exclude" } })).toBe(2);

    const flow = await t.flow();
    expect(flow.values).toMatchObject({ records_screened: 3, records_excluded: 1, dbr_sought_reports: 2 });
    expect(flow.checks.find((c) => c.id === "screened_excluded_or_sought")).toMatchObject({ holds: true });

    // A reviewer may still change their own decision, but the override stays the final verdict.
    await a.screening.decide({ reviewId, stage: TA, recordId: r0, verdict: "include" });
    expect(await t.outcome(r0, TA)).toMatchObject({ status: "included", overrideId: change.id });
    await a.screening.undo({ reviewId, stage: TA });
    expect(await t.outcome(r0, TA)).toMatchObject({ status: "included", overrideId: change.id });

    const rows = await recordsCsv(t, TA);
    expect(rows.find((r) => r.sift_id === r0)).toMatchObject({
      decision: "included",
      exclusion_reason: "",
      decided_by: "Lena Lead (override)",
      resolution_note: "Phase 1 MSC trial in ALS patients: meets the criteria",
    });
    expect(rows.find((r) => r.sift_id === r1)).toMatchObject({ decision: "excluded", decided_by: "agreement" });
  });

  it("turns an inclusion into an exclusion under a reason of its own stage, counted once under that reason", async () => {
    const t = await reopenTeam(2);
    const { reviewId, ids, lead, db } = t;
    const [r0, r1] = ids as [string, string];
    await t.both(TA, r0, ["include", "include"]);
    await t.both(TA, r1, ["exclude", "exclude"]);
    const ftReason = await db.exclusionReason.findFirstOrThrow({ where: { reviewId, stage: FT } });
    await expect(
      lead.screening.override({ reviewId, stage: TA, recordId: r0, verdict: "exclude", note: "Rats" }),
    ).rejects.toThrow(/Choose the exclusion reason/);
    await expect(
      lead.screening.override({
        reviewId,
        stage: TA,
        recordId: r0,
        verdict: "exclude",
        reasonId: ftReason.id,
        note: "Rats",
      }),
    ).rejects.toThrow(/not in this review's list for this stage/);
    await lead.screening.override({
      reviewId,
      stage: TA,
      recordId: r0,
      verdict: "exclude",
      reasonId: t.reason("Animal study"),
      note: "SOD1 mice only",
    });
    // The report was only sought: nothing to confirm, and it goes.
    expect(await db.report.count({ where: { recordId: r0 } })).toBe(0);
    const flow = await t.flow();
    expect(flow.values).toMatchObject({ records_excluded: 2, dbr_sought_reports: 0 });
    expect(flow.recordsExcludedReasons).toEqual([
      { reason: "Animal study", n: 1 },
      { reason: "Not ALS", n: 1 },
    ]);
    await expect(
      lead.screening.override({
        reviewId,
        stage: TA,
        recordId: r0,
        verdict: "exclude",
        reasonId: t.reason("Animal study"),
        note: "again",
      }),
    ).rejects.toThrow(/already excluded at title and abstract for that reason/);
    // A second override changes only the reason; the first is kept in the trail.
    await lead.screening.override({
      reviewId,
      stage: TA,
      recordId: r0,
      verdict: "exclude",
      reasonId: t.reason("Not ALS"),
      note: "Healthy volunteers, not ALS",
    });
    expect((await t.flow()).recordsExcludedReasons).toEqual([{ reason: "Not ALS", n: 2 }]);
    expect(await db.outcomeChange.count({ where: { recordId: r0, kind: "override" } })).toBe(2);

    const ftRows = await recordsCsv(t, TA);
    expect(ftRows.find((r) => r.sift_id === r0)).toMatchObject({ decision: "excluded", exclusion_reason: "Not ALS" });
  });

  it("reopening an overridden record clears the override, so its next round decides it", async () => {
    const t = await reopenTeam(1);
    const { reviewId, ids, lead } = t;
    const r0 = ids[0]!;
    await t.both(TA, r0, ["exclude", "exclude"]);
    await lead.screening.override({ reviewId, stage: TA, recordId: r0, verdict: "include", note: "Meets criteria" });
    expect(await lead.screening.reopenImpact({ reviewId, stage: TA, recordId: r0 })).toMatchObject({
      status: "included",
      settledBy: "override",
      needsConfirmation: false,
      undoes: ["Its full text is no longer sought (nothing had been retrieved yet)."],
    });
    await lead.screening.reopen({ reviewId, stage: TA, recordId: r0 });
    expect(await t.outcome(r0, TA)).toMatchObject({ status: "awaiting", overrideId: null });
    await t.both(TA, r0, ["exclude", "exclude"]);
    expect(await t.outcome(r0, TA)).toMatchObject({ status: "excluded", overrideId: null });
  });
});
