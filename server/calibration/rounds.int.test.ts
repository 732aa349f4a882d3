import { describe, expect, it } from "vitest";
import { agreementTable } from "../export/log-source";
import { trainingLabels } from "../prioritise/training-labels";
import { readFlowCounts } from "../prisma-2020-flow/flow-counts";
import { setScreeningKeywords, updateReviewDetails } from "../reviews/update-review";
import { TA, team } from "../screening/team.fixture";
import { callerFor } from "../test/integration";

type Verdict = "include" | "exclude" | "maybe";

// The hand-computed example of round-agreement.test.ts: Fleiss' kappa 17/41 over these four records.
const VERDICTS: Verdict[][] = [
  ["include", "include", "include"],
  ["exclude", "exclude", "exclude"],
  ["include", "exclude", "include"],
  ["exclude", "exclude", "maybe"],
];

async function screenedState(db: Awaited<ReturnType<typeof team>>["db"], reviewId: string, leadId: string) {
  const [decisions, outcomes, conflicts, flow, labels] = await Promise.all([
    db.screeningDecision.count({ where: { reviewId } }),
    db.screeningOutcome.findMany({ where: { reviewId }, select: { recordId: true, stage: true, status: true } }),
    db.conflict.count({ where: { reviewId } }),
    readFlowCounts(db, reviewId),
    trainingLabels(db, { reviewId, stage: TA, reviewerId: leadId }),
  ]);
  return { decisions, outcomes, conflicts, flow, labels: [...(labels?.labels ?? new Map()).entries()] };
}

