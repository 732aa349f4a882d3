// The search log: each import's database, platform, date, search string and limits, written by leads on upload
// and corrected after; exported as the review's search summary (CSV, XLSX), whose per-database totals are the
// PRISMA flow's identification counts.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as searchLogRoute } from "../../app/api/reviews/[reviewId]/imports/search-log/route";
import { stopJobQueue } from "../jobs/queue";
import { callerFor, makeTeam, testDb } from "../test/integration";
import { callRoute } from "../test/route-calls";
import { importText, ris, startQueue } from "./imports.fixture";

vi.mock("../auth/session", async (original) => ({
  ...(await original<object>()),
  requestSession: (await import("../test/route-calls")).testSession,
}));

beforeAll(startQueue);
afterAll(stopJobQueue);

const records = (prefix: string, n: number) =>
  ris(
    Array.from({ length: n }, (_, i) => ({
      title: `${prefix} record ${i} about stem cells in ALS`,
      doi: `10.4000/${prefix}.${i}`,
    })),
  );

const OVID_STRATEGY = "1. exp Amyotrophic Lateral Sclerosis/\n2. exp Stem Cells/\n3. 1 and 2";

async function searches() {
  const db = testDb();
  const { review, members } = await makeTeam(db);
  const reviewId = review.id;
  const lead = { reviewId, actorId: members.lead.id };
  const pubmed = await importText(db, lead, "pubmed.nbib.ris", records("pubmed", 3));
  const embase = await importText(db, lead, "embase.ris", records("embase", 2), { name: "Embase" });
  const caller = callerFor(db, members.lead.id);
  await caller.imports.updateSearchLog({
    reviewId,
    importId: pubmed,
    source: { name: "PubMed", kind: "database" },
    platform: "PubMed.gov",
    searchedOn: "2026-11-02",
    searchString: '("amyotrophic lateral sclerosis"[MeSH] OR ALS[tiab]) AND "stem cells"[MeSH]',
    limits: "Humans; English; 2000–2026",
  });
  return { db, review, reviewId, members, caller, pubmed, embase };
}

