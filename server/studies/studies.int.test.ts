import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { callerFor, makeTeam, testDb } from "../test/integration";
import { includedReports } from "./reports.fixture";

async function setup() {
  const db = testDb();
  const { review, members } = await makeTeam(db);
  const reports = await includedReports(db, review.id, [
    { title: "NurOwn phase 1/2 registry entry", nctIds: ["NCT01051882"] },
    {
      title: "Safety and clinical effects of MSC-NTF cells in ALS",
      authors: ["Petrou, P."],
      year: 2016,
      nctIds: ["NCT01051882"],
    },
    { title: "Intraspinal neural stem cell transplantation in ALS", authors: ["Glass, J. D."], year: 2016 },
    { title: "Excluded at full text", nctIds: ["NCT01051882"], fullText: "excluded" },
    { title: "Not yet screened at full text", nctIds: ["NCT01051882"], fullText: "none" },
  ]);
  // Full-text screening is over and unblinded, as when a team groups its studies; blinded grouping is below.
  await db.reviewStageSetting.update({
    where: { reviewId_stage: { reviewId: review.id, stage: "full_text" } },
    data: { blinded: false },
  });
  const reviewer = callerFor(db, members.reviewer.id);
  return { db, review, members, reports, reviewer, input: { reviewId: review.id } };
}

async function appCode(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return (err.cause as { code?: string } | undefined)?.code ?? err.code;
  }
}

