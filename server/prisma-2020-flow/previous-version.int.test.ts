// The updated-review form of the diagram (PRISMA 2020, Figure 1 for updated reviews): a lead enters the previous
// version's studies and reports, or reads them from that review's Sift bundle, and switches back; the diagram,
// its files and the template CSV follow, and each change is audited.
import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import pg from "pg";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { GET as diagramRoute } from "../../app/api/reviews/[reviewId]/prisma-2020/[format]/route";
import { POST as uploadRoute } from "../../app/api/reviews/[reviewId]/prisma-2020/previous-version/route";
import type { Db } from "../db/client";
import { writeBundle } from "../export/bundle/write-bundle";
import { fileStorage } from "../storage/file-storage";
import { callerFor, makeTeam, testDb } from "../test/integration";
import { callRoute } from "../test/route-calls";

vi.mock("../auth/session", async (original) => ({
  ...(await original<object>()),
  requestSession: (await import("../test/route-calls")).testSession,
}));

/** A finished earlier review: two studies, one of them with two reports, and an excluded report. */
async function earlierReview(db: Db) {
  const team = await makeTeam(db);
  const reviewId = team.review.id;
  const source = await db.source.create({ data: { reviewId, name: "PubMed", kind: "database" } });
  const studies = {
    a: await db.study.create({ data: { reviewId, label: "Trial A" } }),
    b: await db.study.create({ data: { reviewId, label: "Trial B" } }),
  };
  const add = async (title: string, ft: "included" | "excluded", studyId?: string) => {
    const record = await db.record.create({ data: { reviewId, sourceId: source.id, title } });
    for (const stage of ["title_abstract", "full_text"] as const)
      await db.screeningOutcome.create({
        data: {
          reviewId,
          recordId: record.id,
          stage,
          status: stage === "title_abstract" ? "included" : ft,
          settledAt: new Date(),
        },
      });
    await db.report.create({ data: { reviewId, recordId: record.id, retrievalStatus: "retrieved", studyId } });
  };
  await add("Trial A paper", "included", studies.a.id);
  await add("Trial A registry entry", "included", studies.a.id);
  await add("Trial B paper", "included", studies.b.id);
  await add("Excluded paper", "excluded");
  return team;
}

async function bundleOf(reviewId: string): Promise<Buffer> {
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
  const client = await pool.connect();
  try {
    const out = new PassThrough();
    const bytes = buffer(out);
    await writeBundle(client, fileStorage(), reviewId, out);
    return await bytes;
  } finally {
    client.release();
    await pool.end();
  }
}

let earlier: Awaited<ReturnType<typeof earlierReview>>;
let update: Awaited<ReturnType<typeof makeTeam>>;
beforeAll(async () => {
  earlier = await earlierReview(testDb());
  update = await makeTeam(testDb());
  const source = await testDb().source.create({
    data: { reviewId: update.review.id, name: "Embase", kind: "database" },
  });
  await testDb().record.create({ data: { reviewId: update.review.id, sourceId: source.id, title: "A new record" } });
});

describe("the updated-review form", () => {
  it("adds the numbers a lead entered, draws the totals, fills the CSV, and switches back, audited", async () => {
    const reviewId = update.review.id;
    const lead = callerFor(testDb(), update.members.lead.id);
    await expect(
      callerFor(testDb(), update.members.reviewer.id).prisma2020Flow.setPreviousVersion({
        reviewId,
        studies: 3,
        reports: 4,
      }),
    ).rejects.toThrow(/lead role/);
    await expect(lead.prisma2020Flow.setPreviousVersion({ reviewId, studies: 5, reports: 4 })).rejects.toThrow(
      /cannot have more studies \(5\) than reports of them \(4\)/,
    );
    await lead.prisma2020Flow.setPreviousVersion({ reviewId, studies: 3, reports: 4 });
    const { flow, svg, previousVersion } = await lead.prisma2020Flow.diagram({ reviewId });
    expect(previousVersion).toMatchObject({ studies: 3, reports: 4, bundleTitle: null });
    expect(flow.variant).toBe("updated");
    expect(flow.values).toMatchObject({ previous_studies: 3, previous_reports: 4, total_studies: 3, total_reports: 4 });
    expect(svg).toContain("Total studies included in review (n\u00a0=\u00a03)");
    expect(svg).toContain('<g id="box-previous_version">');
    const csv = await (
      await callRoute(diagramRoute, update.members.lead.id, { params: { reviewId, format: "csv" } })
    ).text();
    expect(csv).toMatch(/^previous_studies,.*,3$/m);
    expect(csv).toMatch(/^total_reports,.*,4$/m);

    await lead.prisma2020Flow.clearPreviousVersion({ reviewId });
    expect((await lead.prisma2020Flow.diagram({ reviewId })).flow.variant).toBe("new");
    await expect(lead.prisma2020Flow.clearPreviousVersion({ reviewId })).rejects.toThrow(/already in the form/);
    const actions = await testDb().auditEvent.findMany({
      where: { reviewId, action: { startsWith: "prisma." } },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["prisma.previous_version_set", "prisma.previous_version_cleared"]);
  });

  it("reads the previous version from the earlier review's bundle, and refuses a file that is not one", async () => {
    const reviewId = update.review.id;
    const upload = (userId: string, body: BodyInit) => callRoute(uploadRoute, userId, { params: { reviewId }, body });
    const bundle = await bundleOf(earlier.review.id);
    expect((await upload(update.members.reviewer.id, new Uint8Array(bundle))).status).toBe(403);
    const refused = await upload(update.members.lead.id, "not a bundle");
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/cannot be read as a Sift review bundle/);

    const answer = await upload(update.members.lead.id, new Uint8Array(bundle));
    expect(answer.status).toBe(201);
    expect(await answer.json()).toMatchObject({ studies: 2, reports: 3, bundleTitle: earlier.review.title });
    const { flow } = await callerFor(testDb(), update.members.lead.id).prisma2020Flow.diagram({ reviewId });
    expect(flow.values).toMatchObject({ previous_studies: 2, previous_reports: 3, total_studies: 2 });
  });
});
