import { mkdtempSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { GET as fileRoute, POST as uploadRoute } from "../../app/api/reports/[reportId]/file/route";
import type { Db } from "../db/client";
import type { MemberScope } from "../shared/actor";
import { localStorage } from "../storage/local-storage";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";
import { callRoute } from "../test/route-calls";
import { attachReportFile } from "./attach-file";

vi.mock("../auth/session", async (original) => ({
  ...(await original<object>()),
  requestSession: (await import("../test/route-calls")).testSession,
}));

const root = mkdtempSync(path.join(tmpdir(), "sift-fulltext-"));
// The router's mutations and the file route use the process-wide storage: pointed at the same folder, so files can be checked.
process.env.SIFT_STORAGE_DIR = root;
const storage = localStorage(root);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/**
 * A review screened by one reviewer per record at both stages, unblinded (a blinded reviewer may not retrieve:
 * see the blinding test), with `n` records included at title/abstract.
 */
async function includedTeam(n = 2) {
  const db = testDb();
  const { review, members } = await makeTeam(db);
  await db.reviewStageSetting.updateMany({
    where: { reviewId: review.id },
    data: { reviewersPerRecord: 1, blinded: false },
  });
  const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
  const records = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      db.record.create({ data: { reviewId: review.id, sourceId: source.id, title: `Trial ${i}` } }),
    ),
  );
  const reviewer = callerFor(db, members.reviewer.id);
  for (const r of records)
    await reviewer.screening.decide({
      reviewId: review.id,
      stage: "title_abstract",
      recordId: r.id,
      verdict: "include",
    });
  const reports = await Promise.all(records.map((r) => db.report.findUniqueOrThrow({ where: { recordId: r.id } })));
  const reason = await db.exclusionReason.create({
    data: { reviewId: review.id, stage: "full_text", label: "Wrong outcomes", position: 99 },
  });
  return {
    db,
    review,
    members,
    records,
    reports,
    reason,
    scope: { reviewId: review.id, actorId: members.reviewer.id, role: "reviewer" as const },
  };
}

const attach = (db: Db, scope: MemberScope, reportId: string, body: Buffer, fileName = "paper.pdf", max?: number) =>
  attachReportFile({ db, storage }, scope, { reportId, fileName, body: Readable.from([body]) }, max);

