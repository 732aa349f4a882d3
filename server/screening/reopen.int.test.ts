// Reopening a settled record: back to screening with its reviewers' decisions kept as superseded, served again,
// settled again by new decisions; PRISMA follows and agreement keeps the first round (reopen-override.ts).
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { FT, reopenTeam, TA } from "./reopen.fixture";

describe("reopening a settled record", () => {
  it("sends an agreed title/abstract exclusion back to screening, served again without the old co-reviewer decision, and new decisions settle it; PRISMA follows", async () => {
    const t = await reopenTeam(4);
    const { reviewId, ids, a, b, lead, db } = t;
    const [r0, r1, r2, r3] = ids as [string, string, string, string];
    await t.both(TA, r0, ["exclude", "exclude"]);
    await t.both(TA, r1, ["include", "include"]);
    await t.both(TA, r2, ["exclude", "exclude"]);
    await t.both(TA, r3, ["include", "exclude"]);
    let flow = await t.flow();
    expect(flow.values).toMatchObject({ records_screened: 4, records_excluded: 2, dbr_sought_reports: 1 });
    expect(flow.recordsExcludedReasons).toEqual([{ reason: "Not ALS", n: 2 }]);
    const agreementBefore = (await lead.screening.agreement({ reviewId }))[0]!;

    const reopened = await lead.screening.reopen({ reviewId, stage: TA, recordId: r0, note: "Criteria clarified" });
    expect(reopened).toMatchObject({ status: "awaiting", undone: [] });
    expect(await t.outcome(r0, TA)).toMatchObject({ status: "awaiting", reasonId: null, settledAt: null });
    expect(await db.screeningDecision.count({ where: { recordId: r0 } })).toBe(0);
    const change = await db.outcomeChange.findFirstOrThrow({ where: { recordId: r0 } });
    expect(change).toMatchObject({
      kind: "reopen",
      stage: TA,
      fromStatus: "excluded",
      fromReasonId: t.reason("Not ALS"),
      toStatus: "awaiting",
      note: "Criteria clarified",
      actorId: t.users.lead.id,
    });
    expect(
      (await db.supersededDecision.findMany({ where: { recordId: r0 }, orderBy: { reviewerId: "asc" } })).map((d) => [
        d.reviewerId,
        d.verdict,
        d.changeId,
      ]),
    ).toEqual(
      [
        [t.users.a.id, "exclude", change.id],
        [t.users.b.id, "exclude", change.id],
      ].sort((x, y) => x[0]!.localeCompare(y[0]!)),
    );
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: r0, action: "outcome.reopened" } });
    expect(audit).toMatchObject({ actorId: t.users.lead.id, entityType: "record" });
    expect(audit.data).toMatchObject({
      stage: TA,
      changeId: change.id,
      note: "Criteria clarified",
      from: { verdict: "exclude", reasonId: t.reason("Not ALS"), settledBy: "agreement" },
      supersededDecisions: 2,
    });

    flow = await t.flow();
    expect(flow.values).toMatchObject({ records_screened: 4, records_excluded: 1, dbr_sought_reports: 1 });
    expect(flow.recordsExcludedReasons).toEqual([{ reason: "Not ALS", n: 1 }]);
    // The first round still measures agreement: nothing changed there.
    expect((await lead.screening.agreement({ reviewId }))[0]).toEqual(agreementBefore);

    // Served again to both reviewers: each sees their own earlier decision, never the other's.
    const [servedA] = await a.screening.next({ reviewId, stage: TA, count: 1 });
    expect(servedA!.record.id).toBe(r0);
    expect(servedA).toMatchObject({
      myDecision: null,
      outcome: null,
      otherDecisions: null,
      myEarlierDecision: { verdict: "exclude", reasonId: t.reason("Not ALS") },
    });
    expect(JSON.stringify(servedA)).not.toContain(t.users.b.id);
    await a.screening.decide({ reviewId, stage: TA, recordId: r0, verdict: "include" });
    const [servedB] = await b.screening.next({ reviewId, stage: TA, count: 1 });
    expect(servedB).toMatchObject({
      record: { id: r0 },
      otherDecisions: null,
      myEarlierDecision: { verdict: "exclude" },
    });
    await b.screening.decide({ reviewId, stage: TA, recordId: r0, verdict: "include" });
    expect(await t.outcome(r0, TA)).toMatchObject({ status: "included" });
    expect(await db.report.count({ where: { recordId: r0 } })).toBe(1);

    flow = await t.flow();
    expect(flow.values).toMatchObject({ records_screened: 4, records_excluded: 1, dbr_sought_reports: 2 });
    // The new round, made after the lead's intervention, does not replace the first.
    expect((await lead.screening.agreement({ reviewId }))[0]).toEqual(agreementBefore);
    expect(agreementBefore.pairs[0]).toMatchObject({
      records: 4,
      table: [
        [1, 1, 0],
        [0, 2, 0],
        [0, 0, 0],
      ],
    });
  });

  it("reopens a lead-resolved record: the resolved conflict is withdrawn, and a new disagreement opens it again", async () => {
    const t = await reopenTeam(1);
    const { reviewId, ids, lead, db } = t;
    const r0 = ids[0]!;
    await t.both(TA, r0, ["include", "exclude"]);
    const conflict = await db.conflict.findFirstOrThrow({ where: { recordId: r0 } });
    await lead.screening.resolveConflict({
      reviewId,
      conflictId: conflict.id,
      verdict: "exclude",
      reasonId: t.reason("Not ALS"),
    });
    await lead.screening.reopen({ reviewId, stage: TA, recordId: r0 });
    expect(await db.conflict.findUniqueOrThrow({ where: { id: conflict.id } })).toMatchObject({
      status: "withdrawn",
      verdict: "exclude",
    });
    expect(
      (await db.auditEvent.findFirstOrThrow({ where: { entityId: r0, action: "outcome.reopened" } })).data,
    ).toMatchObject({ from: { settledBy: "resolution" } });
    // Decisions on it are taken again (a resolved record refuses them).
    await t.both(TA, r0, ["exclude", "include"]);
    expect(await db.conflict.findUniqueOrThrow({ where: { id: conflict.id } })).toMatchObject({
      status: "open",
      verdict: null,
    });
    expect(await t.outcome(r0, TA)).toMatchObject({ status: "conflict" });
  });

  it("reopens an agreed full-text inclusion: its round is superseded, it is served again at full text and settled anew", async () => {
    const t = await reopenTeam(1);
    const { reviewId, ids, a, lead, db } = t;
    const r0 = ids[0]!;
    await t.both(TA, r0, ["include", "include"]);
    const report = await db.report.findUniqueOrThrow({ where: { recordId: r0 } });
    await lead.fullText.setLink({ reviewId, reportId: report.id, url: "https://example.org/trial.pdf" });
    await t.both(FT, r0, ["include", "include"]);
    let flow = await t.flow();
    expect(flow.values).toMatchObject({ dbr_assessed: 1, dbr_excluded: 0, new_reports: 1 });

    expect(await lead.screening.reopenImpact({ reviewId, stage: FT, recordId: r0 })).toMatchObject({
      status: "included",
      settledBy: "agreement",
      needsConfirmation: false,
      undoes: [],
    });
    await lead.screening.reopen({ reviewId, stage: FT, recordId: r0 });
    flow = await t.flow();
    expect(flow.values).toMatchObject({ dbr_sought_reports: 1, dbr_assessed: 1, dbr_excluded: 0, new_reports: 0 });
    expect(await t.outcome(r0, TA)).toMatchObject({ status: "included" });
    expect(await db.supersededDecision.count({ where: { recordId: r0, stage: FT } })).toBe(2);

    const [served] = await a.screening.next({ reviewId, stage: FT, count: 1 });
    expect(served).toMatchObject({ record: { id: r0 }, myDecision: null, myEarlierDecision: { verdict: "include" } });
    await t.both(FT, r0, ["exclude", "exclude"]);
    flow = await t.flow();
    expect(flow.values).toMatchObject({ dbr_assessed: 1, dbr_excluded: 1, new_reports: 0 });
    expect(flow.dbrExcluded).toEqual([{ reason: "Wrong design", n: 1 }]);
  });

  it("leaves a reopened record out of the stopping rule's unscreened records: people judged it before", async () => {
    const t = await reopenTeam(6);
    const { reviewId, ids, lead } = t;
    const [r0, r1] = ids as [string, string];
    await t.both(TA, r0, ["include", "include"]);
    await t.both(TA, r1, ["exclude", "exclude"]);
    expect(await lead.prioritise.stopping({ reviewId, stage: TA })).toMatchObject({ untouched: 4 });
    await lead.screening.reopen({ reviewId, stage: TA, recordId: r1 });
    expect(await lead.prioritise.stopping({ reviewId, stage: TA })).toMatchObject({ untouched: 4 });
    const sample = await lead.prioritise.startSample({ reviewId, stage: TA, recallTarget: 0.5, confidence: 0.5 });
    expect(sample.remaining).toBe(4);
    // Screened again while the sample is open, it is not a record drawn from the urn.
    await t.both(TA, r1, ["include", "include"]);
    expect((await lead.prioritise.stopping({ reviewId, stage: TA })).sample!.test).toMatchObject({
      sampled: 0,
      includesBefore: 2,
    });
  });

  it("refuses reviewers, and records that are not settled, with a message that says why", async () => {
    const t = await reopenTeam(3);
    const { reviewId, ids, a, lead } = t;
    const [settled, waiting, conflicted] = ids as [string, string, string];
    await t.both(TA, settled, ["include", "include"]);
    await a.screening.decide({ reviewId, stage: TA, recordId: waiting, verdict: "include" });
    await t.both(TA, conflicted, ["include", "exclude"]);
    for (const call of [
      () => a.screening.reopen({ reviewId, stage: TA, recordId: settled }),
      () =>
        a.screening.override({
          reviewId,
          stage: TA,
          recordId: settled,
          verdict: "exclude",
          reasonId: t.reason("Not ALS"),
          note: "x",
        }),
      () => a.screening.reopenImpact({ reviewId, stage: TA, recordId: settled }),
    ])
      await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" } satisfies Partial<TRPCError>);
    expect(await t.outcome(settled, TA)).toMatchObject({ status: "included" });
    await expect(lead.screening.reopen({ reviewId, stage: TA, recordId: waiting })).rejects.toThrow(
      /not settled at title and abstract yet/,
    );
    await expect(lead.screening.reopen({ reviewId, stage: TA, recordId: conflicted })).rejects.toThrow(
      /in conflict at title and abstract: resolve the conflict/,
    );
    await expect(lead.screening.reopen({ reviewId, stage: FT, recordId: settled })).rejects.toThrow(
      /not settled at full text/,
    );
  });
});
