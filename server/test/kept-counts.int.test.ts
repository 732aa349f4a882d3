// The screening counts the database keeps, and the PRISMA diagram's counts as kept for its page and downloads,
// equal a full recount after every step of a random mix of everything that moves them, each done the way the app does it: decisions at both stages, undo, conflict resolution, reopening
// and overriding, removal and restoring, full text retrieved, imports with duplicates merged automatically, a
// merge undone, an import withdrawn, records served. Seeded, so a failing seed replays the same steps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importText, ris, startQueue } from "../import/imports.fixture";
import { stopJobQueue } from "../jobs/queue";
import { cachedFlowCounts } from "../prisma-2020-flow/cached-flow-counts";
import { readFlowCounts } from "../prisma-2020-flow/flow-counts";
import { foldDeltas, progressCounts, stageCounts } from "../screening/progress-counts";
import { perRecordCounts, random, recountKeys } from "../screening/progress-recount.fixture";
import type { Stage } from "../shared/stages";
import { callerFor, makeTeam, makeUser, testDb } from "./integration";

beforeAll(startQueue);
afterAll(stopJobQueue);

const STAGES: Stage[] = ["title_abstract", "full_text"];
const STEPS = 45;

/** Titles unlike each other, so only the DOIs decide what is a duplicate. */
const title = (i: number) =>
  `${["Intrathecal", "Autologous", "Neural", "Umbilical", "Bone marrow"][i % 5]} cells, trial ${i} in ${["ALS", "MND", "SOD1 mice"][i % 3]} ${"abcdefghijklmnopqrstuvwxyz"[i % 26]}${i}`;
const file = (from: number, to: number, copiesOf: number[] = []) =>
  ris([
    ...Array.from({ length: to - from }, (_, k) => ({ title: title(from + k), doi: `10.9/k${from + k}` })),
    ...copiesOf.map((i) => ({ title: title(i), doi: `10.9/k${i}` })),
  ]);

