// Duplicates as groups, through the API as a lead uses them: a group of three records from three imports, merged
// into the record the lead chose with its empty fields filled from the others (audited), undone one record and then
// the rest (clearing exactly what was filled and not changed since), the work of screened records guarded, automatic
// merges undone as a group, and a donor's import withdrawn (its donated values leave with it); PRISMA's duplicates
// before and after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { importText, ris, startQueue } from "../import/imports.fixture";
import { stopJobQueue } from "../jobs/queue";
import { callerFor, makeTeam, testDb } from "../test/integration";

beforeAll(startQueue);
afterAll(stopJobQueue);

/**
 * PubMed, Embase and Scopus each hold one copy of a trial report (their titles differ enough that import leaves
 * them alone) and one unrelated record; de-duplication left the copies as two pending pairs, P~E and E~S.
 * E is the most complete (abstract, DOI, keywords); S alone has pages and a language; P has a PMID and volume.
 */
async function threeCopies(db: Db) {
  const team = await makeTeam(db);
  const reviewId = team.review.id;
  const lead = { reviewId, actorId: team.members.lead.id };
  const file = (title: string, other: string) => ris([{ title }, { title: other }]);
  const imports = {
    pubmed: await importText(
      db,
      lead,
      "pubmed.ris",
      file("Intrathecal stromal cells, phase two", "Riluzole dosing in the elderly"),
      { name: "PubMed" },
    ),
    embase: await importText(
      db,
      lead,
      "embase.ris",
      file("Mesenchymal cells given intrathecally in ALS", "Edaravone in Japan"),
      { name: "Embase" },
    ),
    scopus: await importText(
      db,
      lead,
      "scopus.ris",
      file("A randomised trial of MSC in motor neuron disease", "Tofersen and SOD1"),
      { name: "Scopus" },
    ),
  };
  const copy = async (importId: string) =>
    (
      await db.record.findFirstOrThrow({
        where: {
          importId,
          title: { not: { in: ["Riluzole dosing in the elderly", "Edaravone in Japan", "Tofersen and SOD1"] } },
        },
      })
    ).id;
  const P = await copy(imports.pubmed);
  const E = await copy(imports.embase);
  const S = await copy(imports.scopus);
  await db.record.update({ where: { id: P }, data: { pmid: "31000001", volume: "12" } });
  await db.record.update({
    where: { id: E },
    data: {
      abstract: "Background: stromal cells given intrathecally…",
      doi: "10.1000/msc",
      keywords: ["ALS", "MSC"],
      volume: "99",
    },
  });
  await db.record.update({
    where: { id: S },
    data: { pages: "101-109", language: "eng", abstract: "A shorter abstract" },
  });
  expect(await db.duplicatePair.count({ where: { reviewId } })).toBe(0);
  const pe = await db.duplicatePair.create({ data: { reviewId, recordAId: P, recordBId: E, score: 0.8 } });
  const es = await db.duplicatePair.create({ data: { reviewId, recordAId: E, recordBId: S, score: 0.7 } });
  return { ...team, reviewId, imports, P, E, S, pairIds: [pe.id, es.id], pe: pe.id, es: es.id };
}

async function duplicatesRemoved(db: Db, leadId: string, reviewId: string) {
  const { flow } = await callerFor(db, leadId).prisma2020Flow.diagram({ reviewId });
  return flow.values.duplicates;
}

const fieldsOf = (db: Db, id: string) =>
  db.record.findUniqueOrThrow({
    where: { id },
    select: {
      abstract: true,
      doi: true,
      pmid: true,
      keywords: true,
      volume: true,
      pages: true,
      language: true,
      duplicateOfId: true,
    },
  });

