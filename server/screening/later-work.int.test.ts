// Later work that hangs on an inclusion a lead takes back (reopen or override): refused with a message naming it
// until the lead confirms, then undone exactly, audited, with PRISMA and the studies following.
import { mkdtempSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { attachReportFile } from "../full-text/attach-file";
import { localStorage } from "../storage/local-storage";
import { FT, reopenTeam, TA } from "./reopen.fixture";

const root = mkdtempSync(path.join(tmpdir(), "sift-later-work-"));
// The router deletes files through the process-wide storage: pointed at the same folder, so files can be checked.
process.env.SIFT_STORAGE_DIR = root;
const storage = localStorage(root);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function pdfsUnder(reviewId: string): Promise<string[]> {
  const dir = path.join(root, "reviews", reviewId);
  return (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

/**
 * Two records included at both stages from PDFs; the first is the only report of the study "Petrou 2016" (two
 * extractors assigned, one appraisal), the second is alone in the study "Berry 2019".
 */
async function includedInStudies() {
  const t = await reopenTeam(2);
  const { reviewId, ids, lead, db } = t;
  const [r0, r1] = ids as [string, string];
  const reports = [];
  for (const recordId of [r0, r1]) {
    await t.both(TA, recordId, ["include", "include"]);
    const report = await db.report.findUniqueOrThrow({ where: { recordId } });
    await attachReportFile(
      { db, storage },
      { reviewId, actorId: t.users.lead.id, role: "lead" },
      { reportId: report.id, fileName: `trial-${reports.length}.pdf`, body: Readable.from([PDF]) },
    );
    await t.both(FT, recordId, ["include", "include"]);
    reports.push(report);
  }
  const petrou = await lead.studies.create({ reviewId, reportIds: [reports[0]!.id], label: "Petrou 2016" });
  const berry = await lead.studies.create({ reviewId, reportIds: [reports[1]!.id], label: "Berry 2019" });
  const [form] = await lead.extraction.forms({ reviewId });
  await lead.extraction.assign({
    reviewId,
    formId: form!.id,
    studyId: petrou.id,
    extractorIds: [t.users.a.id, t.users.b.id],
  });
  await db.appraisal.create({ data: { reviewId, studyId: petrou.id, tool: "rob2", appraiserId: t.users.a.id } });
  return { ...t, r0, r1, reports, petrou, berry, formId: form!.id };
}

describe("later work on a settled inclusion", () => {
  it("refuses to reopen a title/abstract inclusion whose report has a PDF, full-text decisions and a study until the lead confirms, then undoes exactly that, audited", async () => {
    const t = await includedInStudies();
    const { reviewId, r0, r1, lead, db, reports, petrou } = t;
    expect((await t.flow()).values).toMatchObject({
      records_excluded: 0,
      dbr_sought_reports: 2,
      dbr_assessed: 2,
      new_reports: 2,
      new_studies: 2,
    });
    expect(await pdfsUnder(reviewId)).toHaveLength(2);

    const impact = await lead.screening.reopenImpact({ reviewId, stage: TA, recordId: r0 });
    expect(impact).toMatchObject({
      needsConfirmation: true,
      summary:
        "This record's report has a PDF and 2 full-text decisions, and is in study “Petrou 2016” with 2 data extractions and an appraisal.",
      undoes: [
        "The full-text report is removed from the review, and its PDF “trial-0.pdf” is deleted.",
        "Its 2 full-text decisions stop counting (kept in the record's history).",
        "Its full-text outcome (included) is withdrawn.",
        "The study “Petrou 2016” is deleted, as this is its only report, with its 2 data extractions and its appraisal.",
      ],
    });
    await expect(lead.screening.reopen({ reviewId, stage: TA, recordId: r0 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(
        /^This record's report has a PDF and 2 full-text decisions, and is in study “Petrou 2016” with 2 data extractions and an appraisal\. Reopening it undoes that work: .*Confirm to go ahead\.$/,
      ),
    });
    // Refused: nothing changed.
    expect(await t.outcome(r0, TA)).toMatchObject({ status: "included" });
    expect(await db.report.count({ where: { id: reports[0]!.id } })).toBe(1);

    const done = await lead.screening.reopen({ reviewId, stage: TA, recordId: r0, note: "Not ALS", confirm: true });
    expect(done.undone).toEqual(impact.undoes);
    expect(await t.outcome(r0, TA)).toMatchObject({ status: "awaiting" });
    expect(await t.outcome(r0, FT)).toBeNull();
    expect(await db.report.count({ where: { recordId: r0 } })).toBe(0);
    expect(await db.study.count({ where: { id: petrou.id } })).toBe(0);
    expect(await db.extraction.count({ where: { studyId: petrou.id } })).toBe(0);
    expect(await db.appraisal.count({ where: { studyId: petrou.id } })).toBe(0);
    expect(await db.screeningDecision.count({ where: { recordId: r0 } })).toBe(0);
    expect(await db.supersededDecision.count({ where: { recordId: r0, stage: FT } })).toBe(2);
    expect(await pdfsUnder(reviewId)).toEqual(["trial-1.pdf"]);
    // The other record and its study are untouched.
    expect(await t.outcome(r1, FT)).toMatchObject({ status: "included" });
    expect(await db.study.count({ where: { id: t.berry.id } })).toBe(1);

    const events = await db.auditEvent.findMany({
      where: { reviewId, action: { in: ["outcome.reopened", "study.removed", "study.reports_moved"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.action).sort()).toEqual(["outcome.reopened", "study.removed", "study.reports_moved"]);
    expect(events.find((e) => e.action === "outcome.reopened")!.data).toMatchObject({
      undone: {
        report: { id: reports[0]!.id, retrievalStatus: "retrieved", fileName: "trial-0.pdf" },
        fullTextDecisions: 2,
        fullTextOutcome: "included",
        study: { label: "Petrou 2016", otherReports: 0, extractions: 2, appraisals: 1 },
      },
    });
    expect(events.find((e) => e.action === "study.removed")).toMatchObject({
      entityId: petrou.id,
      data: { label: "Petrou 2016", extractions: 2, appraisals: 1 },
    });

    const flow = await t.flow();
    expect(flow.values).toMatchObject({
      records_screened: 2,
      records_excluded: 0,
      dbr_sought_reports: 1,
      dbr_assessed: 1,
      new_reports: 1,
      new_studies: 1,
    });
    // The record's page still tells its full-text story, from the report it no longer has.
    const page = await lead.records.get({ reviewId, recordId: r0 });
    expect(page.history.map((e) => e.kind)).toEqual(expect.arrayContaining(["full_text", "study", "reopened"]));
    expect(page.history.find((e) => e.kind === "reopened")).toMatchObject({ undone: impact.undoes, note: "Not ALS" });
  });

  it("overriding a full-text inclusion to an exclusion takes the report out of its study after confirmation; a study with other reports keeps its extraction", async () => {
    const t = await includedInStudies();
    const { reviewId, r1, lead, db, reports, petrou, berry } = t;
    // Berry 2019 gets the other report too, so it outlives losing one (Petrou 2016 goes, being left empty).
    await db.report.update({ where: { id: reports[0]!.id }, data: { studyId: berry.id } });
    await db.study.delete({ where: { id: petrou.id } });
    const [form] = await lead.extraction.forms({ reviewId });
    await lead.extraction.assign({ reviewId, formId: form!.id, studyId: berry.id, extractorIds: [t.users.a.id] });

    const impact = await lead.screening.reopenImpact({ reviewId, stage: FT, recordId: r1, overrideTo: "exclude" });
    expect(impact).toMatchObject({
      needsConfirmation: true,
      summary: "This report is in study “Berry 2019” with a data extraction.",
      undoes: ["It leaves the study “Berry 2019”, which keeps its other report and its data extraction."],
    });
    const input = {
      reviewId,
      stage: FT,
      recordId: r1,
      verdict: "exclude" as const,
      reasonId: t.reason("Wrong design"),
      note: "Open-label extension, no control",
    };
    await expect(lead.screening.override(input)).rejects.toThrow(/^This report is in study “Berry 2019”/);
    await lead.screening.override({ ...input, confirm: true });
    expect(await db.report.findUniqueOrThrow({ where: { id: reports[1]!.id } })).toMatchObject({ studyId: null });
    expect(await db.study.findUniqueOrThrow({ where: { id: berry.id } })).toBeTruthy();
    expect(await db.extraction.count({ where: { studyId: berry.id } })).toBe(1);
    expect(await t.outcome(r1, FT)).toMatchObject({ status: "excluded", reasonId: t.reason("Wrong design") });
    expect(await t.outcome(r1, TA)).toMatchObject({ status: "included" });
    expect(await pdfsUnder(reviewId)).toHaveLength(2);

    const flow = await t.flow();
    expect(flow.values).toMatchObject({ dbr_assessed: 2, dbr_excluded: 1, new_reports: 1, new_studies: 1 });
    expect(flow.dbrExcluded).toEqual([{ reason: "Wrong design", n: 1 }]);
    expect(flow.checks.every((c) => c.holds)).toBe(true);
  });
});