describe("kept screening and PRISMA counts", () => {
  it.each([11, 12])(
    "equal a full recount after every step of a random mix of changes (seed %i)",
    { timeout: 120_000 },
    async (seed) => {
      const rnd = random(seed);
      const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
      const db = testDb();
      const { review, members } = await makeTeam(db);
      const reviewId = review.id;
      const extra = await makeUser(db, "reviewer3");
      await db.membership.create({ data: { reviewId, userId: extra.id, role: "reviewer" } });
      const reviewers = [members.reviewer.id, members.owner.id, extra.id];
      const lead = callerFor(db, members.lead.id);
      const leadScope = { reviewId, actorId: members.lead.id };
      const imports = [
        await importText(db, leadScope, "pubmed.ris", file(0, 14), { name: "PubMed", kind: "database" }),
      ];
      let next = 14;

      const live = async () =>
        (await db.record.findMany({ where: { reviewId, duplicateOfId: null }, select: { id: true } })).map((r) => r.id);
      const outcomes = (stage: Stage, status: "included" | "excluded" | "conflict") =>
        db.screeningOutcome.findMany({ where: { reviewId, stage, status }, select: { recordId: true } });
      const settled = async () => [
        ...(await outcomes("title_abstract", "included")),
        ...(await outcomes("title_abstract", "excluded")),
      ];
      /** Unsettled records, a few at a time, so that decisions settle and conflict as often as they wait. */
      const unsettled = async () =>
        (
          await db.record.findMany({
            where: {
              reviewId,
              duplicateOfId: null,
              outcomes: { none: { stage: "title_abstract", status: { not: "awaiting" } } },
            },
            select: { id: true },
            orderBy: { id: "asc" },
          })
        ).map((r) => r.id);
      const verdicts = ["include", "exclude", "exclude", "maybe"] as const;
      const steps: Record<string, () => Promise<unknown>> = {
        decide: async () =>
          callerFor(db, pick(reviewers)!).screening.decide({
            reviewId,
            stage: "title_abstract",
            recordId: pick((await unsettled()).slice(0, 4))!,
            verdict: pick(verdicts)!,
          }),
        decideFullText: async () => {
          const included = await outcomes("title_abstract", "included");
          if (!included.length) return;
          return callerFor(db, pick(reviewers)!).screening.decide({
            reviewId,
            stage: "full_text",
            recordId: pick(included)!.recordId,
            verdict: pick(["include", "maybe"] as const)!,
          });
        },
        undo: async () => {
          const last = pick(await db.screeningDecision.findMany({ where: { reviewId } }));
          if (last) return callerFor(db, last.reviewerId).screening.undo({ reviewId, stage: last.stage });
        },
        resolve: async () => {
          const open = await db.conflict.findMany({ where: { reviewId, status: "open" } });
          const conflict = pick(open);
          if (conflict)
            return lead.screening.resolveConflict({ reviewId, conflictId: conflict.id, verdict: "include" });
        },
        reopen: async () => {
          const one = pick(await settled());
          if (one)
            return lead.screening.reopen({ reviewId, stage: "title_abstract", recordId: one.recordId, confirm: true });
        },
        override: async () => {
          const one = pick(await settled());
          if (one)
            return lead.screening.override({
              reviewId,
              stage: "title_abstract",
              recordId: one.recordId,
              verdict: pick(["include", "exclude"] as const)!,
              note: "The lead read the abstract again",
              confirm: true,
            });
        },
        remove: async () =>
          lead.records.removeBeforeScreening({ reviewId, recordIds: [pick(await live())!], reason: "retracted" }),
        restore: async () => {
          const removed = pick(await db.recordRemoval.findMany({ where: { reviewId } }));
          if (removed) return lead.records.restoreRemoved({ reviewId, recordIds: [removed.recordId] });
        },
        retrieve: async () => {
          const sought = pick(await db.report.findMany({ where: { reviewId, retrievalStatus: "sought" } }));
          if (sought)
            return db.report.update({
              where: { id: sought.id },
              data: { retrievalStatus: "retrieved", url: "https://doi.org/10.9/x" },
            });
        },
        importWithCopies: async () => {
          const copies = [Math.floor(rnd() * next), Math.floor(rnd() * next)];
          imports.push(
            await importText(db, leadScope, `more-${next}.ris`, file(next, next + 3, copies), {
              name: "Embase",
              kind: "database",
            }),
          );
          next += 3;
        },
        undoMerge: async () => {
          const kept = pick(await db.record.findMany({ where: { reviewId, duplicates: { some: {} } } }));
          if (kept) return lead.duplicates.undoGroupMerge({ reviewId, keptId: kept.id });
        },
        withdraw: async () => {
          const importId = pick(imports.slice(1));
          if (!importId) return;
          const impact = await lead.imports.withdrawalImpact({ reviewId, importId });
          await lead.imports.withdraw({
            reviewId,
            importId,
            downstreamKey: impact.downstreamKey,
            confirmDownstream: true,
          });
          imports.splice(imports.indexOf(importId), 1);
        },
        serve: () => callerFor(db, pick(reviewers)!).screening.next({ reviewId, stage: "title_abstract", count: 2 }),
        fold: () => foldDeltas(db, reviewId, pick(STAGES)!),
      };
      // Decisions are most of what happens, so most of the mix.
      const kinds = Object.keys(steps);
      const weighted = [...kinds, ...Array(6).fill("decide"), ...Array(2).fill("decideFullText"), "undo", "resolve"];
      const done = new Map<string, number>();
      for (let step = 0; step < STEPS; step++) {
        // Every third step goes through the kinds of change in turn, so each is tried whatever the seed.
        const name = step % 3 === 0 ? kinds[(step / 3) % kinds.length]! : pick(weighted)!;
        const ok = await steps[name]!().then(
          () => true,
          () => false, // refused (a settled record, nothing to undo...): the counts must still hold
        );
        if (ok) done.set(name, (done.get(name) ?? 0) + 1);
        // The diagram's counts as kept for the page and downloads, against counting them afresh.
        expect(await cachedFlowCounts(db, reviewId), `PRISMA after step ${step} (${name})`).toEqual(
          await readFlowCounts(db, reviewId),
        );
        for (const stage of STAGES) {
          const kept = Object.fromEntries([...(await stageCounts(db, reviewId, stage))].filter(([, n]) => n !== 0));
          expect(kept, `${stage} after step ${step} (${name})`).toEqual(await recountKeys(db, reviewId, stage));
          for (const who of [members.lead.id, ...reviewers])
            expect(await progressCounts(db, { reviewId, reviewerId: who }, stage, 2)).toEqual(
              await perRecordCounts(db, reviewId, who, stage, 2),
            );
        }
      }
      // The mix must have held what it is meant to test, or equality would prove little.
      expect([...done.keys()]).toEqual(expect.arrayContaining(["decide", "importWithCopies"]));
      expect(done.size).toBeGreaterThanOrEqual(11);
    },
  );
});
