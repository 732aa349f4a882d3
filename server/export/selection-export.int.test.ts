// Exporting the records chosen in the browser as a background export: any number of them, read as the filters
// select when the job runs, for the member who asked and as the browser shows it to them, refused clearly when
// the choice cannot be made, and audited.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { jobQueue, stopJobQueue } from "../jobs/queue";
import { type BrowseReview, browseReview, decide, type RecordName } from "../records/browse.fixture";
import { testDb } from "../test/integration";
import { askForSelection, buildExport, csvLines, exportSelection } from "./selection.fixture";

let f: BrowseReview;

beforeAll(async () => {
  // Asking for an export queues its job.
  process.env.DATABASE_URL = inject("databaseUrl");
  await jobQueue();
  f = await browseReview(testDb());
});
afterAll(stopJobQueue);

const idColumn = (file: string) =>
  csvLines(file)
    .slice(1)
    .map((line) => line.split(",")[0]!);

describe("exporting a selection", () => {
  it("writes the ticked records as CSV in import order with the stage's final decisions, and as RIS", async () => {
    const g = await browseReview(testDb());
    await decide(g, "A", "mouse", "exclude");
    await decide(g, "B", "mouse", "exclude");
    const recordIds = [g.ids.mouse, g.ids.msc];
    const { row, file } = await exportSelection(testDb(), g.people.lead.id, {
      reviewId: g.review.id,
      format: "csv",
      recordIds,
    });
    expect(row).toMatchObject({ status: "succeeded", kind: "selection", total: 2, done: 2 });
    expect(row.fileName).toMatch(new RegExp(`^${g.review.slug}_selection_title-abstract_\\d{4}-\\d\\d-\\d\\d\\.csv$`));
    const lines = csvLines(file);
    expect(lines[0]!.split(",").slice(0, 3)).toEqual(["sift_id", "title", "authors"]);
    expect(idColumn(file)).toEqual([...recordIds].sort());
    expect(lines.find((l) => l.startsWith(g.ids.mouse))).toContain(",excluded,Not about ALS,");

    const ris = await exportSelection(testDb(), g.people.lead.id, {
      reviewId: g.review.id,
      format: "ris",
      recordIds: [g.ids.mouse],
    });
    expect(ris.file.match(/^TY {2}- /gm)).toHaveLength(1);
    expect(ris.file).toContain("TI  - SOD1-G93A mice given human umbilical cord blood");
    expect(ris.file).toContain("N1  - Sift title/abstract: excluded (Not about ALS)");
  });

  it("exports every record the filters select, far beyond 10,000, but those ticked off", async () => {
    const g = await browseReview(testDb());
    const db = testDb();
    const bulk = await db.source.create({ data: { reviewId: g.review.id, name: "Bulk", kind: "database" } });
    const n = 12_345;
    await db.$executeRaw`
      INSERT INTO records (id, review_id, source_id, title, year)
      SELECT gen_random_uuid()::text, ${g.review.id}, ${bulk.id}, 'Generated record ' || i, 2000 + i % 25
        FROM generate_series(1, ${n}) AS i`;
    const all = await db.record.findMany({
      where: { sourceId: bulk.id },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const exceptIds = [all[0]!.id, all[7_000]!.id];
    const { row, file } = await exportSelection(db, g.people.lead.id, {
      reviewId: g.review.id,
      format: "csv",
      filters: { sourceId: bulk.id },
      exceptIds,
    });
    expect(row).toMatchObject({ status: "succeeded", total: n - 2, done: n - 2 });
    const expected = all.map((r) => r.id).filter((id) => !exceptIds.includes(id));
    expect(idColumn(file)).toEqual(expected);
  }, 120_000);

  it("reads its filters when its job runs, not when it was asked for", async () => {
    const g = await browseReview(testDb());
    await decide(g, "A", "msc", "include");
    await decide(g, "B", "msc", "include");
    const asked = await askForSelection(testDb(), g.people.lead.id, {
      reviewId: g.review.id,
      format: "csv",
      filters: { outcome: "included" },
    });
    await decide(g, "A", "mouse", "include");
    await decide(g, "B", "mouse", "include");
    const { row, file } = await buildExport(testDb(), asked.id);
    expect(row.total).toBe(2);
    expect(idColumn(file)).toEqual([g.ids.msc, g.ids.mouse].sort());
  });

  it("reads the filters with the asking member's own decisions", async () => {
    const g = await browseReview(testDb());
    await decide(g, "A", "msc", "include");
    await decide(g, "B", "mouse", "include");
    const mine = (who: "A" | "B") =>
      exportSelection(testDb(), g.people[who].id, {
        reviewId: g.review.id,
        format: "csv",
        filters: { decision: "include" },
      });
    expect(idColumn((await mine("A")).file)).toEqual([g.ids.msc]);
    expect(idColumn((await mine("B")).file)).toEqual([g.ids.mouse]);
  });
});

describe("a blinded reviewer's selection", () => {
  /** The same review with B's decision on `msc` as given; A included it in both. */
  async function world(b: "include" | "exclude") {
    const g = await browseReview(testDb());
    await decide(g, "A", "msc", "include");
    await decide(g, "A", "mouse", "exclude");
    await decide(g, "B", "mouse", "exclude");
    await decide(g, "B", "msc", b);
    return g;
  }

  /** The file with each id named, and dates made alike. */
  function named(g: BrowseReview, file: string): string {
    let out = file;
    for (const [name, id] of Object.entries(g.ids)) out = out.replaceAll(id, `<${name as RecordName}>`);
    return out.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "<time>");
  }

  it("is the same whatever a co-reviewer decided, with no outcome, as the browser shows it", async () => {
    const worlds = [await world("include"), await world("exclude")];
    const files = [];
    for (const g of worlds) {
      const chosen = { reviewId: g.review.id, format: "csv" as const };
      const byIds = await exportSelection(testDb(), g.people.A.id, {
        ...chosen,
        recordIds: [g.ids.msc, g.ids.mouse, g.ids.neural],
      });
      const byFilters = await exportSelection(testDb(), g.people.A.id, { ...chosen, filters: { query: "stem" } });
      files.push([named(g, byIds.file), named(g, byFilters.file)].join("\n---\n"));
    }
    expect(files[0]).toBe(files[1]);
    // Nothing of the outcomes: not even the one both reviewers agreed on (mouse, excluded).
    expect(files[0]).not.toMatch(/included|excluded|agreement|Not about ALS/);
    // A lead sees them.
    const lead = await exportSelection(testDb(), worlds[1]!.people.lead.id, {
      reviewId: worlds[1]!.review.id,
      format: "csv",
      recordIds: [worlds[1]!.ids.msc, worlds[1]!.ids.mouse],
    });
    expect(lead.file).toContain(",conflict,");
    expect(lead.file).toContain(",excluded,Not about ALS,");
  });

  it("cannot be chosen by filters that blinding hides, asked for or when the job runs", async () => {
    const g = await world("include");
    const chosen = { reviewId: g.review.id, format: "csv" as const };
    await expect(
      askForSelection(testDb(), g.people.A.id, { ...chosen, filters: { outcome: "included" } }),
    ).rejects.toThrow("While title and abstract screening is blinded, only leads can filter by outcome");
    await expect(
      askForSelection(testDb(), g.people.A.id, {
        ...chosen,
        filters: { decision: "include", decidedBy: g.people.B.id },
      }),
    ).rejects.toThrow("you can filter by your own decisions only");
    // Asked for by a lead who is a reviewer by the time it runs: resolved with what they may use then.
    const asked = await askForSelection(testDb(), g.people.lead.id, { ...chosen, filters: { outcome: "included" } });
    await testDb().membership.updateMany({
      where: { reviewId: g.review.id, userId: g.people.lead.id },
      data: { role: "reviewer" },
    });
    const { row, file } = await buildExport(testDb(), asked.id);
    expect(row).toMatchObject({ status: "failed", error: expect.stringMatching(/only leads can filter by outcome/) });
    expect(file).toBe("");
  });
});

describe("asking for a selection export", () => {
  it("refuses an empty choice, filters matching nothing, stale or forged filters and records of another review", async () => {
    const other = await browseReview(testDb());
    const ask = (input: object) =>
      askForSelection(testDb(), f.people.lead.id, { reviewId: f.review.id, format: "csv", ...input });
    await expect(ask({ recordIds: [] })).rejects.toThrow("Choose the records first.");
    await expect(ask({})).rejects.toThrow("Choose the records first.");
    await expect(ask({ recordIds: [f.ids.msc], filters: {} })).rejects.toThrow(
      "Choose the records either by their filters or one by one, not both.",
    );
    await expect(ask({ filters: { query: "10.9999/no-such-doi" } })).rejects.toThrow(
      "No record matches this search and these filters, so there is nothing to export.",
    );
    await expect(ask({ filters: { labelId: "no-such-label" } })).rejects.toThrow(
      "The label these records were filtered by is not in this review: reload the records page and choose again.",
    );
    await expect(ask({ filters: { sourceId: other.sources.pubmed.id } })).rejects.toThrow(
      "The source these records were filtered by is not in this review",
    );
    await expect(ask({ recordIds: [f.ids.msc, other.ids.msc] })).rejects.toThrow(
      "One of the chosen records is not in this review (any more): reload the records page and choose again.",
    );
    await expect(ask({ format: "xlsx", recordIds: [f.ids.msc] })).rejects.toThrow();
    expect(await testDb().export.count({ where: { reviewId: f.review.id } })).toBe(0);
  });

  it("is every member's, observers included, and is audited with what was chosen", async () => {
    const { row } = await exportSelection(testDb(), f.people.observer.id, {
      reviewId: f.review.id,
      format: "ris",
      stage: "full_text",
      filters: { query: "mesenchymal" },
      exceptIds: [f.ids.copy],
    });
    expect(row).toMatchObject({ status: "succeeded", stage: "full_text", total: 2 });
    const event = await testDb().auditEvent.findFirstOrThrow({
      where: { reviewId: f.review.id, action: "export.requested", entityId: row.id },
    });
    expect(event).toMatchObject({
      actorId: f.people.observer.id,
      entityType: "export",
      data: {
        kind: "selection",
        format: "ris",
        stage: "full_text",
        records: 2,
        filters: { query: "mesenchymal" },
        exceptIds: [f.ids.copy],
      },
    });
    // A member removed meanwhile gets no file.
    const asked = await askForSelection(testDb(), f.people.B.id, {
      reviewId: f.review.id,
      format: "csv",
      recordIds: [f.ids.msc],
    });
    await testDb().membership.updateMany({
      where: { reviewId: f.review.id, userId: f.people.B.id },
      data: { removedAt: new Date() },
    });
    expect((await buildExport(testDb(), asked.id)).row).toMatchObject({
      status: "failed",
      error: "You are no longer a member of this review.",
    });
  });
});
