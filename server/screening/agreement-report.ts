// Inter-rater agreement per stage, from the decisions in the database: Cohen's kappa for each pair of
// reviewers over the records both decided, Fleiss' kappa when records need three or more reviewers.

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

export async function agreementReport(db: Db, reviewId: string) {
  const [decisions, settings] = await Promise.all([
    db.screeningDecision.findMany({
      where: { reviewId },
      select: { recordId: true, stage: true, reviewerId: true, verdict: true },
    }),
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
