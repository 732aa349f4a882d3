// Export contents, who may ask for which export, and that a blinded reviewer's export hides what blinding hides.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { GET as downloadRoute } from "../../app/api/reviews/[reviewId]/exports/[exportId]/route";
import { parseText } from "../import/parsers/parser.fixture";
import { parseRis } from "../import/parsers/ris";
import { jobQueue, stopJobQueue } from "../jobs/queue";
import { localStorage } from "../storage/local-storage";
import { callerFor, testDb } from "../test/integration";
import { callRoute } from "../test/route-calls";
import type { ExportRequest } from "./export-jobs";
import { runExport } from "./export-jobs";
import type { ExportPageKind } from "./export-kinds";
import { buildTestReview } from "./review.fixture";

vi.mock("../auth/session", async (original) => ({
  ...(await original<object>()),
  requestSession: (await import("../test/route-calls")).testSession,
}));

const root = mkdtempSync(path.join(tmpdir(), "sift-export-"));
// Downloads go through the route, which reads the process-wide storage: the same folder.
process.env.SIFT_STORAGE_DIR = root;
const storage = localStorage(root);
let pool: pg.Pool;
let built: Awaited<ReturnType<typeof buildTestReview>>;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 3 });
  await jobQueue();
  built = await buildTestReview(testDb());
});
afterAll(async () => {
  await stopJobQueue();
  await pool.end();
});

async function exportAs(userId: string, request: ExportRequest & { kind: ExportPageKind }) {
  const created = await callerFor(testDb(), userId).exports.start({ reviewId: built.review.id, ...request });
  await runExport({ db: testDb(), pool, storage }, created.id);
  const row = await testDb().export.findUniqueOrThrow({ where: { id: created.id } });
  expect(row, row.error ?? "").toMatchObject({ status: "succeeded" });
  return row;
}

async function download(userId: string | null, exportId: string) {
  return callRoute(downloadRoute, userId, { params: { reviewId: built.review.id, exportId } });
}

async function csvOf(
  userId: string,
  request: ExportRequest & { kind: ExportPageKind },
): Promise<Record<string, string>[]> {
  const row = await exportAs(userId, request);
  const bytes = Buffer.from(await (await download(userId, row.id)).arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.subarray(3).toString("utf8"), { columns: true }) as Record<string, string>[];
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return `${err.code}: ${err.message}`;
  }
}