describe("studies", () => {
  it("while full-text screening is blinded, only leads see the reports to group and group them", async () => {
    const { db, review, members, reports, reviewer, input } = await setup();
    await db.reviewStageSetting.update({
      where: { reviewId_stage: { reviewId: review.id, stage: "full_text" } },
      data: { blinded: true },
    });
    expect(await reviewer.studies.list(input)).toMatchObject({ mayGroup: false, ungrouped: [], suggestions: [] });
    const refusal = "While full-text screening is blinded, reports are grouped into studies by the review's leads.";
    // The same refusal for an included report, an excluded one and no report at all.
    for (const reportIds of [[reports[0]!.id], [reports[3]!.id], ["no-such-report"]]) {
      await expect(reviewer.studies.create({ ...input, reportIds })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: refusal,
      });
      await expect(reviewer.studies.moveReports({ ...input, reportIds, studyId: null })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: refusal,
      });
    }
    const lead = callerFor(db, members.lead.id);
    expect((await lead.studies.list(input)).ungrouped).toHaveLength(3);
    await lead.studies.create({ ...input, reportIds: [reports[2]!.id] });
    expect((await reviewer.studies.list(input)).studies.map((s) => s.label)).toEqual(["Glass 2016"]);
  });

  it("suggests grouping full-text included reports by NCT id and confirms a suggestion into a study, audited", async () => {
    const { db, reports, reviewer, input } = await setup();
    const overview = await reviewer.studies.list(input);
    expect(overview.ungrouped.map((r) => r.id)).toEqual(reports.slice(0, 3).map((r) => r.id));
    expect(overview.suggestions).toHaveLength(1);
    expect(overview.suggestions[0]).toMatchObject({
      reportIds: [reports[0]!.id, reports[1]!.id],
      studyId: null,
      reasons: ["Both name NCT01051882"],
    });

    const study = await reviewer.studies.create({ ...input, reportIds: overview.suggestions[0]!.reportIds });
    expect(study.label).toBe("Petrou 2016");
    const after = await reviewer.studies.list(input);
    expect(after.studies.map((s) => [s.label, s.reports.length])).toEqual([["Petrou 2016", 2]]);
    expect(after.suggestions).toEqual([]);
    expect(await db.auditEvent.count({ where: { entityId: study.id, action: "study.created" } })).toBe(1);

    // Grouping the same reports again is stale, not a silent move.
    expect(await appCode(reviewer.studies.create({ ...input, reportIds: [reports[0]!.id] }))).toBe("STALE");
    // Reports not included at full text cannot be grouped.
    expect(await appCode(reviewer.studies.create({ ...input, reportIds: [reports[3]!.id] }))).toBe("NOT_FOUND");
  });

  it("splits, moves and merges; a lead renames and sets the design, which sets its default tool, and may change the tool", async () => {
    const { db, reports, reviewer, members, input } = await setup();
    const a = await reviewer.studies.create({ ...input, reportIds: reports.slice(0, 3).map((r) => r.id) });
    const b = await reviewer.studies.split({ ...input, studyId: a.id, reportIds: [reports[2]!.id] });
    expect(b.label).toBe("Glass 2016");
    expect(
      await appCode(reviewer.studies.split({ ...input, studyId: a.id, reportIds: [reports[0]!.id, reports[1]!.id] })),
    ).toBe("INVALID_INPUT");

    await reviewer.studies.moveReports({ ...input, reportIds: [reports[1]!.id], studyId: b.id });
    await reviewer.studies.merge({ ...input, targetId: b.id, sourceIds: [a.id] });
    let overview = await reviewer.studies.list(input);
    expect(overview.studies.map((s) => [s.id, s.reports.length])).toEqual([[b.id, 3]]);

    const lead = callerFor(db, members.lead.id);
    expect(await appCode(reviewer.studies.rename({ ...input, studyId: b.id, label: "NSI-566 phase 1" }))).toBe(
      "FORBIDDEN",
    );
    expect(await appCode(reviewer.studies.setDesign({ ...input, studyId: b.id, design: "rct" }))).toBe("FORBIDDEN");
    await lead.studies.rename({ ...input, studyId: b.id, label: "NSI-566 phase 1" });
    await lead.studies.setDesign({ ...input, studyId: b.id, design: "rct" });
    overview = await reviewer.studies.list(input);
    expect(overview.studies[0]).toMatchObject({
      label: "NSI-566 phase 1",
      design: "rct",
      appraisalTool: "rob2",
      tools: ["rob2", "validity_of_conclusions"],
    });

    expect(await appCode(reviewer.studies.setTool({ ...input, studyId: b.id, tool: "robins_i" }))).toBe("FORBIDDEN");
    await lead.studies.setTool({ ...input, studyId: b.id, tool: "robins_i" });
    expect((await reviewer.studies.list(input)).studies[0]!.tools).toEqual(["robins_i", "validity_of_conclusions"]);
    await lead.studies.setDesign({ ...input, studyId: b.id, design: "single_arm" });
    expect((await reviewer.studies.list(input)).studies[0]!.tools).toEqual(["validity_of_conclusions"]);

    const actions = await db.auditEvent.findMany({
      where: { reviewId: input.reviewId, entityType: "study" },
      select: { action: true },
    });
    expect(new Set(actions.map((e) => e.action))).toEqual(
      new Set([
        "study.created",
        "study.split",
        "study.reports_moved",
        "study.merged",
        "study.renamed",
        "study.design_set",
        "study.tool_set",
      ]),
    );
  });

  it("refuses a study or report id of another review, and keeps studies holding appraisals from being merged away", async () => {
    const { db, reports, reviewer, members, input } = await setup();
    const other = await setup();
    const otherStudy = await other.reviewer.studies.create({ ...other.input, reportIds: [other.reports[2]!.id] });
    expect(
      await appCode(callerFor(db, members.lead.id).studies.rename({ ...input, studyId: otherStudy.id, label: "x" })),
    ).toBe("NOT_FOUND");
    expect(await appCode(reviewer.studies.create({ ...input, reportIds: [other.reports[0]!.id] }))).toBe("NOT_FOUND");
    expect(
      await appCode(reviewer.studies.moveReports({ ...input, reportIds: [reports[0]!.id], studyId: otherStudy.id })),
    ).toBe("NOT_FOUND");

    const a = await reviewer.studies.create({ ...input, reportIds: [reports[0]!.id] });
    const b = await reviewer.studies.create({ ...input, reportIds: [reports[1]!.id] });
    await callerFor(db, members.reviewer.id).appraisal.start({
      ...input,
      studyId: a.id,
      tool: "validity_of_conclusions",
    });
    expect(await appCode(reviewer.studies.merge({ ...input, targetId: b.id, sourceIds: [a.id] }))).toBe(
      "STUDY_HAS_WORK",
    );
    expect(await appCode(reviewer.studies.moveReports({ ...input, reportIds: [reports[0]!.id], studyId: null }))).toBe(
      "STUDY_HAS_WORK",
    );
    await reviewer.studies.merge({ ...input, targetId: a.id, sourceIds: [b.id] });
    expect((await reviewer.studies.list(input)).studies.map((s) => s.reports.length)).toEqual([2]);
  });
});