describe("duplicates as groups", () => {
  it("shows the chained pairs as one group of three, the most complete record first", async () => {
    const db = testDb();
    const t = await threeCopies(db);
    const lead = callerFor(db, t.members.lead.id);
    const { groups, total } = await lead.duplicates.groups({ reviewId: t.reviewId });
    expect(total).toBe(1);
    expect(groups[0]!.pairIds.toSorted()).toEqual(t.pairIds.toSorted());
    // E has an abstract and a DOI; S an abstract only; P neither.
    expect(groups[0]!.records.map((r) => r.id)).toEqual([t.E, t.S, t.P]);
    expect(await lead.duplicates.summary({ reviewId: t.reviewId })).toMatchObject({ pending: 2, pendingGroups: 1 });
  });

  it("merges into the chosen record, fills its empty fields from the most complete donor, and undoes exactly", async () => {
    const db = testDb();
    const t = await threeCopies(db);
    const lead = callerFor(db, t.members.lead.id);
    expect(await duplicatesRemoved(db, t.members.lead.id, t.reviewId)).toBe(0);

    const result = await lead.duplicates.mergeGroup({ reviewId: t.reviewId, pairIds: t.pairIds, keptId: t.P });
    expect(result).toMatchObject({ keptId: t.P, merged: 2 });
    expect(await fieldsOf(db, t.P)).toEqual({
      abstract: "Background: stromal cells given intrathecally…", // E's, not S's: E is the more complete
      doi: "10.1000/msc",
      pmid: "31000001",
      keywords: ["ALS", "MSC"],
      volume: "12", // P's own, not E's
      pages: "101-109",
      language: "eng",
      duplicateOfId: null,
    });
    expect((await fieldsOf(db, t.E)).duplicateOfId).toBe(t.P);
    expect((await fieldsOf(db, t.S)).duplicateOfId).toBe(t.P);
    const fills = await db.recordFieldFill.findMany({ where: { recordId: t.P }, orderBy: { field: "asc" } });
    expect(fills.map((f) => [f.field, f.donorId === t.E ? "E" : "S"])).toEqual([
      ["abstract", "E"],
      ["doi", "E"],
      ["keywords", "E"],
      ["language", "S"],
      ["pages", "S"],
    ]);
    // Each merged record has its merged pair, the kept record first; the pair between E and S is resolved.
    const pairs = await db.duplicatePair.findMany({ where: { reviewId: t.reviewId } });
    expect(pairs.map((p) => [p.recordAId, p.recordBId, p.status]).toSorted()).toEqual(
      [
        [t.P, t.E, "merged"],
        [t.P, t.S, "merged"],
      ].toSorted(),
    );
    const events = await db.auditEvent.findMany({ where: { reviewId: t.reviewId, action: "dedup.merged" } });
    expect(events.map((e) => (e.data as { filled: string[] }).filled).toSorted()).toEqual([
      ["abstract", "doi", "keywords"],
      ["pages", "language"],
    ]);
    expect(await duplicatesRemoved(db, t.members.lead.id, t.reviewId)).toBe(2);
    expect(await lead.duplicates.summary({ reviewId: t.reviewId })).toMatchObject({ pending: 0, pendingGroups: 0 });
    const merged = await lead.duplicates.mergedGroups({ reviewId: t.reviewId });
    expect(merged.groups).toHaveLength(1);
    expect(merged.groups[0]!.kept.id).toBe(t.P);
    expect(
      Object.fromEntries(merged.groups[0]!.merged.map((m) => [m.id === t.E ? "E" : "S", m.filled.toSorted()])),
    ).toEqual({ E: ["abstract", "doi", "keywords"], S: ["language", "pages"] });

    // Undoing S alone clears what S filled, and only that.
    const sPair = merged.groups[0]!.merged.find((m) => m.id === t.S)!.pair!;
    await lead.duplicates.undoMerge({ reviewId: t.reviewId, pairId: sPair.id });
    expect(await fieldsOf(db, t.P)).toMatchObject({ pages: null, language: null, doi: "10.1000/msc" });
    expect((await fieldsOf(db, t.S)).duplicateOfId).toBeNull();
    expect(await duplicatesRemoved(db, t.members.lead.id, t.reviewId)).toBe(1);

    // Someone corrects the filled abstract; undoing the group leaves that correction alone.
    await db.record.update({ where: { id: t.P }, data: { abstract: "Corrected abstract" } });
    expect(await lead.duplicates.undoGroupMerge({ reviewId: t.reviewId, keptId: t.P })).toEqual({ restored: 1 });
    expect(await fieldsOf(db, t.P)).toEqual({
      abstract: "Corrected abstract",
      doi: null,
      pmid: "31000001",
      keywords: [],
      volume: "12",
      pages: null,
      language: null,
      duplicateOfId: null,
    });
    expect(await db.recordFieldFill.count({ where: { reviewId: t.reviewId } })).toBe(0);
    expect(await duplicatesRemoved(db, t.members.lead.id, t.reviewId)).toBe(0);
    const undone = await db.auditEvent.findMany({ where: { reviewId: t.reviewId, action: "dedup.merge_undone" } });
    expect(undone.map((e) => (e.data as { cleared: string[] }).cleared.toSorted()).toSorted()).toEqual([
      ["doi", "keywords"],
      ["language", "pages"],
    ]);
    expect((await lead.duplicates.mergedGroups({ reviewId: t.reviewId })).groups).toEqual([]);
  });

  it("asks before merging away a screened record, refuses a group that changed, and keeps one record apart", async () => {
    const db = testDb();
    const t = await threeCopies(db);
    const lead = callerFor(db, t.members.lead.id);
    await callerFor(db, t.members.reviewer.id).screening.decide({
      reviewId: t.reviewId,
      stage: "title_abstract",
      recordId: t.S,
      verdict: "include",
    });
    // Leads see which record carries work and it is offered first; others are not told (blinding).
    const forLead = (await lead.duplicates.groups({ reviewId: t.reviewId })).groups[0]!;
    expect(forLead.records[0]).toMatchObject({ id: t.S, hasWork: true });
    const forObserver = (await callerFor(db, t.members.observer.id).duplicates.groups({ reviewId: t.reviewId }))
      .groups[0]!;
    expect(forObserver.records.map((r) => r.hasWork)).toEqual([false, false, false]);

    await expect(lead.duplicates.mergeGroup({ reviewId: t.reviewId, pairIds: t.pairIds, keptId: t.E })).rejects.toThrow(
      /has screening decisions or a full text/,
    );
    await expect(lead.duplicates.mergeGroup({ reviewId: t.reviewId, pairIds: [t.pe], keptId: t.E })).rejects.toThrow(
      /decided part of this group meanwhile, or an import changed it/,
    );
    expect(await db.record.count({ where: { reviewId: t.reviewId, duplicateOfId: { not: null } } })).toBe(0);

    await lead.duplicates.notDuplicateOfGroup({ reviewId: t.reviewId, pairIds: t.pairIds, recordId: t.S });
    expect((await db.duplicatePair.findUniqueOrThrow({ where: { id: t.es } })).status).toBe("not_duplicates");
    const left = (await lead.duplicates.groups({ reviewId: t.reviewId })).groups;
    expect(left.map((g) => g.records.map((r) => r.id).toSorted())).toEqual([[t.P, t.E].toSorted()]);
    await lead.duplicates.mergeGroup({ reviewId: t.reviewId, pairIds: [t.pe], keptId: t.E });
    expect((await fieldsOf(db, t.E)).pmid).toBe("31000001");
    expect((await fieldsOf(db, t.S)).duplicateOfId).toBeNull();
    // The pairs kept apart, for whoever reviews them; the merged pair is read with its group, not here.
    const apart = await callerFor(db, t.members.observer.id).duplicates.notDuplicatePairs({ reviewId: t.reviewId });
    expect(apart.pairs.map((p) => [p.status, p.decidedBy?.name]).every(([s]) => s === "not_duplicates")).toBe(true);
    expect(apart.pairs.map((p) => p.id)).not.toContain(t.pe);
    expect(apart.pairs.length).toBeGreaterThan(0);
  });

  it("merges a screened record away once the lead confirms (its decision kept), and undo gives it back", async () => {
    const db = testDb();
    const t = await threeCopies(db);
    const lead = callerFor(db, t.members.lead.id);
    await callerFor(db, t.members.reviewer.id).screening.decide({
      reviewId: t.reviewId,
      stage: "title_abstract",
      recordId: t.S,
      verdict: "include",
    });
    await lead.duplicates.mergeGroup({ reviewId: t.reviewId, pairIds: t.pairIds, keptId: t.E, confirmWork: true });
    expect((await fieldsOf(db, t.S)).duplicateOfId).toBe(t.E);
    expect(await db.screeningDecision.count({ where: { recordId: t.S } })).toBe(1);
    await lead.duplicates.undoGroupMerge({ reviewId: t.reviewId, keptId: t.E });
    expect((await fieldsOf(db, t.S)).duplicateOfId).toBeNull();
  });

  it("lists automatic merges at import as a group and undoes them together", async () => {
    const db = testDb();
    const team = await makeTeam(db);
    const reviewId = team.review.id;
    const scope = { reviewId, actorId: team.members.lead.id };
    const paper = { title: "Autologous MSC-NTF cells in ALS: a randomised phase 3 trial", doi: "10.1000/nurown" };
    const pubmed = await importText(db, scope, "pubmed.ris", ris([paper, { title: "Riluzole dosing" }]));
    await importText(db, scope, "embase.ris", ris([paper, { title: "Edaravone in Japan" }]), { name: "Embase" });
    await importText(db, scope, "scopus.ris", ris([paper, { title: "Tofersen and SOD1" }]), { name: "Scopus" });
    const lead = callerFor(db, team.members.lead.id);
    expect(await duplicatesRemoved(db, team.members.lead.id, reviewId)).toBe(2);
    const { groups } = await lead.duplicates.mergedGroups({ reviewId });
    expect(groups).toHaveLength(1);
    const kept = await db.record.findFirstOrThrow({ where: { importId: pubmed, doi: paper.doi } });
    expect(groups[0]!.kept.id).toBe(kept.id);
    expect(groups[0]!.merged.map((m) => [m.import?.fileName, m.pair?.automatic, m.pair?.decidedBy])).toEqual([
      ["embase.ris", true, null],
      ["scopus.ris", true, null],
    ]);
    expect(await lead.duplicates.undoGroupMerge({ reviewId, keptId: kept.id })).toEqual({ restored: 2 });
    expect(await duplicatesRemoved(db, team.members.lead.id, reviewId)).toBe(0);
    expect(await db.duplicatePair.count({ where: { reviewId, status: "not_duplicates" } })).toBe(2);
  });

  it("withdrawing a donor's import takes its donated values out of the kept record; other donors' stay", async () => {
    const db = testDb();
    const t = await threeCopies(db);
    const lead = callerFor(db, t.members.lead.id);
    await lead.duplicates.mergeGroup({ reviewId: t.reviewId, pairIds: t.pairIds, keptId: t.P });
    expect(await duplicatesRemoved(db, t.members.lead.id, t.reviewId)).toBe(2);
    const impact = await lead.imports.withdrawalImpact({ reviewId: t.reviewId, importId: t.imports.embase });
    expect(impact).toMatchObject({ records: 2, duplicatesRemoved: 1, donatedFields: 3 });
    await lead.imports.withdraw({
      reviewId: t.reviewId,
      importId: t.imports.embase,
      reason: "Embase was searched with the wrong limits",
      downstreamKey: impact.downstreamKey,
    });
    expect(await fieldsOf(db, t.P)).toEqual({
      abstract: "",
      doi: null,
      pmid: "31000001",
      keywords: [],
      volume: "12",
      pages: "101-109",
      language: "eng",
      duplicateOfId: null,
    });
    expect((await fieldsOf(db, t.S)).duplicateOfId).toBe(t.P);
    expect(await duplicatesRemoved(db, t.members.lead.id, t.reviewId)).toBe(1);
    // The fill rows left with the donor, kept in the archive; the withdrawal's event counts the cleared fields.
    expect(await db.recordFieldFill.count({ where: { donorId: t.E } })).toBe(0);
    expect(
      await db.withdrawnRow.count({ where: { importId: t.imports.embase, tableName: "record_field_fills" } }),
    ).toBe(3);
    const event = await db.auditEvent.findFirstOrThrow({ where: { reviewId: t.reviewId, action: "import.withdrawn" } });
    expect(event.data).toMatchObject({ fieldsCleared: 3 });
    // S's merge can still be undone, clearing what S filled.
    await lead.duplicates.undoGroupMerge({ reviewId: t.reviewId, keptId: t.P });
    expect(await fieldsOf(db, t.P)).toMatchObject({ pages: null, language: null });
  });
});