async function filesUnder(reviewId: string): Promise<string[]> {
  const dir = path.join(root, "reviews", reviewId);
  return (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

const audit = (db: Db, reportId: string) =>
  db.auditEvent
    .findMany({
      where: { entityType: "report", entityId: reportId },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    })
    .then((a) => a.map((e) => e.action));

describe("full-text retrieval", () => {
  it("attaches a PDF, replaces it keeping one file, sets a link, marks not retrieved and undoes, each audited", async () => {
    const { db, review, reports, scope, members } = await includedTeam(1);
    const report = reports[0]!;
    expect(report.retrievalStatus).toBe("sought");

    const first = await attach(db, scope, report.id, PDF, "Mazzini 2015.pdf");
    expect(first).toMatchObject({ retrievalStatus: "retrieved", fileName: "Mazzini 2015.pdf", byteSize: PDF.length });
    const second = await attach(
      db,
      scope,
      report.id,
      Buffer.concat([PDF, Buffer.from("% second\n")]),
      "better copy.pdf",
    );
    expect(second.fileKey).not.toBe(first.fileKey);
    expect(await filesUnder(review.id)).toEqual(["better_copy.pdf"]);

    const caller = callerFor(db, members.reviewer.id).fullText;
    await caller.setLink({
      reviewId: review.id,
      reportId: report.id,
      url: "https://doi.org/10.1212/WNL.0000000000001640",
    });
    expect(await db.report.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      retrievalStatus: "retrieved",
      fileName: "better copy.pdf",
      url: "https://doi.org/10.1212/WNL.0000000000001640",
    });

    await caller.markNotRetrieved({
      reviewId: review.id,
      reportId: report.id,
      note: "Asked the authors twice; no answer",
    });
    expect(await db.report.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      retrievalStatus: "not_retrieved",
      retrievalNote: "Asked the authors twice; no answer",
      fileKey: null,
      url: null,
    });
    expect(await filesUnder(review.id)).toEqual([]);

    await caller.undoRetrieval({ reviewId: review.id, reportId: report.id });
    expect(await db.report.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      retrievalStatus: "sought",
      retrievalNote: "",
    });
    expect(await audit(db, report.id)).toEqual([
      "report.file_attached",
      "report.file_attached",
      "report.link_set",
      "report.not_retrieved",
      "report.retrieval_undone",
    ]);
  });

  it("refuses a report of another review, a file too big and a file that is not a PDF, writing nothing", async () => {
    const { db, reports, scope, members } = await includedTeam(1);
    const other = await includedTeam(1);
    const foreign = other.reports[0]!;
    await expect(attach(db, scope, foreign.id, PDF)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      callerFor(db, members.reviewer.id).fullText.setLink({
        reviewId: scope.reviewId,
        reportId: foreign.id,
        url: "https://example.org/x.pdf",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "That report is not in this review." });
    await expect(
      callerFor(db, members.reviewer.id).fullText.markNotRetrieved({ reviewId: scope.reviewId, reportId: foreign.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.report.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({
      retrievalStatus: "sought",
      url: null,
    });

    const own = reports[0]!;
    await expect(
      attach(db, scope, own.id, Buffer.concat([PDF, Buffer.alloc(4096)]), "big.pdf", 1024),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/^This PDF is larger than the \d+ MB limit\.$/),
    });
    await expect(
      attach(db, scope, own.id, Buffer.from("<!doctype html><p>Sign in to read"), "paper.pdf"),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("not a PDF"),
    });
    await expect(
      callerFor(db, members.reviewer.id).fullText.setLink({
        reviewId: scope.reviewId,
        reportId: own.id,
        url: "javascript:alert(1)",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.report.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({
      retrievalStatus: "sought",
      fileKey: null,
    });
    expect(await filesUnder(scope.reviewId)).toEqual([]);
    expect(await audit(db, own.id)).toEqual([]);
  });

  it("a retrieved report enters full-text screening, where an exclusion needs its one reason", async () => {
    const { db, review, reports, records, reason, scope, members } = await includedTeam(2);
    const reviewer = callerFor(db, members.reviewer.id);
    const next = () => reviewer.screening.next({ reviewId: review.id, stage: "full_text", count: 5 });
    expect(await next()).toEqual([]);
    await attach(db, scope, reports[0]!.id, PDF);
    await reviewer.fullText.markNotRetrieved({ reviewId: review.id, reportId: reports[1]!.id });
    const served = await next();
    expect(served.map((s) => s.record.id)).toEqual([records[0]!.id]);
    expect(served[0]!.record.report).toMatchObject({ id: reports[0]!.id, retrievalStatus: "retrieved" });
    await expect(
      reviewer.screening.decide({
        reviewId: review.id,
        stage: "full_text",
        recordId: records[1]!.id,
        verdict: "include",
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining("not in full-text screening") });

    const decide = {
      reviewId: review.id,
      stage: "full_text" as const,
      recordId: records[0]!.id,
      verdict: "exclude" as const,
    };
    await expect(reviewer.screening.decide(decide)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Choose an exclusion reason"),
    });
    await reviewer.screening.decide({ ...decide, reasonId: reason.id });
    expect(
      await db.screeningOutcome.findUniqueOrThrow({
        where: { recordId_stage: { recordId: records[0]!.id, stage: "full_text" } },
      }),
    ).toMatchObject({
      status: "excluded",
      reasonId: reason.id,
    });
    // Screening has started: the full text can be replaced, not taken away.
    await expect(
      reviewer.fullText.undoRetrieval({ reviewId: review.id, reportId: reports[0]!.id }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await attach(db, scope, reports[0]!.id, PDF, "replacement.pdf");

    const list = await callerFor(db, members.lead.id).fullText.list({ reviewId: review.id });
    expect(list.visible && list.counts).toEqual({
      byStatus: { sought: 0, retrieved: 1, not_retrieved: 1 },
      byOutcome: { awaiting: 0, conflict: 0, included: 0, excluded: 1 },
    });
    const excluded = await callerFor(db, members.lead.id).fullText.list({ reviewId: review.id, outcome: "excluded" });
    expect(excluded.visible && excluded.items.map((i) => [i.id, i.fullTextReason, i.screeningStarted])).toEqual([
      [reports[0]!.id, "Wrong outcomes", true],
    ]);
  });

  it("full-text conflicts reach the lead, whose exclusion needs the final reason too", async () => {
    const { db, review, reports, records, reason, scope, members } = await includedTeam(1);
    await db.reviewStageSetting.update({
      where: { reviewId_stage: { reviewId: review.id, stage: "full_text" } },
      data: { reviewersPerRecord: 2 },
    });
    await attach(db, scope, reports[0]!.id, PDF);
    const decide = { reviewId: review.id, stage: "full_text" as const, recordId: records[0]!.id };
    await callerFor(db, members.reviewer.id).screening.decide({ ...decide, verdict: "include" });
    await callerFor(db, members.lead.id).screening.decide({ ...decide, verdict: "exclude", reasonId: reason.id });
    const lead = callerFor(db, members.lead.id).screening;
    const [conflict] = await lead.conflicts({ reviewId: review.id, stage: "full_text" });
    expect(conflict?.record.report).toMatchObject({ id: reports[0]!.id, fileName: "paper.pdf" });
    await expect(
      lead.resolveConflict({ reviewId: review.id, conflictId: conflict!.id, verdict: "exclude" }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("Choose the final exclusion reason"),
    });
    await lead.resolveConflict({
      reviewId: review.id,
      conflictId: conflict!.id,
      verdict: "exclude",
      reasonId: reason.id,
    });
    const list = await callerFor(db, members.lead.id).fullText.list({ reviewId: review.id, outcome: "excluded" });
    expect(list.visible && list.items.map((i) => i.fullTextReason)).toEqual(["Wrong outcomes"]);
  });

  it("a report whose title/abstract inclusion is taken back leaves the list and full-text screening, keeping its PDF", async () => {
    const { db, review, reports, records, scope, members } = await includedTeam(1);
    await attach(db, scope, reports[0]!.id, PDF);
    const reviewer = callerFor(db, members.reviewer.id);
    await reviewer.screening.decide({
      reviewId: review.id,
      stage: "title_abstract",
      recordId: records[0]!.id,
      verdict: "exclude",
    });
    expect(await db.report.count({ where: { id: reports[0]!.id, fileKey: { not: null } } })).toBe(1);
    expect(await reviewer.screening.next({ reviewId: review.id, stage: "full_text", count: 5 })).toEqual([]);
    const list = await callerFor(db, members.lead.id).fullText.list({ reviewId: review.id });
    expect(list.visible && list.items).toEqual([]);
  });

  it("while title/abstract is blinded, only leads see which records reached full text", async () => {
    const { db, review, members } = await includedTeam(1);
    await db.reviewStageSetting.updateMany({ where: { reviewId: review.id }, data: { blinded: true } });
    expect(await callerFor(db, members.reviewer.id).fullText.list({ reviewId: review.id })).toEqual({ visible: false });
    expect(await callerFor(db, members.observer.id).fullText.list({ reviewId: review.id })).toEqual({ visible: false });
    const lead = await callerFor(db, members.lead.id).fullText.list({ reviewId: review.id });
    expect(lead.visible && lead.items).toHaveLength(1);
    await db.reviewStageSetting.updateMany({ where: { reviewId: review.id }, data: { blinded: false } });
    const open = await callerFor(db, members.observer.id).fullText.list({ reviewId: review.id });
    expect(open.visible && open.items).toHaveLength(1);
  });
});

describe("full-text file route", () => {
  const upload = (_db: Db, userId: string | null, reviewId: string, reportId: string, body: Buffer) =>
    callRoute(uploadRoute, userId, {
      params: { reportId },
      query: { reviewId, fileName: "paper.pdf" },
      body: new Blob([new Uint8Array(body)]).stream(),
    });

  it("takes uploads from reviewers of the report's review only, with clear errors", async () => {
    const { db, review, reports, members } = await includedTeam(1);
    const other = await includedTeam(1);
    expect((await upload(db, null, review.id, reports[0]!.id, PDF)).status).toBe(401);
    expect((await upload(db, members.observer.id, review.id, reports[0]!.id, PDF)).status).toBe(403);
    const forged = await upload(db, members.reviewer.id, review.id, other.reports[0]!.id, PDF);
    expect(forged.status).toBe(404);
    const notPdf = await upload(
      db,
      members.reviewer.id,
      review.id,
      reports[0]!.id,
      Buffer.from("PK\u0003\u0004 a zip file"),
    );
    expect(notPdf.status).toBe(400);
    expect((await notPdf.json()).error).toMatch(/not a PDF/);
    expect(
      await db.report.count({ where: { id: { in: [reports[0]!.id, other.reports[0]!.id] }, fileKey: { not: null } } }),
    ).toBe(0);
    const ok = await upload(db, members.reviewer.id, review.id, reports[0]!.id, PDF);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ reportId: reports[0]!.id, fileName: "paper.pdf", byteSize: PDF.length });
  });

  it("serves the PDF inline to any member and the same refusal to non-members and unknown ids", async () => {
    const { db, reports, scope, members } = await includedTeam(1);
    await attach(db, scope, reports[0]!.id, PDF, 'Résumé "final".pdf');
    const outsider = await makeUser(db, "outsider");
    const get = (userId: string | null, reportId = reports[0]!.id) =>
      callRoute(fileRoute, userId, { params: { reportId } });

    const served = await get(members.observer.id);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("application/pdf");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(served.headers.get("Content-Disposition")).toMatch(/^inline; filename="Resume _final_\.pdf"/);
    expect(Buffer.from(await served.arrayBuffer()).equals(PDF)).toBe(true);

    expect((await get(null)).status).toBe(401);
    const refused = await get(outsider.id);
    const unknown = await get(outsider.id, "no-such-report");
    expect([refused.status, unknown.status]).toEqual([404, 404]);
    expect(await refused.json()).toEqual(await unknown.json());
    await db.membership.update({
      where: { reviewId_userId: { reviewId: scope.reviewId, userId: members.observer.id } },
      data: { removedAt: new Date() },
    });
    expect((await get(members.observer.id)).status).toBe(404);
  });
});