describe("exports", () => {
  it("records with their final decisions and reasons, merged duplicates left out, formulas neutralised", async () => {
    const rows = await csvOf(built.members.lead.id, { kind: "records", format: "csv", stage: "title_abstract" });
    const byTitle = Object.fromEntries(rows.map((r) => [r.title, r]));
    expect(rows).toHaveLength(3);
    expect(byTitle["Mesenchymal stem cells in ALS"]).toMatchObject({
      decision: "included",
      decided_by: "agreement",
      doi: "10.1/msc",
      pmid: "111",
      nct_ids: "NCT01051882",
      source: "PubMed",
      authors: "Petrou, P.; Karussis, D.",
    });
    expect(byTitle["SOD1 mice given MSC"]).toMatchObject({
      decision: "excluded",
      exclusion_reason: "Wrong population",
      source: "ClinicalTrials.gov",
      labels: "Animal study",
      team_notes: expect.stringMatching(/^second-reviewer, \d{4}-\d\d-\d\d: No human arm\.$/),
    });
    expect(byTitle["Mesenchymal stem cells in ALS"]).toMatchObject({ labels: "", team_notes: "" });
    expect(byTitle["'=Neural stem cells, a phase 1 trial"]).toMatchObject({
      decision: "included",
      decided_by: "lead",
      resolution_note: "phase 1 counts",
    });
  });

  it("included records as RIS that Sift's own parser reads back, with the outcome in a note", async () => {
    const row = await exportAs(built.members.lead.id, { kind: "records", format: "ris", filter: "included" });
    const response = await download(built.members.lead.id, row.id);
    expect(response.headers.get("content-disposition")).toMatch(
      /attachment; filename="[\w-]+_records_title-abstract_\d{4}-\d\d-\d\d\.ris"/,
    );
    const { records } = await parseText(parseRis, await response.text());
    expect(records.map((r) => r.title).sort()).toEqual([
      "=Neural stem cells, a phase 1 trial",
      "Mesenchymal stem cells in ALS",
    ]);
    expect(records.find((r) => r.title.startsWith("Mesenchymal"))?.raw.N1).toContain("Sift title/abstract: included");
  });

  it("an XLSX workbook with a header row and safe cells", async () => {
    const row = await exportAs(built.members.owner.id, { kind: "records", format: "xlsx", filter: "excluded" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(await (await download(built.members.owner.id, row.id)).arrayBuffer()) as unknown as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Records");
    expect(sheet.rowCount).toBe(2);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const values = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(values[header.indexOf("title")]).toBe("SOD1 mice given MSC");
    expect(values[header.indexOf("exclusion_reason")]).toBe("Wrong population");
  });

  it("the decision log holds every decision, change and resolution with the person and time", async () => {
    const rows = await csvOf(built.members.lead.id, { kind: "decision_log", format: "csv" });
    expect(rows.map((r) => r.action)).toEqual([
      ...Array(2).fill("decision.recorded"),
      "decision.changed",
      ...Array(4).fill("decision.recorded"),
      "conflict.resolved",
    ]);
    const change = rows.find((r) => r.action === "decision.changed")!;
    expect(change).toMatchObject({
      verdict: "include",
      previous_verdict: "maybe",
      previous_note: "check dose",
      note: "dose fine",
      person: "second-reviewer",
      title: "Mesenchymal stem cells in ALS",
    });
    expect(change.email).toBe(built.members.second.email);
    expect(rows.at(-1)).toMatchObject({
      action: "conflict.resolved",
      verdict: "include",
      person: "lead",
      title: "'=Neural stem cells, a phase 1 trial",
    });
    expect(rows.every((r) => !Number.isNaN(Date.parse(r.time!)))).toBe(true);
  });

  it("conflicts with both sides and their resolution, and the agreement report", async () => {
    const conflicts = await csvOf(built.members.lead.id, { kind: "conflicts", format: "csv" });
    const resolved = conflicts.find((c) => c.status === "resolved")!;
    expect(conflicts.map((c) => c.status).sort()).toEqual(["resolved", "withdrawn"]);
    expect(resolved).toMatchObject({ resolution: "include", resolved_by: "lead", resolution_note: "phase 1 counts" });
    expect(resolved.decisions).toContain("second-reviewer: exclude (Wrong population) — secret note");
    const agreement = await csvOf(built.members.lead.id, { kind: "agreement", format: "csv" });
    expect(agreement).toEqual([
      expect.objectContaining({
        stage: "title_abstract",
        statistic: "Cohen's kappa",
        reviewers: expect.stringContaining("second-reviewer"),
        records: "3",
      }),
    ]);
  });

  it("a bundle export is a file a lead can download", async () => {
    const row = await exportAs(built.members.lead.id, { kind: "bundle", format: "bundle" });
    const response = await download(built.members.lead.id, row.id);
    expect(response.headers.get("content-type")).toBe("application/gzip");
    expect(row.total).toBeGreaterThan(20);
    expect(row.done).toBe(row.total);
  });

  it("a blinded reviewer's records export shows only outcomes a lead resolved, and no one's notes", async () => {
    const rows = await csvOf(built.members.reviewer.id, { kind: "records", format: "csv" });
    expect(rows.map((r) => [r.title, r.decision]).sort()).toEqual([
      ["'=Neural stem cells, a phase 1 trial", "included"],
      ["Mesenchymal stem cells in ALS", ""],
      ["SOD1 mice given MSC", ""],
    ]);
    expect(JSON.stringify(rows)).not.toContain("secret note");
    const filtered = await csvOf(built.members.reviewer.id, { kind: "records", format: "csv", filter: "excluded" });
    expect(filtered).toEqual([]);
  });

  it("logs, conflicts, agreement and bundles are for leads; formats must fit; files are for their requester", async () => {
    const reviewer = callerFor(testDb(), built.members.reviewer.id).exports;
    for (const kind of ["decision_log", "conflicts", "agreement"] as const) {
      expect(await refusal(reviewer.start({ reviewId: built.review.id, kind, format: "csv" }))).toMatch(
        /^FORBIDDEN: .* for the review's leads and owners/,
      );
    }
    expect(await refusal(reviewer.start({ reviewId: built.review.id, kind: "bundle", format: "bundle" }))).toMatch(
      /^FORBIDDEN/,
    );
    expect(await refusal(reviewer.start({ reviewId: built.review.id, kind: "records", format: "bundle" }))).toMatch(
      /^BAD_REQUEST: .*CSV, XLSX, RIS/,
    );

    const leads = await exportAs(built.members.lead.id, { kind: "decision_log", format: "xlsx" });
    expect((await download(built.members.reviewer.id, leads.id)).status).toBe(404);
    expect((await download(null, leads.id)).status).toBe(401);
    expect((await reviewer.mine({ reviewId: built.review.id })).every((e) => e.kind === "records")).toBe(true);
    // A lead demoted after asking can no longer fetch the lead-only file.
    await testDb().membership.updateMany({
      where: { reviewId: built.review.id, userId: built.members.lead.id },
      data: { role: "reviewer" },
    });
    try {
      expect((await download(built.members.lead.id, leads.id)).status).toBe(403);
    } finally {
      await testDb().membership.updateMany({
        where: { reviewId: built.review.id, userId: built.members.lead.id },
        data: { role: "lead" },
      });
    }
  });
});
