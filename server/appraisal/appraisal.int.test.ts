import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { includedReports } from "../studies/reports.fixture";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";
import { consensusJudgementFor } from "./result-lookup";
import { ROB2 } from "./tools/rob2";

const LOW_ANSWERS = {
  "1.1": "Y",
  "1.2": "Y",
  "1.3": "N",
  "2.1": "N",
  "2.2": "N",
  "2.6": "Y",
  "3.1": "Y",
  "4.1": "N",
  "4.2": "N",
  "4.3": "N",
  "5.1": "Y",
  "5.2": "N",
  "5.3": "N",
};

async function setup() {
  const db = testDb();
  const { review, members } = await makeTeam(db);
  const second = await makeUser(db, "reviewer2");
  await db.membership.create({ data: { reviewId: review.id, userId: second.id, role: "reviewer" } });
  const [report] = await includedReports(db, review.id, [
    { title: "Lenzumestrocel phase 2 RCT", authors: ["Oh, K. W."], year: 2018 },
  ]);
  const input = { reviewId: review.id };
  const lead = callerFor(db, members.lead.id);
  const study = await lead.studies.create({ ...input, reportIds: [report!.id] });
  await lead.studies.setDesign({ ...input, studyId: study.id, design: "rct" });
  return {
    db,
    review,
    input,
    lead,
    r1: callerFor(db, members.reviewer.id),
    r2: callerFor(db, second.id),
    observer: callerFor(db, members.observer.id),
    study,
    key: { ...input, studyId: study.id, tool: "rob2" as const },
  };
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return { code: (err.cause as { code?: string } | undefined)?.code ?? err.code, message: err.message };
  }
  throw new Error("expected a failure");
}

