// Inter-rater agreement per stage, from the decisions in the database: Cohen's kappa for each pair of
// reviewers over the records both decided, Fleiss' kappa when records need three or more reviewers.
//
// Each record counts with its first round of decisions. A lead who reopens a settled record supersedes its round
// (reopen-override.ts) but the round stays here: those were the reviewers' independent judgements, and agreement
// is a property of them. The round that follows a reopening is made after a lead's intervention (often after the
// team discussed the record or the criteria), so it is not independent of it and does not count; nor does it
// replace the first, which would let reopening disagreements raise the reported kappa.

import type { Db } from "../db/client";
import { STAGES, type Stage } from "../shared/stages";
import {
  cohensKappa,
  contingencyTable,
  fleissCounts,
  fleissKappa,
  interpretKappa,
  percentAgreement,
} from "./agreement";

const VERDICTS = ["include", "exclude", "maybe"] as const;

interface Vote {
  recordId: string;
  stage: Stage;
  reviewerId: string;
  verdict: string;
}

/**
 * Per record and stage, the decisions of its first round: the earliest superseded round if a lead reopened it
 * (rounds in the order they were superseded), else its current decisions.
 */
async function firstRounds(db: Db, reviewId: string): Promise<Vote[]> {
  const [current, superseded] = await Promise.all([
    db.screeningDecision.findMany({
      where: { reviewId },
      select: { recordId: true, stage: true, reviewerId: true, verdict: true },
    }),
    db.supersededDecision.findMany({
      where: { reviewId },
      select: { recordId: true, stage: true, reviewerId: true, verdict: true, changeId: true },
      orderBy: [{ change: { createdAt: "asc" } }, { changeId: "asc" }],
    }),
  ]);
  const firstChange = new Map<string, string>();
  for (const d of superseded) {
    const key = `${d.stage}:${d.recordId}`;
    if (!firstChange.has(key)) firstChange.set(key, d.changeId);
  }
  return [
    ...superseded.filter((d) => firstChange.get(`${d.stage}:${d.recordId}`) === d.changeId),
    ...current.filter((d) => !firstChange.has(`${d.stage}:${d.recordId}`)),
  ];
}

export async function agreementReport(db: Db, reviewId: string) {
  const [decisions, settings] = await Promise.all([
    firstRounds(db, reviewId),
    db.reviewStageSetting.findMany({ where: { reviewId } }),
  ]);
  const people = await db.user.findMany({
    where: { id: { in: [...new Set(decisions.map((d) => d.reviewerId))] } },
    select: { id: true, name: true },
  });
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? "?";
  return STAGES.map((stage: Stage) => {
    const byRecord = new Map<string, Map<string, string>>();
    for (const d of decisions.filter((x) => x.stage === stage)) {
      if (!byRecord.has(d.recordId)) byRecord.set(d.recordId, new Map());
      byRecord.get(d.recordId)!.set(d.reviewerId, d.verdict);
    }
    const reviewers = [...new Set(decisions.filter((x) => x.stage === stage).map((d) => d.reviewerId))].sort();
    const pairs = [];
    for (let i = 0; i < reviewers.length; i++) {
      for (let j = i + 1; j < reviewers.length; j++) {
        const [a, b] = [reviewers[i]!, reviewers[j]!];
        const both: [string, string][] = [];
        for (const votes of byRecord.values())
          if (votes.has(a) && votes.has(b)) both.push([votes.get(a)!, votes.get(b)!]);
        if (both.length === 0) continue;
        const table = contingencyTable(both, VERDICTS);
        const kappa = cohensKappa(table);
        pairs.push({
          reviewers: [
            { id: a, name: name(a) },
            { id: b, name: name(b) },
          ],
          records: both.length,
          kappa,
          interpretation: interpretKappa(kappa),
          percentAgreement: percentAgreement(table),
          table,
        });
      }
    }
    const needed = settings.find((s) => s.stage === stage)?.reviewersPerRecord ?? 2;
    const complete = [...byRecord.values()]
      .filter((votes) => votes.size === needed)
      .map((votes) => [...votes.values()]);
    const fleiss = needed >= 3 && complete.length > 0 ? fleissKappa(fleissCounts(complete, VERDICTS)) : null;
    return {
      stage,
      categories: VERDICTS,
      pairs,
      fleiss:
        needed >= 3
          ? { kappa: fleiss, interpretation: interpretKappa(fleiss), records: complete.length, raters: needed }
          : null,
    };
  });
}