describe("the search log", () => {
  it("keeps each import's search as a lead wrote it, and a lead's corrections with their audit trail", async () => {
    const { db, reviewId, caller, pubmed, embase } = await searches();
    await caller.imports.updateSearchLog({
      reviewId,
      importId: embase,
      source: { name: "Embase", kind: "database" },
      platform: "Ovid",
      searchedOn: "2026-11-03",
      searchString: OVID_STRATEGY,
      limits: "",
    });
    // Corrected after the fact: the platform was Embase.com, not Ovid.
    const changed = await caller.imports.updateSearchLog({
      reviewId,
      importId: embase,
      source: { name: "Embase", kind: "database" },
      platform: "Embase.com",
      searchedOn: "2026-11-03",
      searchString: OVID_STRATEGY,
      limits: "",
    });
    expect(changed.changed).toEqual(["platform"]);
    expect(await caller.imports.searchLog({ reviewId })).toEqual([
      expect.objectContaining({
        importId: embase,
        database: "Embase",
        kind: "database",
        platform: "Embase.com",
        searchedOn: "2026-11-03",
        searchString: OVID_STRATEGY,
        limits: "",
        records: 2,
        fileName: "embase.ris",
        importedBy: "lead",
      }),
      expect.objectContaining({
        importId: pubmed,
        database: "PubMed",
        platform: "PubMed.gov",
        searchedOn: "2026-11-02",
        limits: "Humans; English; 2000–2026",
        records: 3,
      }),
    ]);
    const events = await db.auditEvent.findMany({
      where: { entityId: embase, action: "import.search_log_updated" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.at(-1)!.data).toEqual({ platform: { from: "Ovid", to: "Embase.com" } });
  });

  it("refuses a date in the future, a day that does not exist, and anyone but a lead", async () => {
    const { reviewId, members, caller, pubmed } = await searches();
    const entry = {
      reviewId,
      importId: pubmed,
      source: { name: "PubMed", kind: "database" as const },
      platform: "",
      searchString: "",
      limits: "",
    };
    await expect(caller.imports.updateSearchLog({ ...entry, searchedOn: "2999-01-01" })).rejects.toThrow(/future/);
    await expect(caller.imports.updateSearchLog({ ...entry, searchedOn: "2026-02-30" })).rejects.toThrow(
      /does not exist/,
    );
    await expect(
      callerFor(testDb(), members.reviewer.id).imports.updateSearchLog({ ...entry, searchedOn: null }),
    ).rejects.toThrow(/lead role or higher/);
    expect((await caller.imports.searchLog({ reviewId })).find((s) => s.importId === pubmed)!.platform).toBe(
      "PubMed.gov",
    );
  });

  it("exports the review's search summary as CSV and XLSX, one row per search", async () => {
    const { reviewId, members } = await searches();
    const csv = await callRoute(searchLogRoute, members.observer.id, {
      params: { reviewId },
      query: { format: "csv" },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/search-summary-\d{4}-\d{2}-\d{2}\.csv/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      "Database or source,Source kind,Interface or platform,Date searched,Search string,Limits and filters,Records identified,File,Imported on,Imported by",
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(
      'PubMed,Database,PubMed.gov,2026-11-02,"(""amyotrophic lateral sclerosis""[MeSH] OR ALS[tiab]) AND ""stem cells""[MeSH]",Humans; English; 2000–2026,3,pubmed.nbib.ris',
    );

    const xlsx = await callRoute(searchLogRoute, members.lead.id, { params: { reviewId }, query: { format: "xlsx" } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet("Searches")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Database or source");
    expect(sheet.getRow(3).getCell(1).value).toBe("PubMed");
    expect(sheet.getRow(3).getCell(7).value).toBe(3);
  });

  it("gives PRISMA its per-database counts: a search moved to another database or kind moves its records there", async () => {
    const { reviewId, caller, pubmed, embase } = await searches();
    const counts = async () => {
      const { flow } = await caller.prisma2020Flow.diagram({ reviewId });
      return {
        databases: flow.databases,
        registers: flow.registers,
        database_results: flow.values.database_results,
        register_results: flow.values.register_results,
      };
    };
    const byDatabase = async () => {
      const totals = new Map<string, number>();
      for (const s of await caller.imports.searchLog({ reviewId }))
        totals.set(s.database, (totals.get(s.database) ?? 0) + s.records);
      return Object.fromEntries(totals);
    };
    expect(await counts()).toEqual({
      databases: [
        { name: "PubMed", n: 3 },
        { name: "Embase", n: 2 },
      ],
      registers: [],
      database_results: 5,
      register_results: 0,
    });
    expect(await byDatabase()).toEqual({ PubMed: 3, Embase: 2 });

    // The PubMed search was really run in MEDLINE on Ovid; the Embase file was a trial register's export.
    await caller.imports.updateSearchLog({
      reviewId,
      importId: pubmed,
      source: { name: "MEDLINE", kind: "database" },
      platform: "Ovid",
      searchedOn: "2026-11-02",
      searchString: OVID_STRATEGY,
      limits: "",
    });
    await caller.imports.updateSearchLog({
      reviewId,
      importId: embase,
      source: { name: "ClinicalTrials.gov", kind: "register" },
      platform: "",
      searchedOn: null,
      searchString: "ALS AND stem cell",
      limits: "",
    });
    expect(await counts()).toEqual({
      databases: [{ name: "MEDLINE", n: 3 }],
      registers: [{ name: "ClinicalTrials.gov", n: 2 }],
      database_results: 3,
      register_results: 2,
    });
    expect(await byDatabase()).toEqual({ MEDLINE: 3, "ClinicalTrials.gov": 2 });
    // A name already used for another kind of source is refused rather than mixing the two.
    await expect(
      caller.imports.updateSearchLog({
        reviewId,
        importId: pubmed,
        source: { name: "ClinicalTrials.gov", kind: "database" },
        platform: "",
        searchedOn: null,
        searchString: "",
        limits: "",
      }),
    ).rejects.toThrow(/already a source of this review of another kind/);
  });
});