describe("dual appraisal", () => {
  it("keeps appraisers blind to each other, compares them once both completed, and stores the consensus with an audit event", async () => {
    const { db, input, lead, r1, r2, observer, key, study } = await setup();
    const a1 = await r1.appraisal.start(key);
    const a2 = await r2.appraisal.start(key);
    let saved = await r1.appraisal.save({
      ...input,
      appraisalId: a1.id,
      version: 0,
      toolVersion: ROB2.version,
      answers: { responses: LOW_ANSWERS, support: { D1: "central web randomisation" } },
    });
    expect(saved.assessment.overall?.proposed).toBe("low");
    await r1.appraisal.complete({ ...input, appraisalId: a1.id, version: saved.version });

    // Reviewer 2 sees only their own (empty) appraisal; nobody can compare before both are complete.
    const mine2 = await r2.appraisal.mine(key);
    expect(mine2.mine?.answers.responses).toEqual({});
    expect(mine2.consensus).toBeNull();
    expect((await failure(lead.appraisal.compare(key))).code).toBe("APPRAISAL_NOT_READY");
    expect((await failure(r2.appraisal.compare(key))).code).toBe("FORBIDDEN");
    expect(
      (await failure(r2.appraisal.save({ ...input, appraisalId: a1.id, version: 2, toolVersion: 1, answers: {} })))
        .code,
    ).toBe("FORBIDDEN");
    const overview = await r2.appraisal.overview(input);
    expect(JSON.stringify(overview)).not.toContain("low");

    saved = await r2.appraisal.save({
      ...input,
      appraisalId: a2.id,
      version: 0,
      toolVersion: ROB2.version,
      answers: { responses: { ...LOW_ANSWERS, "1.2": "NI" } },
    });
    await r2.appraisal.complete({ ...input, appraisalId: a2.id, version: saved.version });

    const comparison = await lead.appraisal.compare(key);
    expect(comparison.items.filter((i) => !i.agree).map((i) => i.id)).toEqual(["1.2", "D1", "overall"]);
    const consensus = await lead.appraisal.startConsensus(key);
    const draft = (await lead.appraisal.compare(key)).consensus!;
    expect(draft.answers.responses["1.2"]).toBeUndefined();
    expect(draft.assessment.missing).toEqual(["D1", "overall"]);
    expect(
      (await failure(lead.appraisal.complete({ ...input, appraisalId: consensus.id, version: draft.version }))).code,
    ).toBe("APPRAISAL_NOT_READY");
    expect(
      (
        await failure(
          r1.appraisal.save({
            ...input,
            appraisalId: consensus.id,
            version: draft.version,
            toolVersion: ROB2.version,
            answers: {},
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");

    const final = await lead.appraisal.save({
      ...input,
      appraisalId: consensus.id,
      version: draft.version,
      toolVersion: ROB2.version,
      answers: {
        ...draft.answers,
        responses: { ...draft.answers.responses, "1.2": "PY" },
        overrides: { D5: { judgement: "some_concerns", reason: "Protocol registered after enrolment began" } },
      },
    });
    await lead.appraisal.complete({ ...input, appraisalId: consensus.id, version: final.version });

    const stored = await db.appraisal.findUniqueOrThrow({ where: { id: consensus.id } });
    expect(stored).toMatchObject({ isConsensus: true, overall: "some_concerns" });
    expect(stored.completedAt).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: consensus.id, action: "appraisal.consensus_recorded" },
    });
    expect(event.data).toMatchObject({
      studyId: study.id,
      tool: "rob2",
      overall: "some_concerns",
      judgements: { D1: "low", D5: "some_concerns" },
    });

    expect(await observer.appraisal.results({ ...input, tool: "rob2" })).toEqual([
      {
        studyId: study.id,
        label: study.label,
        // Made without naming its result: it still counts, as a result not named yet.
        outcomeId: null,
        outcomeName: null,
        timePoint: "",
        result: "Result not named yet",
        judgements: ["low", "low", "low", "low", "some_concerns"],
        overall: "some_concerns",
      },
    ]);
    expect((await r2.appraisal.mine(key)).consensus?.assessment.overall?.final).toBe("some_concerns");
    expect((await failure(r1.appraisal.reopen({ ...input, appraisalId: a1.id }))).code).toBe("STALE");
  });

  it("refuses stale versions, wrong types, stale forms and foreign study ids, and keeps the stored answers", async () => {
    const { input, r1, key, study } = await setup();
    const other = await setup();
    const a = await r1.appraisal.start(key);
    const first = await r1.appraisal.save({
      ...input,
      appraisalId: a.id,
      version: 0,
      toolVersion: ROB2.version,
      answers: { responses: { "1.1": "Y" } },
    });

    const stale = await failure(
      r1.appraisal.save({
        ...input,
        appraisalId: a.id,
        version: 0,
        toolVersion: ROB2.version,
        answers: { responses: { "1.1": "N" } },
      }),
    );
    expect(stale.code).toBe("STALE");
    expect(stale.message).toMatch(/changed elsewhere/);
    expect(
      (
        await failure(
          r1.appraisal.save({ ...input, appraisalId: a.id, version: first.version, toolVersion: 0, answers: {} }),
        )
      ).code,
    ).toBe("STALE");
    expect(
      (
        await failure(
          r1.appraisal.save({
            ...input,
            appraisalId: a.id,
            version: first.version,
            toolVersion: ROB2.version,
            answers: { responses: { "1.1": 7 } },
          }),
        )
      ).message,
    ).toMatch(/not in the shape/);
    expect(
      (
        await failure(
          r1.appraisal.save({
            ...input,
            appraisalId: a.id,
            version: first.version,
            toolVersion: ROB2.version,
            answers: { responses: { "1.1": "maybe" } },
          }),
        )
      ).code,
    ).toBe("INVALID_INPUT");
    expect((await failure(r1.appraisal.start({ ...key, studyId: other.study.id }))).code).toBe("NOT_FOUND");
    expect((await failure(r1.appraisal.start({ ...key, tool: "syrcle" }))).code).toBe("INVALID_INPUT");
    expect((await failure(r1.appraisal.mine({ ...key, studyId: other.study.id }))).code).toBe("NOT_FOUND");

    expect((await r1.appraisal.mine({ ...input, studyId: study.id, tool: "rob2" })).mine).toMatchObject({
      version: first.version,
      answers: { responses: { "1.1": "Y" } },
    });
  });

  it("exports consensus values to everyone, and appraisers' own values only to leads once every appraiser has completed", async () => {
    const { input, lead, r1, r2, key } = await setup();
    const a1 = await r1.appraisal.start(key);
    const saved = await r1.appraisal.save({
      ...input,
      appraisalId: a1.id,
      version: 0,
      toolVersion: ROB2.version,
      answers: { responses: LOW_ANSWERS, support: { D1: "=cmd|' /C calc'!A0" } },
    });
    await r1.appraisal.complete({ ...input, appraisalId: a1.id, version: saved.version });
    expect((await failure(r1.appraisal.exportRows({ ...input, source: "appraisers" }))).code).toBe("FORBIDDEN");
    expect((await lead.appraisal.exportRows({ ...input, source: "appraisers" })).wide).toEqual([]);
    expect((await r2.appraisal.exportRows({ ...input, source: "consensus" })).long).toEqual([]);

    const a2 = await r2.appraisal.start(key);
    const saved2 = await r2.appraisal.save({
      ...input,
      appraisalId: a2.id,
      version: 0,
      toolVersion: ROB2.version,
      answers: { responses: LOW_ANSWERS },
    });
    await r2.appraisal.complete({ ...input, appraisalId: a2.id, version: saved2.version });
    const rows = await lead.appraisal.exportRows({ ...input, source: "appraisers" });
    expect(rows.wide.map((r) => [r.tool, r.overall])).toEqual([
      ["rob2", "Low risk"],
      ["rob2", "Low risk"],
    ]);
    const d1 = rows.long.find((r) => r.domain === "D1" && r.item === "judgement" && r.support);
    expect(d1).toMatchObject({ final: "Low risk", support: "=cmd|' /C calc'!A0" });
  });

  it("with one appraiser per study, completing records the consensus", async () => {
    const { db, input, lead, r1, key } = await setup();
    await lead.appraisal.setAppraisers({ ...input, appraisersPerStudy: 1 });
    const a = await r1.appraisal.start(key);
    const saved = await r1.appraisal.save({
      ...input,
      appraisalId: a.id,
      version: 0,
      toolVersion: ROB2.version,
      answers: { responses: LOW_ANSWERS },
    });
    await r1.appraisal.complete({ ...input, appraisalId: a.id, version: saved.version });
    const consensus = await db.appraisal.findFirstOrThrow({
      where: { studyId: key.studyId, tool: "rob2", isConsensus: true },
    });
    expect(consensus).toMatchObject({ overall: "low" });
    expect(
      await db.auditEvent.count({ where: { entityId: consensus.id, action: "appraisal.consensus_recorded" } }),
    ).toBe(1);
    expect((await r1.appraisal.results({ ...input, tool: "rob2" }))[0]?.overall).toBe("low");
  });
});

describe("a study's design and tool", () => {
  it("are a lead's to change; a change hiding appraisals needs confirmation, and the table, plot and export agree", async () => {
    const { db, input, lead, r1, study, key } = await setup();
    await lead.appraisal.setAppraisers({ ...input, appraisersPerStudy: 1 });
    const a = await r1.appraisal.start(key);
    const saved = await r1.appraisal.save({
      ...input,
      appraisalId: a.id,
      version: 0,
      toolVersion: ROB2.version,
      answers: { responses: LOW_ANSWERS },
    });
    await r1.appraisal.complete({ ...input, appraisalId: a.id, version: saved.version });
    const change = { ...input, studyId: study.id };
    const forbidden = { code: "FORBIDDEN", message: expect.stringMatching(/^This needs the lead role or higher/) };
    await expect(r1.studies.setDesign({ ...change, design: "non_randomised" })).rejects.toMatchObject(forbidden);
    await expect(r1.studies.rename({ ...change, label: "Someone else's name" })).rejects.toMatchObject(forbidden);
    await expect(r1.studies.setTool({ ...change, tool: null })).rejects.toMatchObject(forbidden);

    const refusal = await failure(lead.studies.setDesign({ ...change, design: "non_randomised" }));
    expect(refusal).toEqual({
      code: "CONFIRM_REQUIRED",
      message:
        "Oh 2018 would be appraised with ROBINS-I: 1 RoB 2 appraisal and its recorded RoB 2 consensus would leave the appraisal table, plots and downloads. They are kept, and return if the tool is set back.",
    });
    expect((await failure(lead.studies.setTool({ ...change, tool: null }))).code).toBe("CONFIRM_REQUIRED");
    // Nothing changed while unconfirmed.
    expect(await db.study.findUniqueOrThrow({ where: { id: study.id } })).toMatchObject({
      design: "rct",
      appraisalTool: "rob2",
    });

    const shown = async () => ({
      table: (await r1.appraisal.overview(input)).studies[0]!.tools.map((t) => t.tool),
      plot: (await r1.appraisal.results({ ...input, tool: "rob2" })).map((r) => r.label),
      export: (await r1.appraisal.exportRows({ ...input, source: "consensus" })).wide.map((r) => r.tool),
    });
    expect(await shown()).toEqual({
      table: ["rob2", "validity_of_conclusions"],
      plot: ["Oh 2018"],
      export: ["rob2"],
    });
    await lead.studies.setDesign({ ...change, design: "non_randomised", confirm: true });
    expect(await shown()).toEqual({ table: ["robins_i", "validity_of_conclusions"], plot: [], export: [] });
    // Kept, and back once the tool is set back; no appraisal hides, so no confirmation is asked.
    await lead.studies.setTool({ ...change, tool: "rob2" });
    expect(await shown()).toEqual({
      table: ["rob2", "validity_of_conclusions"],
      plot: ["Oh 2018"],
      export: ["rob2"],
    });
  });
});

describe("RoB 2 domain 2 variants", () => {
  it("treats appraisers' different variants as a difference the lead settles, and plots and exports the chosen one", async () => {
    const { input, lead, r1, r2, observer, key } = await setup();
    const { "2.6": _assignmentAnalysis, ...rest } = LOW_ANSWERS;
    const ADHERING = { ...rest, "2.1": "Y", "2.2": "Y", "2.3": "Y", "2.4": "N", "2.5": "PN" };
    const a1 = await r1.appraisal.start(key);
    const s1 = await r1.appraisal.save({
      ...input,
      appraisalId: a1.id,
      version: 0,
      toolVersion: ROB2.version,
      answers: { responses: LOW_ANSWERS },
    });
    await r1.appraisal.complete({ ...input, appraisalId: a1.id, version: s1.version });
    const a2 = await r2.appraisal.start(key);
    expect(
      (
        await failure(
          r2.appraisal.save({
            ...input,
            appraisalId: a2.id,
            version: 0,
            toolVersion: ROB2.version,
            answers: { responses: { "2.7": "N" }, variant: "adhering" },
          }),
        )
      ).code,
    ).toBe("INVALID_INPUT");
    const s2 = await r2.appraisal.save({
      ...input,
      appraisalId: a2.id,
      version: 0,
      toolVersion: ROB2.version,
      answers: { responses: ADHERING, variant: "adhering" },
    });
    expect(s2.assessment.domains[1]?.proposed).toBe("low");
    await r2.appraisal.complete({ ...input, appraisalId: a2.id, version: s2.version });
    expect((await r2.appraisal.mine(key)).mine?.answers.variant).toBe("adhering");

    const comparison = await lead.appraisal.compare(key);
    expect(comparison.items.find((i) => i.kind === "variant")).toMatchObject({
      values: ["assignment", "adhering"],
      agree: false,
    });
    const consensus = await lead.appraisal.startConsensus(key);
    const draft = (await lead.appraisal.compare(key)).consensus!;
    expect(draft.answers.variant).toBeUndefined();
    expect(draft.answers.responses["2.1"]).toBeUndefined();
    const final = await lead.appraisal.save({
      ...input,
      appraisalId: consensus.id,
      version: draft.version,
      toolVersion: ROB2.version,
      answers: { ...draft.answers, responses: { ...draft.answers.responses, ...ADHERING }, variant: "adhering" },
    });
    await lead.appraisal.complete({ ...input, appraisalId: consensus.id, version: final.version });

    expect(await observer.appraisal.results({ ...input, tool: "rob2" })).toEqual([
      expect.objectContaining({ variant: "adhering", overall: "low" }),
    ]);
    const rows = await observer.appraisal.exportRows({ ...input, source: "consensus" });
    expect(rows.wide[0]?.variant).toBe("adhering");
    expect(rows.long.filter((r) => r.domain === "D2").map((r) => r.item)).toEqual([
      "2.1",
      "2.2",
      "2.3",
      "2.4",
      "2.5",
      "2.6",
      "judgement",
    ]);
    expect(rows.long.find((r) => r.domain === "D2" && r.item === "judgement")?.text).toBe(
      "Bias due to deviations from intended interventions (effect of adhering)",
    );
  });
});

describe("trial design variants", () => {
  // Cluster trials ask 2.1, 3.1 and 4.3 as two questions each (RoB 2 CRT).
  const { "2.1": _21, "3.1": _31, "4.3": _43, ...SHARED } = LOW_ANSWERS;
  const CLUSTER_LOW = { ...SHARED, "2.1a": "N", "3.1a": "Y", "3.1b": "Y", "4.3a": "N" };
  it.each([
    ["cluster", CLUSTER_LOW, { "1b.1": "N", "1b.2": "PN", "1b.3": "N" }, "D1b", "1b.3", "Y", "some_concerns"],
    ["crossover", LOW_ANSWERS, { "S.1": "N", "S.2": "Y", "S.3": "Y" }, "DS", "S.2", "N", "some_concerns"],
  ])(
    "carry a %s trial's own domain through both appraisers, the comparison, the consensus, results and export",
    async (design, low, own, domainId, differing, otherAnswer, settled) => {
      const { input, lead, r1, r2, key } = await setup();
      const appraise = async (caller: typeof r1, responses: Record<string, string>) => {
        const { id } = await caller.appraisal.start(key);
        const saved = await caller.appraisal.save({
          ...input,
          appraisalId: id,
          version: 0,
          toolVersion: ROB2.version,
          answers: { responses, design },
        });
        await caller.appraisal.complete({ ...input, appraisalId: id, version: saved.version });
        return saved;
      };
      const first = await appraise(r1, { ...low, ...own });
      expect(first.assessment.domains.map((d) => d.id)).toEqual(["D1", domainId, "D2", "D3", "D4", "D5"]);
      expect(first.assessment.overall?.proposed).toBe("low");
      await appraise(r2, { ...low, ...own, [differing]: otherAnswer });
      expect((await r1.appraisal.mine(key)).mine?.answers.design).toBe(design);

      const comparison = await lead.appraisal.compare(key);
      expect(comparison.items.find((i) => i.kind === "design")).toMatchObject({
        values: [design, design],
        agree: true,
      });
      expect(comparison.items.filter((i) => !i.agree).map((i) => i.id)).toEqual([differing, domainId, "overall"]);

      const consensus = await lead.appraisal.startConsensus(key);
      const draft = (await lead.appraisal.compare(key)).consensus!;
      expect(draft.answers.design).toBe(design);
      expect(draft.assessment.missing).toEqual([domainId, "overall"]);
      const final = await lead.appraisal.save({
        ...input,
        appraisalId: consensus.id,
        version: draft.version,
        toolVersion: ROB2.version,
        answers: { ...draft.answers, responses: { ...draft.answers.responses, [differing]: otherAnswer } },
      });
      await lead.appraisal.complete({ ...input, appraisalId: consensus.id, version: final.version });

      const [result] = await r1.appraisal.results({ ...input, tool: "rob2" });
      expect(result).toMatchObject({ design, overall: settled });
      expect(result!.judgements).toEqual(["low", settled, "low", "low", "low", "low"]);
      const { wide, long } = await r1.appraisal.exportRows({ ...input, source: "consensus" });
      expect(wide[0]).toMatchObject({ design, judgements: { [domainId]: "Some concerns" }, overall: "Some concerns" });
      expect(long.filter((r) => r.domain === domainId).map((r) => r.item)).toEqual([...Object.keys(own), "judgement"]);
    },
  );
});

describe("RoB 2 per result", () => {
  async function withOutcomes() {
    const s = await setup();
    const [alsfrs, survival] = await Promise.all(
      ["ALSFRS-R change", "Survival"].map((name, position) =>
        s.db.reviewOutcome.create({
          data: { reviewId: s.review.id, name, type: "continuous", direction: "higher_is_better", position },
        }),
      ),
    );
    return { ...s, alsfrs: alsfrs!, survival: survival! };
  }
  const low = (caller: ReturnType<typeof callerFor>, input: { reviewId: string }) => async (id: string) => {
    const saved = await caller.appraisal.save({
      ...input,
      appraisalId: id,
      version: 0,
      toolVersion: ROB2.version,
      answers: { responses: LOW_ANSWERS },
    });
    await caller.appraisal.complete({ ...input, appraisalId: id, version: saved.version });
  };

  it("appraises each result apart, compares and records a consensus per result, and plots and exports per outcome", async () => {
    const { db, input, lead, r1, r2, key, study, alsfrs, survival } = await withOutcomes();
    await lead.appraisal.setAppraisers({ ...input, appraisersPerStudy: 1 });
    const week28 = { outcomeId: alsfrs.id, timePoint: "Week 28" };
    const a = await r1.appraisal.start({ ...key, result: week28 });
    const b = await r1.appraisal.start({ ...key, result: { outcomeId: survival.id, timePoint: "month 12" } });
    expect(a.id).not.toBe(b.id);
    // Starting the same result again opens the same appraisal.
    expect((await r1.appraisal.start({ ...key, result: week28 })).id).toBe(a.id);
    await low(r1, input)(a.id);
    // The second result is judged high in domain 1.
    const saved = await r1.appraisal.save({
      ...input,
      appraisalId: b.id,
      version: 0,
      toolVersion: ROB2.version,
      answers: { responses: { ...LOW_ANSWERS, "1.2": "N" } },
    });
    await r1.appraisal.complete({ ...input, appraisalId: b.id, version: saved.version });

    expect((await r1.appraisal.mine({ ...key, result: week28 })).consensus?.assessment.overall?.final).toBe("low");
    expect((await r2.appraisal.mine({ ...key, result: week28 })).mine).toBeNull();
    const listed = await r1.appraisal.studyResults(key);
    expect(listed.results.map((r) => [r.label, r.mine, r.consensus])).toEqual([
      ["ALSFRS-R change, Week 28", "completed", "low"],
      ["Survival, month 12", "completed", "high"],
    ]);

    const results = await r1.appraisal.results({ ...input, tool: "rob2" });
    expect(results.map((r) => [r.result, r.overall])).toEqual([
      ["ALSFRS-R change, Week 28", "low"],
      ["Survival, month 12", "high"],
    ]);
    expect(
      consensusJudgementFor(results, { studyId: study.id, outcomeId: alsfrs.id, timePoint: "week 28" })?.overall,
    ).toBe("low");
    const { wide } = await r1.appraisal.exportRows({ ...input, source: "consensus" });
    expect(wide.map((w) => [w.outcome, w.timePoint, w.overall])).toEqual([
      ["ALSFRS-R change", "Week 28", "Low risk"],
      ["Survival", "month 12", "High risk"],
    ]);
    const events = await db.auditEvent.findMany({ where: { action: "appraisal.started", entityId: a.id } });
    expect(events[0]!.data).toMatchObject({ outcomeId: alsfrs.id, timePoint: "Week 28" });
  });

  it("keeps an appraisal made before results were named, counts it, and lets its appraiser name its result", async () => {
    const { db, input, lead, r1, key, alsfrs } = await withOutcomes();
    await lead.appraisal.setAppraisers({ ...input, appraisersPerStudy: 1 });
    const old = await r1.appraisal.start(key);
    expect((await db.appraisal.findUniqueOrThrow({ where: { id: old.id } })).outcomeId).toBeNull();
    // The database keeps one unnamed appraisal per appraiser, study and tool (NULLS NOT DISTINCT).
    const row = await db.appraisal.findUniqueOrThrow({ where: { id: old.id } });
    await expect(
      db.appraisal.create({
        data: { reviewId: row.reviewId, studyId: row.studyId, tool: "rob2", appraiserId: row.appraiserId },
      }),
    ).rejects.toThrow();
    expect((await r1.appraisal.start(key)).id).toBe(old.id);

    const named = await r1.appraisal.nameResult({
      ...input,
      appraisalId: old.id,
      version: 0,
      result: { outcomeId: alsfrs.id, timePoint: " week  52 " },
    });
    expect(named.version).toBe(1);
    expect((await r1.appraisal.mine({ ...key, result: { outcomeId: alsfrs.id, timePoint: "week 52" } })).mine?.id).toBe(
      old.id,
    );
    expect((await r1.appraisal.mine(key)).mine).toBeNull();
    // A stale form, a second appraisal of the same result, and an outcome of another review are refused.
    expect(
      (
        await failure(
          r1.appraisal.nameResult({ ...input, appraisalId: old.id, version: 0, result: { outcomeId: alsfrs.id } }),
        )
      ).code,
    ).toBe("STALE");
    const other = await r1.appraisal.start(key);
    expect(
      (
        await failure(
          r1.appraisal.nameResult({
            ...input,
            appraisalId: other.id,
            version: 0,
            result: { outcomeId: alsfrs.id, timePoint: "week 52" },
          }),
        )
      ).message,
    ).toMatch(/already an appraisal of this study for that outcome/);
    expect(
      (await failure(r1.appraisal.start({ ...key, result: { outcomeId: "no-such-outcome", timePoint: "" } }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await failure(
          r1.appraisal.start({
            ...key,
            tool: "validity_of_conclusions",
            result: { outcomeId: alsfrs.id, timePoint: "" },
          }),
        )
      ).message,
    ).toMatch(/appraises the whole study/);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "appraisal.result_named", entityId: old.id },
    });
    expect(audit.data).toMatchObject({ from: { outcomeId: null }, to: { outcomeId: alsfrs.id, timePoint: "week 52" } });
    // An outcome removed from the review leaves the appraisal, its result not named again.
    await db.reviewOutcome.delete({ where: { id: alsfrs.id } });
    expect((await db.appraisal.findUniqueOrThrow({ where: { id: old.id } })).outcomeId).toBeNull();
  });
});