describe("calibration rounds", () => {
  it("runs a three-reviewer round whose decisions count nowhere until a lead adopts its unanimous ones", async () => {
    const { db, review, lead, reviewers, ids } = await team(8, 3);
    const scope = { reviewId: review.id, actorId: lead.id };
    const reviewId = review.id;
    await updateReviewDetails(db, scope, {
      title: review.title,
      inclusionCriteria: "Adults with ALS given stem cells",
      exclusionCriteria: "Animal studies",
    });
    const before = await screenedState(db, reviewId, lead.id);

    const leadApi = callerFor(db, lead.id).calibration;
    const round = await leadApi.open({
      reviewId,
      stage: TA,
      recordIds: ids.slice(0, 4),
      participantIds: reviewers.map((r) => r.id),
    });
    expect(round.kappaTarget).toBe(0.6);

    for (const [p, reviewer] of reviewers.entries()) {
      const api = callerFor(db, reviewer.id).calibration;
      const first = await api.next({ reviewId, roundId: round.id });
      expect(first.map((i) => i.record.id)).toEqual(ids.slice(0, 2));
      // Blind: nothing of a co-participant's decision comes with a record, and the view stays shut while open.
      expect(first.every((i) => i.otherDecisions === null && i.outcome === null)).toBe(true);
      await expect(leadApi.view({ reviewId, roundId: round.id })).rejects.toThrow(/still open/);
      for (const [r, verdicts] of VERDICTS.entries())
        await api.decide({ reviewId, roundId: round.id, recordId: ids[r]!, verdict: verdicts[p]! });
      const listed = (await leadApi.rounds({ reviewId })).find((x) => x.id === round.id)!;
      expect(listed.participants.find((x) => x.id === reviewer.id)).toMatchObject({ decided: 4, finished: true });
      expect(JSON.stringify(listed)).not.toMatch(/include|exclude|maybe/);
    }

    // Everyone finished, so the round closed itself; practice decisions changed nothing in screening.
    const view = await callerFor(db, reviewers[0]!.id).calibration.view({ reviewId, roundId: round.id });
    expect(view.agreement.statistic).toBe("fleiss");
    expect(view.agreement.kappa).toBeCloseTo(17 / 41, 10);
    expect(view.agreement.percentAgreement).toBe(0.5);
    expect(view.agreement.pairs).toHaveLength(3);
    expect(view.agreement.reached).toBe(false);
    expect(view.records.map((r) => r.split)).toEqual([true, true, false, false]);
    expect(view.records.slice(0, 2).map((r) => r.record.id)).toEqual([ids[2], ids[3]]);
    expect(view.criteria).toMatchObject({ number: 2, inclusionCriteria: "Adults with ALS given stem cells" });
    expect(view.unanimous).toBe(2);
    expect(await screenedState(db, reviewId, lead.id)).toEqual(before);
    // The agreement report's export carries the round beside the review's own agreement (none yet).
    expect(await agreementTable(db, reviewId)).toEqual([
      [
        TA,
        "Calibration round 1 (criteria version 2): Fleiss' kappa",
        expect.stringMatching(/ & .* & /),
        4,
        0.415,
        "moderate",
        50,
      ],
    ]);

    // Criteria edited between rounds: a new version, the round keeps the one it was screened under.
    await setScreeningKeywords(db, scope, { includeKeywords: ["stem cell"], excludeKeywords: ["mice"] });
    const history = await leadApi.criteriaHistory({ reviewId });
    expect(history.map((v) => [v.number, v.changed, v.by])).toEqual([
      [3, ["keywords"], expect.any(String)],
      [2, ["criteria"], expect.any(String)],
      [1, [], expect.any(String)],
    ]);
    expect(history[1]!.includeKeywords).toEqual([]);
    expect((await leadApi.view({ reviewId, roundId: round.id })).criteria.number).toBe(2);

    // The lead adopts the round: its two unanimous records are settled, audited with the criteria version.
    const adopted = await leadApi.adopt({ reviewId, roundId: round.id });
    expect(adopted).toEqual({ adopted: 2, of: 4 });
    const after = await screenedState(db, reviewId, lead.id);
    expect(after.outcomes.sort((a, b) => a.recordId.localeCompare(b.recordId))).toEqual([
      { recordId: ids[0], stage: TA, status: "included" },
      { recordId: ids[1], stage: TA, status: "excluded" },
    ]);
    expect(after.conflicts).toBe(0);
    expect(after.flow).not.toEqual(before.flow);
    expect(after.labels).toHaveLength(2);
    expect(await db.report.count({ where: { recordId: ids[0] } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { reviewId, action: "calibration.round_adopted" } });
    expect(audit).toMatchObject({ actorId: lead.id, entityId: round.id });
    expect(audit.data).toMatchObject({ criteriaVersion: 2, records: [ids[0], ids[1]] });
    await expect(leadApi.adopt({ reviewId, roundId: round.id })).rejects.toThrow(/already adopted/);

    // A second round is screened under the edited criteria and takes none of the first round's records.
    const second = await leadApi.open({ reviewId, stage: TA, size: 3, participantIds: reviewers.map((r) => r.id) });
    const secondRecords = await db.calibrationRecord.findMany({ where: { roundId: second.id } });
    expect(secondRecords).toHaveLength(3);
    expect(secondRecords.every((r) => !ids.slice(0, 4).includes(r.recordId))).toBe(true);
    const rounds = await leadApi.rounds({ reviewId });
    expect(rounds.map((r) => [r.number, r.status, r.criteriaVersion])).toEqual([
      [2, "open", 3],
      [1, "closed", 2],
    ]);
    expect(rounds[1]!.agreement?.kappa).toBeCloseTo(17 / 41, 10);
  });

  it("refuses decisions from non-participants, after closing, and on records outside the round", async () => {
    const { db, review, lead, reviewers, ids } = await team(5, 3);
    const reviewId = review.id;
    const leadApi = callerFor(db, lead.id).calibration;
    const round = await leadApi.open({
      reviewId,
      stage: TA,
      recordIds: ids.slice(0, 2),
      participantIds: [reviewers[0]!.id, reviewers[1]!.id],
    });
    const outsider = callerFor(db, reviewers[2]!.id).calibration;
    await expect(
      outsider.decide({ reviewId, roundId: round.id, recordId: ids[0]!, verdict: "include" }),
    ).rejects.toThrow(/not taking part/);
    const api = callerFor(db, reviewers[0]!.id).calibration;
    await expect(api.decide({ reviewId, roundId: round.id, recordId: ids[4]!, verdict: "include" })).rejects.toThrow(
      /not in this round/,
    );
    await expect(leadApi.open({ reviewId, stage: TA, size: 2 })).rejects.toThrow(/still open/);
    await api.decide({ reviewId, roundId: round.id, recordId: ids[0]!, verdict: "include" });
    expect(await api.undo({ reviewId, roundId: round.id })).toEqual({ recordId: ids[0], restored: null });
    await leadApi.close({ reviewId, roundId: round.id });
    await expect(api.decide({ reviewId, roundId: round.id, recordId: ids[0]!, verdict: "include" })).rejects.toThrow(
      /closed/,
    );
    await expect(leadApi.close({ reviewId, roundId: round.id })).rejects.toThrow(/already closed/);
  });
});
